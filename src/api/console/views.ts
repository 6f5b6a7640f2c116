/**
 * The console's pages, server-rendered: data in, escaped HTML out. Pure (the
 * clock comes in as `now`). Everything from a feed or a page goes through
 * `html`'s escaping; links to outside URLs only when they are http(s).
 */
import type { ArticleRecord, Entity, Topic } from '../../store/types.js';
import type { WebSubStatus } from '../../workers/fetcher/websub.js';
import type { FeedView, ListParams, QueueDepth } from './api-client.js';
import { sortTimeOf } from './copies.js';
import { type HtmlValue, type SafeHtml, html, queryString, raw, safeHttpUrl } from './html.js';

export const BASE = '/console';
export const STATIC = `${BASE}/static`;

export type Page = 'wire' | 'story' | 'feeds' | 'pipeline' | 'webhooks' | 'login' | 'error';

export type LayoutOptions = {
  title: string;
  page: Page;
  /** Shows the sign-out button (API_TOKEN set and signed in). */
  signedIn?: boolean;
  /** Loads the console script (live updates). */
  script?: boolean;
  /** Further scripts and stylesheets of the page, by name under STATIC. */
  scripts?: string[];
  styles?: string[];
};

export function layout(o: LayoutOptions, body: SafeHtml): string {
  const current = (p: Page) => (o.page === p ? raw(' aria-current="page"') : '');
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${o.title} · Telex console</title>
${(o.styles ?? []).map((name) => html`<link rel="stylesheet" href="${STATIC}/${name}">`)}
<link rel="stylesheet" href="${STATIC}/console.css">
${o.script ? html`<script src="${STATIC}/console.js" defer></script>` : ''}
${(o.scripts ?? []).map((name) => html`<script src="${STATIC}/${name}" defer></script>`)}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <nav aria-label="Console">
    <a class="brand" href="${BASE}/">Telex</a>
    <a href="${BASE}/"${current('wire')}>Wire</a>
    <a href="${BASE}/feeds"${current('feeds')}>Feeds</a>
    <a href="${BASE}/pipeline"${current('pipeline')}>Pipeline</a>
    <a href="${BASE}/webhooks"${current('webhooks')}>Webhooks</a>
    <a href="/openapi.json">API</a>
  </nav>
  ${
    o.signedIn
      ? html`<form class="signout" method="post" action="${BASE}/logout"><button type="submit">Sign out</button></form>`
      : ''
  }
</header>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>
`.value;
}

/** "2002-06-11 01:42 UTC"; the raw value when it is not a date. Pure. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) {
    return '—';
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    return iso;
  }
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** "5 min ago", "in 3 h", "2 d ago". Pure. */
export function relativeTime(iso: string | null | undefined, now: Date): string {
  if (!iso) {
    return '';
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    return '';
  }
  const diff = ms - now.getTime();
  const abs = Math.abs(diff);
  const [n, unit] =
    abs < 60_000
      ? [Math.round(abs / 1_000), 's']
      : abs < 3_600_000
        ? [Math.round(abs / 60_000), 'min']
        : abs < 86_400_000
          ? [Math.round(abs / 3_600_000), 'h']
          : [Math.round(abs / 86_400_000), 'd'];
  return diff >= 0 ? `in ${n} ${unit}` : `${n} ${unit} ago`;
}

const time = (iso: string | null | undefined, now?: Date): SafeHtml => {
  if (!iso) {
    return html`<span class="none">—</span>`;
  }
  const rel = now ? relativeTime(iso, now) : '';
  return html`<time datetime="${iso}">${formatTime(iso)}</time>${rel ? html` <span class="rel">(${rel})</span>` : ''}`;
};

const storyHref = (id: string): string => `${BASE}/articles/${encodeURIComponent(id)}`;
const feedName = (a: ArticleRecord): string => a.feed.title || a.feed.id;
const copiesLabel = (n: number): string => `+${n} ${n === 1 ? 'copy' : 'copies'}`;
const percent = (score: number): string => `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;

export const WIRE_FILTERS = ['q', 'topic', 'feed', 'category', 'lang', 'entity'] as const;
export type WireFilters = Partial<Record<(typeof WIRE_FILTERS)[number], string>>;

const wireHref = (filters: WireFilters, extra: Record<string, string | undefined> = {}): string =>
  `${BASE}/${queryString({ ...filters, ...extra })}`;

/** One story of the wire list. The console script builds the same markup for live arrivals. */
export function wireItem(a: ArticleRecord, copies: number): SafeHtml {
  const topics = a.topics.slice(0, 3);
  return html`<li class="story" data-id="${a.id}" data-cluster="${a.clusterId}">
  <article>
    <h2 class="headline"><a href="${storyHref(a.id)}">${a.title || '(untitled)'}</a></h2>
    <p class="meta">
      <a class="feed" href="${wireHref({ feed: a.feed.id })}">${feedName(a)}</a>
      <span class="sep" aria-hidden="true">·</span> ${time(sortTimeOf(a))}
      ${a.language ? html`<span class="sep" aria-hidden="true">·</span> <abbr class="lang" title="Language">${a.language}</abbr>` : ''}
      <span class="copies"${copies > 0 ? '' : raw(' hidden')}>${copies > 0 ? copiesLabel(copies) : ''}</span>
    </p>
    ${
      topics.length > 0
        ? html`<ul class="topics" aria-label="Top topics">${topics.map(
            (t) => html`<li><a href="${wireHref({ topic: t.code })}" title="${t.code}">${t.label}</a></li>`,
          )}</ul>`
        : ''
    }
  </article>
</li>`;
}

export type WirePageData = {
  filters: WireFilters;
  cursor?: string;
  items: ArticleRecord[];
  nextCursor: string | null;
  copies: Map<string, number>;
  feeds: Array<{ id: string; title: string | null; categories?: string[] }>;
  error?: string;
};

/** The categories (desks) of `feeds`, each once (first spelling wins), sorted. Pure. */
export function categoriesOf(feeds: ReadonlyArray<{ categories?: string[] }>): string[] {
  const byKey = new Map<string, string>();
  for (const f of feeds) {
    for (const c of f.categories ?? []) {
      if (!byKey.has(c.toLowerCase())) {
        byKey.set(c.toLowerCase(), c);
      }
    }
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

export function wirePage(d: WirePageData): SafeHtml {
  const f = d.filters;
  const topicOptions = new Map<string, string>();
  const languages = new Set<string>();
  for (const a of d.items) {
    for (const t of a.topics) {
      topicOptions.set(t.code, t.label);
    }
    if (a.language) {
      languages.add(a.language);
    }
  }
  const streamUrl = `${BASE}/stream${queryString({ q: f.q, topic: f.topic, feed: f.feed, category: f.category, lang: f.lang, entity: f.entity })}`;
  const categories = categoriesOf(d.feeds);
  const chosenCategory = f.category?.toLowerCase();
  const active = WIRE_FILTERS.filter((k) => f[k]);
  return html`<h1>Wire</h1>
<form class="filters" method="get" action="${BASE}/" role="search" aria-label="Filter the wire">
  <div class="field field--wide"><label for="f-q">Search</label>
    <input id="f-q" type="search" name="q" value="${f.q ?? ''}" placeholder="Words in headline or text"></div>
  <div class="field"><label for="f-topic">Topic</label>
    <input id="f-topic" name="topic" value="${f.topic ?? ''}" list="topic-list" placeholder="medtop:… or newsroom topic" autocomplete="off">
    <datalist id="topic-list">${[...topicOptions].map(([code, label]) => html`<option value="${code}">${label}</option>`)}</datalist></div>
  <div class="field"><label for="f-feed">Feed</label>
    <select id="f-feed" name="feed">
      <option value="">All feeds</option>
      ${d.feeds.map((feed) => html`<option value="${feed.id}"${feed.id === f.feed ? raw(' selected') : ''}>${feed.title || feed.id}</option>`)}
      ${f.feed && !d.feeds.some((feed) => feed.id === f.feed) ? html`<option value="${f.feed}" selected>${f.feed}</option>` : ''}
    </select></div>
  ${
    categories.length > 0 || f.category
      ? html`<div class="field"><label for="f-category">Desk</label>
    <select id="f-category" name="category">
      <option value="">All desks</option>
      ${categories.map((c) => html`<option value="${c}"${c.toLowerCase() === chosenCategory ? raw(' selected') : ''}>${c}</option>`)}
      ${f.category && !categories.some((c) => c.toLowerCase() === chosenCategory) ? html`<option value="${f.category}" selected>${f.category}</option>` : ''}
    </select></div>`
      : ''
  }
  <div class="field field--narrow"><label for="f-lang">Language</label>
    <input id="f-lang" name="lang" value="${f.lang ?? ''}" list="lang-list" placeholder="en" size="6" autocomplete="off">
    <datalist id="lang-list">${[...languages].sort().map((l) => html`<option value="${l}"></option>`)}</datalist></div>
  ${f.entity ? html`<input type="hidden" name="entity" value="${f.entity}">` : ''}
  <div class="actions"><button type="submit">Filter</button>${active.length > 0 ? html` <a href="${BASE}/">Clear</a>` : ''}</div>
</form>
${
  active.length > 0
    ? html`<p class="active-filters">Showing stories with ${active.map(
        (k, i) => html`${i > 0 ? ', ' : ''}${k === 'q' ? 'words' : k === 'category' ? 'desk' : k} <strong>${f[k] ?? ''}</strong>`,
      )}.</p>`
    : ''
}
${d.error ? html`<p class="error" role="alert">${d.error}</p>` : ''}
${
  d.cursor
    ? html`<p class="paging-note">Older stories. <a href="${wireHref(f)}">Back to the newest</a></p>`
    : html`<p class="live-status" id="live-status" role="status" aria-live="polite"><noscript>Reload the page for new stories.</noscript></p>`
}
<ol class="wire" id="wire"${d.cursor ? '' : html` data-stream="${streamUrl}"`}>
${d.items.map((a) => wireItem(a, d.copies.get(a.id) ?? 0))}
</ol>
<p class="empty" id="wire-empty"${d.items.length > 0 ? raw(' hidden') : ''}>No stories${active.length > 0 ? ' match these filters' : ' yet'}.</p>
${
  d.nextCursor
    ? html`<nav class="paging" aria-label="Pages"><a rel="next" href="${wireHref(f, { cursor: d.nextCursor })}">Older stories</a></nav>`
    : ''
}`;
}

const topicRow = (t: Topic): SafeHtml => html`<tr>
  <th scope="row"><a href="${wireHref({ topic: t.code })}">${t.label}</a></th>
  <td><code>${t.code}</code></td>
  <td>${t.scheme === 'medtop' ? 'IPTC Media Topic' : 'newsroom'}</td>
  <td class="num"><meter min="0" max="1" value="${t.score}" aria-hidden="true"></meter> ${percent(t.score)}</td>
  <td>${t.evidence && t.evidence.length > 0 ? t.evidence.join(', ') : html`<span class="none">—</span>`}</td>
</tr>`;

const entityList = (title: string, items: Entity[]): SafeHtml => html`<section class="entities" aria-labelledby="ent-${title}">
  <h3 id="ent-${title}">${title[0]?.toUpperCase()}${title.slice(1)}</h3>
  ${
    items.length > 0
      ? html`<ul>${items.map(
          (e) =>
            html`<li><a href="${wireHref({ entity: e.name })}">${e.name}</a> <span class="count" title="mentions">×${e.mentions}</span></li>`,
        )}</ul>`
      : html`<p class="none">None found.</p>`
  }
</section>`;

const paragraphs = (text: string): SafeHtml[] =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((p) => html`<p>${p}</p>`);

export function storyPage(a: ArticleRecord, copies: ArticleRecord[]): SafeHtml {
  const canonical = safeHttpUrl(a.canonicalUrl);
  const fetched = safeHttpUrl(a.url);
  const apiHref = `/articles/${encodeURIComponent(a.id)}`;
  const facts: Array<[string, HtmlValue]> = [
    ['Source feed', html`<a href="${wireHref({ feed: a.feed.id })}">${feedName(a)}</a> <code>${a.feed.id}</code>`],
    ['Site', a.siteName],
    ['Published', time(a.publishedAt)],
    ['Modified', a.modifiedAt ? time(a.modifiedAt) : null],
    ['Fetched', time(a.fetchedAt)],
    ['Stored', time(a.storedAt)],
    ['Updated', a.updatedAt && a.updatedAt !== a.storedAt ? time(a.updatedAt) : null],
    ['Language', a.language],
    ['Words', String(a.wordCount)],
    ['Version', String(a.version)],
    [
      'Extraction',
      html`${a.extraction.method === 'feed-content' ? 'from the feed’s own content' : a.extraction.method === 'density' ? 'by text density (Readability found too little)' : 'Readability'}${
        a.extraction.warnings.length > 0 ? html` <span class="warn">(${a.extraction.warnings.join('; ')})</span>` : ''
      }`,
    ],
    ['Canonical link', canonical ? html`<a class="url" href="${canonical}" rel="noopener noreferrer">${canonical}</a>` : a.canonicalUrl],
    ['Fetched from', a.url !== a.canonicalUrl ? (fetched ? html`<a class="url" href="${fetched}" rel="noopener noreferrer">${fetched}</a>` : a.url) : null],
    ['Lead image', a.leadImage ? (safeHttpUrl(a.leadImage) ? html`<a class="url" href="${safeHttpUrl(a.leadImage) ?? ''}" rel="noopener noreferrer">${a.leadImage}</a>` : a.leadImage) : null],
    ['Keywords', a.keywords.length > 0 ? a.keywords.join(', ') : null],
  ];
  return html`<article class="story-page" aria-labelledby="headline">
<header>
  <p class="kicker"><a href="${BASE}/">Wire</a> / <a href="${wireHref({ feed: a.feed.id })}">${feedName(a)}</a></p>
  <h1 id="headline">${a.title || '(untitled)'}</h1>
  ${a.byline ? html`<p class="byline">${a.byline}</p>` : ''}
  <p class="meta">${a.dateline ? html`<span class="dateline">${a.dateline}</span> <span class="sep" aria-hidden="true">·</span> ` : ''}${time(sortTimeOf(a))}</p>
  <p class="renderings">As data: <a href="${apiHref}?format=json" type="application/json">JSON</a> · <a href="${apiHref}?format=ninjs" type="application/ninjs+json">ninjs</a></p>
</header>
<div class="story-grid">
<section class="body" aria-label="Story text">
${paragraphs(a.text)}
</section>
<aside class="facts">
  <h2>Details</h2>
  <dl>${facts.filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
</aside>
</div>
<section aria-labelledby="topics-h">
  <h2 id="topics-h">Topics</h2>
  ${
    a.topics.length > 0
      ? html`<div class="table-wrap" role="region" aria-labelledby="topics-h" tabindex="0"><table class="topics-table">
  <thead><tr><th scope="col">Topic</th><th scope="col">Code</th><th scope="col">Scheme</th><th scope="col">Score</th><th scope="col">Evidence</th></tr></thead>
  <tbody>${a.topics.map(topicRow)}</tbody>
</table></div>`
      : html`<p class="none">No topics.</p>`
  }
</section>
<section aria-labelledby="entities-h">
  <h2 id="entities-h">People, places, organisations</h2>
  <div class="entity-grid">
    ${entityList('people', a.entities.people)}
    ${entityList('places', a.entities.places)}
    ${entityList('organisations', a.entities.organisations)}
  </div>
</section>
<section aria-labelledby="copies-h">
  <h2 id="copies-h">Other copies of this story</h2>
  ${
    copies.length > 0
      ? html`<ul class="copies-list">${copies.map(
          (c) =>
            html`<li><a href="${storyHref(c.id)}">${c.title || '(untitled)'}</a> <span class="meta">${feedName(c)} · ${time(sortTimeOf(c))}${
              c.id === a.clusterId ? ' · first seen' : ''
            }</span></li>`,
        )}</ul>`
      : html`<p class="none">No other copies.</p>`
  }
</section>
</article>`;
}

const HEALTH_ORDER = { failing: 0, pending: 1, ok: 2, retired: 3 } as const;
const HEALTH_LABEL = { failing: 'Failing', pending: 'Not polled yet', ok: 'OK', retired: 'Retired' } as const;
const QUEUE_STATES_SHOWN = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'failed'] as const;

/**
 * Feeds by category (desk), desks in name order and the feeds of none last; a
 * feed in several desks is in each. No categories at all: one group without a
 * name. Keeps the order of `feeds` within a group. Pure.
 */
export function groupByCategory<F extends { categories: string[] }>(feeds: F[]): Array<{ name: string | null; label: string; feeds: F[] }> {
  const names = categoriesOf(feeds);
  if (names.length === 0) {
    return [{ name: null, label: '', feeds }];
  }
  const groups = names.map((name) => ({
    name: name as string | null,
    label: name,
    feeds: feeds.filter((f) => f.categories.some((c) => c.toLowerCase() === name.toLowerCase())),
  }));
  const none = feeds.filter((f) => f.categories.length === 0);
  return none.length > 0 ? [...groups, { name: '', label: 'No desk', feeds: none }] : groups;
}

const WEBSUB_LABEL = { pending: 'Waiting for the hub', active: 'Live', denied: 'Denied', failed: 'Failed', unsubscribing: 'Unsubscribing' } as const;

function websubCell(sub: WebSubStatus | null, now: Date): SafeHtml {
  if (!sub) {
    return html`<span class="none">—</span>`;
  }
  const detail =
    sub.state === 'active'
      ? html`until ${time(sub.expiresAt, now)}${sub.lastPushAt ? html`<br>last push ${time(sub.lastPushAt, now)}` : ''}`
      : sub.lastError
        ? html`${sub.lastError}`
        : html`asked ${time(sub.requestedAt, now)}`;
  return html`<span class="push push--${sub.state}">${WEBSUB_LABEL[sub.state]}</span><br>${detail}<br><span class="url">${sub.hub}</span>`;
}

export type FeedsPageData = {
  feeds: FeedView[];
  /** Stories per feed stored in the last 24 h; `capped` when there may be more than counted. */
  recent: Map<string, { count: number; capped: boolean }>;
  queues: QueueDepth[] | null;
  now: Date;
  error?: string;
};

export function feedsPage(d: FeedsPageData): SafeHtml {
  const feeds = [...d.feeds].sort((a, b) => HEALTH_ORDER[a.health] - HEALTH_ORDER[b.health] || a.id.localeCompare(b.id));
  const failing = feeds.filter((f) => f.health === 'failing');
  const counts = { ok: 0, failing: 0, pending: 0, retired: 0 };
  for (const f of feeds) {
    counts[f.health] += 1;
  }
  const push = feeds.some((f) => f.websub !== undefined);
  const groups = groupByCategory(feeds);
  const anchored = new Set<string>();
  const summary = (['ok', 'failing', 'pending', 'retired'] as const)
    .filter((h) => counts[h] > 0)
    .map((h) => `${counts[h]} ${HEALTH_LABEL[h].toLowerCase()}`)
    .join(', ');
  return html`<h1>Feeds</h1>
${d.error ? html`<p class="error" role="alert">${d.error}</p>` : ''}
<p class="summary">${feeds.length} ${feeds.length === 1 ? 'feed' : 'feeds'}${summary ? `: ${summary}` : ''}.</p>
${
  failing.length > 0
    ? html`<section class="alert" aria-labelledby="failing-h">
  <h2 id="failing-h">${failing.length} failing ${failing.length === 1 ? 'feed' : 'feeds'}</h2>
  <ul>${failing.map(
    (f) =>
      html`<li><a href="#feed-${f.id}"><strong>${f.title || f.id}</strong></a>: ${f.lastError ? `${f.lastError.code}: ${f.lastError.message}` : 'failed'} (${f.consecutiveFailures} in a row)</li>`,
  )}</ul>
</section>`
    : ''
}
<div class="table-wrap" role="region" aria-label="Feed health" tabindex="0">
<table class="feeds-table">
  <thead><tr>
    <th scope="col">Feed</th><th scope="col">Health</th><th scope="col">Last success</th><th scope="col">Last error</th>
    <th scope="col">Failures in a row</th><th scope="col">Next poll</th>${push ? html`<th scope="col">Push (WebSub)</th>` : ''}<th scope="col">Stored in 24 h</th><th scope="col">New items, last poll</th>
  </tr></thead>
  ${groups.map(
    (g) => html`<tbody${g.name === null ? '' : html` data-category="${g.name}"`}>
  ${g.name === null ? '' : html`<tr class="feed-group"><th scope="rowgroup" colspan="${push ? 9 : 8}">${g.label} <span class="count">(${g.feeds.length})</span></th></tr>`}
  ${g.feeds.map((f) => {
    const recent = d.recent.get(f.id);
    const url = safeHttpUrl(f.url);
    // A feed in several desks is listed in each; the anchor goes on its first row.
    const anchor = !anchored.has(f.id);
    anchored.add(f.id);
    return html`<tr${anchor ? html` id="feed-${f.id}"` : ''} class="feed feed--${f.health}" data-feed="${f.id}" data-health="${f.health}">
    <th scope="row" class="feed-name"><a class="feed-title" href="${wireHref({ feed: f.id })}">${f.title || f.id}</a>
      <span class="feed-id"><code>${f.id}</code></span>${
      url ? html`<a class="url" href="${url}" rel="noopener noreferrer">${url}</a>` : html`<span class="url">${f.url}</span>`
    }</th>
    <td data-label="Health"><span class="health health--${f.health}">${HEALTH_LABEL[f.health]}</span></td>
    <td data-label="Last success">${time(f.lastSuccessAt, d.now)}</td>
    <td data-label="Last error">${
      f.lastError
        ? html`<span class="err-code">${f.lastError.code}</span>: ${f.lastError.message}<br>${time(f.lastErrorAt, d.now)}`
        : html`<span class="none">—</span>`
    }</td>
    <td class="num" data-label="Failures in a row">${f.consecutiveFailures}</td>
    <td data-label="Next poll">${f.status === 'retired' ? html`<span class="none">never (retired)</span>` : time(f.nextPollAt, d.now)}</td>
    ${push ? html`<td class="websub" data-label="Push (WebSub)" data-websub="${f.websub?.state ?? 'none'}">${websubCell(f.websub ?? null, d.now)}</td>` : ''}
    <td class="num recent" data-label="Stored in 24 h">${recent ? `${recent.count}${recent.capped ? '+' : ''}` : '—'}</td>
    <td class="num" data-label="New items, last poll">${f.lastPolledAt ? f.lastNewItems : '—'}</td>
  </tr>`;
  })}
  </tbody>`,
  )}
</table>
</div>
<section aria-labelledby="queues-h">
  <h2 id="queues-h">Queues</h2>
  ${
    d.queues && d.queues.length > 0
      ? html`<div class="table-wrap" role="region" aria-labelledby="queues-h" tabindex="0"><table class="queues-table">
  <thead><tr><th scope="col">Queue</th>${QUEUE_STATES_SHOWN.map((s) => html`<th scope="col">${s}</th>`)}</tr></thead>
  <tbody>${d.queues.map(
    (q) =>
      html`<tr data-queue="${q.queue}"><th scope="row"><code>${q.queue}</code></th>${QUEUE_STATES_SHOWN.map(
        (s) => html`<td class="num${s === 'failed' && (q.counts[s] ?? 0) > 0 ? ' bad' : ''}">${q.counts[s] ?? 0}</td>`,
      )}</tr>`,
  )}</tbody>
</table></div>`
      : html`<p class="none">This API process reports no queues.</p>`
  }
</section>`;
}

export function loginPage(next: string, failed: boolean): SafeHtml {
  return html`<h1>Sign in</h1>
<p>This console needs an API key with the read scope (or the API token).</p>
${failed ? html`<p class="error" role="alert">That token is not valid.</p>` : ''}
<form class="login" method="post" action="${BASE}/login">
  <input type="hidden" name="next" value="${next}">
  <label for="token">API key</label>
  <input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
  <button type="submit">Sign in</button>
</form>`;
}

export function errorPage(status: number, message: string): SafeHtml {
  return html`<h1>${status === 404 ? 'Not found' : 'Something went wrong'}</h1>
<p class="error">${message}</p>
<p><a href="${BASE}/">Back to the wire</a></p>`;
}
