/**
 * The story page's versions: the list of kept versions and a word-level diff
 * between any two, rendered on the server (no script needed). Pure.
 */
import type { ArticleVersionSummary } from '../../store/types.js';
import type { DiffPart, VersionDiff } from '../version-diff.js';
import { type SafeHtml, html, raw } from './html.js';
import { BASE, formatTime } from './views.js';

export type VersionsSectionData = {
  articleId: string;
  versions: ArticleVersionSummary[];
  /** The diff shown, or null with fewer than two versions. */
  diff: VersionDiff | null;
};

/** Which two versions to compare: the ones asked for when both are kept, else the one before the newest and the newest. Pure. */
export function chooseVersions(kept: readonly number[], from: unknown, to: unknown): { from: number; to: number } | null {
  if (kept.length < 2) {
    return null;
  }
  const asked = (v: unknown): number | null => {
    const n = typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : NaN;
    return kept.includes(n) ? n : null;
  };
  const a = asked(from);
  const b = asked(to);
  if (a !== null && b !== null && a !== b) {
    return { from: a, to: b };
  }
  return { from: kept[kept.length - 2] as number, to: kept[kept.length - 1] as number };
}

const changeLabel = (v: ArticleVersionSummary): SafeHtml =>
  v.substantive === null
    ? html`<span class="change change--first">first</span>`
    : v.substantive
      ? html`<span class="change change--substantive">substantive</span>`
      : html`<span class="change change--cosmetic">cosmetic</span>`;

const diffParts = (parts: DiffPart[]): SafeHtml[] =>
  parts.map((p) =>
    p.kind === 'added' ? html`<ins>${p.text}</ins>` : p.kind === 'removed' ? html`<del>${p.text}</del>` : html`<span>${p.text}</span>`,
  );

const options = (versions: ArticleVersionSummary[], selected: number): SafeHtml[] =>
  versions.map((v) => html`<option value="${v.n}"${v.n === selected ? raw(' selected') : ''}>Version ${v.n} · ${formatTime(v.at)}</option>`);

export function versionsSection(d: VersionsSectionData): SafeHtml {
  const href = `${BASE}/articles/${encodeURIComponent(d.articleId)}`;
  const diff = d.diff;
  return html`<section class="versions" aria-labelledby="versions-h">
  <h2 id="versions-h">Versions</h2>
  <div class="table-wrap" role="region" aria-labelledby="versions-h" tabindex="0"><table class="versions-table">
  <thead><tr><th scope="col">Version</th><th scope="col">Stored</th><th scope="col">Change</th><th scope="col">Headline</th><th scope="col">Words</th></tr></thead>
  <tbody>${d.versions.map(
    (v) => html`<tr data-version="${v.n}"><th scope="row">${v.n}</th><td><time datetime="${v.at}">${formatTime(v.at)}</time></td><td>${changeLabel(v)}</td><td>${v.title || '(untitled)'}</td><td class="num">${v.wordCount}</td></tr>`,
  )}</tbody>
  </table></div>
  ${
    diff
      ? html`<form class="diff-pick" method="get" action="${href}#changes">
    <div class="field"><label for="diff-from">Compare</label><select id="diff-from" name="from">${options(d.versions, diff.from)}</select></div>
    <div class="field"><label for="diff-to">with</label><select id="diff-to" name="to">${options(d.versions, diff.to)}</select></div>
    <div class="actions"><button type="submit">Show changes</button></div>
  </form>
  <section class="changes" id="changes" aria-labelledby="changes-h" data-from="${diff.from}" data-to="${diff.to}">
    <h3 id="changes-h">Changes from version ${diff.from} to version ${diff.to}</h3>
    <p class="diff-key"><ins>added</ins> <del>removed</del> · ${diff.wordsAdded} ${diff.wordsAdded === 1 ? 'word' : 'words'} added, ${diff.wordsRemoved} removed</p>
    <p class="diff diff-title"><span class="diff-label">Headline:</span> ${diffParts(diff.title)}</p>
    ${diff.byline.length > 0 ? html`<p class="diff diff-byline"><span class="diff-label">Byline:</span> ${diffParts(diff.byline)}</p>` : ''}
    <div class="diff diff-text">${diffParts(diff.text)}</div>
  </section>`
      : html`<p class="none">This is the only version kept.</p>`
  }
</section>`;
}
