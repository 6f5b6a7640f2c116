import type { RunSummary } from '../pipeline.js';
import type { FeedState } from '../store/types.js';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));

export function formatTable(rows: string[][]): string {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, cell.length);
    });
  }
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : pad(c, widths[i] ?? 0))).join('  ')).join('\n');
}

export function formatSummary(s: RunSummary): string {
  const lines: string[] = [];
  const ok = s.feeds.filter((f) => f.ok).length;
  lines.push(`feeds: ${ok} ok, ${s.feeds.length - ok} failed`);
  lines.push(
    formatTable([
      ['feed', 'status', 'items', 'new', 'detail'],
      ...s.feeds.map((f) => [f.id, f.ok ? 'ok' : 'FAILED', String(f.items), String(f.newItems), f.error ?? '']),
    ]),
  );
  lines.push('');
  lines.push(`new items: ${s.newItems}`);
  lines.push(`stored: ${s.stored.created} new, ${s.stored.updated} updated, ${s.stored.unchanged} unchanged`);
  if (s.fallbacks.length > 0) {
    lines.push(`stored from feed content (page unusable): ${s.fallbacks.length}`);
    for (const f of s.fallbacks) {
      lines.push(`  ${f.url}  (${f.reason})`);
    }
  }
  if (s.skipped.length > 0) {
    lines.push(`skipped: ${s.skipped.length}`);
    for (const f of s.skipped) {
      lines.push(`  ${f.url}  (${f.reason})`);
    }
  }
  lines.push(`failures: ${s.failures.length}`);
  for (const f of s.failures) {
    lines.push(`  [${f.stage}] ${f.url}  (${f.reason})`);
  }
  lines.push(`took ${(s.ms / 1000).toFixed(1)} s`);
  return lines.join('\n');
}

export function formatFeeds(feeds: FeedState[]): string {
  if (feeds.length === 0) {
    return 'no feeds (add one with `telex feeds add <url>` or in config/feeds.yaml)';
  }
  return formatTable([
    ['id', 'status', 'last poll', 'last success', 'next poll', 'new', 'failures', 'url / last error'],
    ...feeds.map((f) => [
      f.id,
      f.status === 'retired' ? 'retired' : f.consecutiveFailures > 0 ? 'FAILING' : f.lastSuccessAt ? 'ok' : 'never polled',
      f.lastPolledAt ?? '-',
      f.lastSuccessAt ?? '-',
      f.status === 'retired' ? '-' : (f.nextPollAt ?? 'next tick'),
      String(f.lastNewItems),
      String(f.consecutiveFailures),
      f.lastError && f.consecutiveFailures > 0 ? `${f.url}  ${f.lastError.code}: ${f.lastError.message}` : f.url,
    ]),
  ]);
}

export function formatStatus(s: import('./status.js').Status): string {
  const lines: string[] = ['queues:'];
  lines.push(
    formatTable([
      ['queue', 'waiting', 'active', 'delayed', 'failed'],
      ...Object.entries(s.queues).map(([name, c]) => [
        name,
        String((c['waiting'] ?? 0) + (c['prioritized'] ?? 0)),
        String(c['active'] ?? 0),
        String(c['delayed'] ?? 0),
        String(c['failed'] ?? 0),
      ]),
    ]),
  );
  lines.push(`feed schedulers: ${s.schedulers}`);
  const by = (h: string) => s.feeds.filter((f) => f.health === h).length;
  lines.push('');
  lines.push(`feeds: ${s.feeds.length} (${by('ok')} ok, ${by('failing')} failing, ${by('never polled')} never polled, ${by('retired')} retired)`);
  for (const f of s.feeds.filter((x) => x.health === 'failing')) {
    lines.push(`  FAILING ${f.id}: ${f.lastError ?? ''}`);
  }
  lines.push('');
  lines.push(`store (${s.store.kind}): ${s.store.articles} articles, ${s.store.updatedArticles} updated, ${s.store.seenItems} feed items seen`);
  lines.push(`  newest ${s.store.newestAt ?? '-'}, oldest ${s.store.oldestAt ?? '-'}, ${(s.store.sizeBytes / 1024 / 1024).toFixed(1)} MiB`);
  lines.push(
    `  item outcomes: ${Object.entries(s.store.itemOutcomes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  return lines.join('\n');
}
