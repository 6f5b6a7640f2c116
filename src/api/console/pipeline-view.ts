/**
 * The console's pipeline page: stories stored per minute (total and per
 * feed), queue depth per stage, publication-to-stored latency (p50, p95) and
 * failures per stage, over the last hour or day. The server renders the
 * figures as tables (readable without script); the page's script draws them as
 * charts with uPlot and refreshes them while the page is open.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PipelineStats, StatsWindow } from '../pipeline-stats.js';
import { STAGES } from '../pipeline-stats.js';
import { type SafeHtml, html, raw } from './html.js';
import { BASE } from './views.js';

const require = createRequire(import.meta.url);

/**
 * The page's static files: its script, and uPlot's browser build and
 * stylesheet read from the installed package (nothing from a CDN, nothing
 * copied into this repository).
 */
export const PIPELINE_STATIC: Record<string, { type: string; body: Buffer }> = {
  'pipeline.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(new URL('./static/pipeline.js', import.meta.url)) },
  'uplot.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js')) },
  'uplot.css': { type: 'text/css; charset=utf-8', body: readFileSync(require.resolve('uplot/dist/uPlot.min.css')) },
};

/** The window asked for, `1h` unless `1d`. Pure. */
export const pipelineWindow = (v: string | undefined): StatsWindow => (v === '1d' ? '1d' : '1h');

const WINDOW_LABEL: Record<StatsWindow, string> = { '1h': 'Last hour', '1d': 'Last day' };
const BUCKET_LABEL: Record<StatsWindow, string> = { '1h': 'per minute', '1d': 'per 15 minutes' };
/** Queue states that make a queue's depth: jobs not yet finished. */
export const DEPTH_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children'] as const;

/** "850 ms", "42 s", "3.5 min", "2.1 h", "12 d". Pure. */
export function formatDuration(ms: number | null): string {
  if (ms === null) {
    return '—';
  }
  const abs = Math.abs(ms);
  const [v, unit] =
    abs < 1_000 ? [ms, 'ms'] : abs < 60_000 ? [ms / 1_000, 's'] : abs < 3_600_000 ? [ms / 60_000, 'min'] : abs < 86_400_000 ? [ms / 3_600_000, 'h'] : [ms / 86_400_000, 'd'];
  return `${Number(v.toFixed(Math.abs(v) < 10 && unit !== 'ms' ? 1 : 0))} ${unit}`;
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

function figure(id: string, title: string, table: SafeHtml, window: StatsWindow): SafeHtml {
  return html`<figure class="chart" id="${id}" aria-labelledby="${id}-h">
  <figcaption id="${id}-h">${title}</figcaption>
  <div class="chart-plot" data-window="${window}"></div>
  ${table}
</figure>`;
}

export type PipelinePageData = { window: StatsWindow; stats: PipelineStats | null; error?: string };

export function pipelinePage(d: PipelinePageData): SafeHtml {
  const s = d.stats;
  const tab = (w: StatsWindow) =>
    html`<a href="${BASE}/pipeline?window=${w}"${w === d.window ? raw(' aria-current="page"') : ''}>${WINDOW_LABEL[w]}</a>`;
  const feeds = s ? Object.entries(s.stored.byFeed).sort(([a], [b]) => a.localeCompare(b)) : [];
  const stored = html`<table class="chart-table" data-series="stored">
  <thead><tr><th scope="col">Series</th><th scope="col">Stories</th></tr></thead>
  <tbody><tr data-key="total"><th scope="row">All feeds</th><td class="num">${s?.stored.sum ?? 0}</td></tr>
  ${feeds.map(([feed, xs]) => html`<tr data-key="${feed}"><th scope="row">${feed}</th><td class="num">${sum(xs)}</td></tr>`)}</tbody>
</table>`;
  const queues = html`<table class="chart-table" data-series="queues">
  <thead><tr><th scope="col">Queue</th><th scope="col">Depth</th><th scope="col">Failed</th></tr></thead>
  <tbody>${
    s?.queues && s.queues.length > 0
      ? s.queues.map(
          (q) =>
            html`<tr data-key="${q.queue}"><th scope="row"><code>${q.queue}</code></th><td class="num">${sum(DEPTH_STATES.map((st) => q.counts[st] ?? 0))}</td><td class="num">${q.counts.failed ?? 0}</td></tr>`,
        )
      : html`<tr><td colspan="3" class="none">This API process reports no queues.</td></tr>`
  }</tbody>
</table>`;
  const latency = html`<table class="chart-table" data-series="latency">
  <thead><tr><th scope="col">Percentile</th><th scope="col">Publication → stored</th></tr></thead>
  <tbody><tr data-key="p50"><th scope="row">p50</th><td class="num">${formatDuration(s?.latency.overall.p50 ?? null)}</td></tr>
  <tr data-key="p95"><th scope="row">p95</th><td class="num">${formatDuration(s?.latency.overall.p95 ?? null)}</td></tr></tbody>
</table>`;
  const failures = html`<table class="chart-table" data-series="failures">
  <thead><tr><th scope="col">Stage</th><th scope="col">Failed items</th></tr></thead>
  <tbody>${STAGES.map((st) => html`<tr data-key="${st}"><th scope="row">${st}</th><td class="num">${s ? sum(s.failures.byStage[st]) : 0}</td></tr>`)}</tbody>
</table>`;
  return html`<h1>Pipeline</h1>
<nav class="window-tabs" aria-label="Time window">${tab('1h')} ${tab('1d')}</nav>
${d.error ? html`<p class="error" role="alert">${d.error}</p>` : ''}
<p class="live-status" id="pipeline-status" role="status" aria-live="polite"><noscript>Charts need script; the tables show the same figures. Reload for new ones.</noscript></p>
<div class="charts" id="pipeline" data-stats="${BASE}/pipeline/stats.json?window=${d.window}" data-window="${d.window}">
${figure('chart-stored', `Stories stored ${BUCKET_LABEL[d.window]}, ${WINDOW_LABEL[d.window].toLowerCase()}`, stored, d.window)}
${figure('chart-queues', 'Queue depth per stage (jobs waiting or in progress, since this page opened)', queues, d.window)}
${figure('chart-latency', `Publication → stored latency ${BUCKET_LABEL[d.window]}`, latency, d.window)}
${figure('chart-failures', `Failures per stage ${BUCKET_LABEL[d.window]}`, failures, d.window)}
</div>`;
}
