// Telex console: live wire over the API's Server-Sent Events (GET /stream).
// Progressive enhancement only; every page works without it. Data from the
// stream is only ever written with textContent and setAttribute, never as markup.
(() => {
  'use strict';

  const list = document.getElementById('wire');
  const status = document.getElementById('live-status');
  const streamUrl = list && list.getAttribute('data-stream');
  if (!list || !streamUrl || typeof EventSource === 'undefined') {
    return;
  }

  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      node.setAttribute(k, v);
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  };

  const formatTime = (iso) => {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? String(iso) : `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  };

  const wireHref = (params) => `/console/?${new URLSearchParams(params).toString()}`;
  const sortTime = (a) => a.publishedAt || a.storedAt || a.fetchedAt;
  const copiesLabel = (n) => `+${n} ${n === 1 ? 'copy' : 'copies'}`;
  const sep = () => el('span', { class: 'sep', 'aria-hidden': 'true' }, '·');

  /** Same markup as the server's wireItem(). */
  const buildItem = (a) => {
    const li = el('li', { class: 'story', 'data-id': a.id, 'data-cluster': a.clusterId });
    const article = el('article');
    const h2 = el('h2', { class: 'headline' });
    h2.append(el('a', { href: `/console/articles/${encodeURIComponent(a.id)}` }, a.title || '(untitled)'));
    const meta = el('p', { class: 'meta' });
    meta.append(el('a', { class: 'feed', href: wireHref({ feed: a.feed.id }) }, a.feed.title || a.feed.id), ' ', sep(), ' ');
    const when = sortTime(a);
    meta.append(el('time', { datetime: when }, formatTime(when)));
    if (a.language) {
      meta.append(' ', sep(), ' ', el('abbr', { class: 'lang', title: 'Language' }, a.language));
    }
    const copies = el('span', { class: 'copies', hidden: '' });
    meta.append(' ', copies);
    article.append(h2, meta);
    const topics = (a.topics || []).slice(0, 3);
    if (topics.length > 0) {
      const ul = el('ul', { class: 'topics', 'aria-label': 'Top topics' });
      for (const t of topics) {
        const li2 = el('li');
        li2.append(el('a', { href: wireHref({ topic: t.code }), title: t.code }, t.label));
        ul.append(li2);
      }
      article.append(ul);
    }
    li.append(article);
    return li;
  };

  /** Recounts the "+N copies" badges of the stories listed in the cluster. */
  const refreshCluster = (clusterId) => {
    const members = [...list.querySelectorAll('li.story')].filter((li) => li.getAttribute('data-cluster') === clusterId);
    for (const li of members) {
      const badge = li.querySelector('.copies');
      if (!badge) continue;
      const shown = Number((badge.textContent || '').replace(/\D/g, '')) || 0;
      const n = Math.max(shown, members.length - 1);
      if (n > 0) {
        badge.textContent = copiesLabel(n);
        badge.removeAttribute('hidden');
      }
    }
  };

  let arrived = 0;
  const setStatus = (text, live) => {
    if (!status) return;
    status.textContent = text;
    status.classList.toggle('live', live);
  };

  const onArticle = (ev) => {
    let msg;
    try {
      msg = JSON.parse(ev.data);
    } catch {
      return;
    }
    const a = msg && msg.article;
    if (!a || typeof a.id !== 'string') return;
    const existing = [...list.querySelectorAll('li.story')].find((li) => li.getAttribute('data-id') === a.id);
    const item = buildItem(a);
    if (existing) {
      const oldBadge = existing.querySelector('.copies');
      const newBadge = item.querySelector('.copies');
      if (oldBadge && newBadge && !oldBadge.hasAttribute('hidden')) {
        newBadge.textContent = oldBadge.textContent;
        newBadge.removeAttribute('hidden');
      }
      existing.replaceWith(item);
    } else {
      list.prepend(item);
      arrived += 1;
    }
    item.classList.add('is-new');
    const empty = document.getElementById('wire-empty');
    if (empty) empty.hidden = true;
    refreshCluster(a.clusterId);
    setStatus(`Live: ${arrived} new ${arrived === 1 ? 'story' : 'stories'} since you opened this page.`, true);
  };

  const source = new EventSource(streamUrl);
  source.addEventListener('open', () => {
    list.setAttribute('data-live', 'open');
    setStatus(arrived > 0 ? `Live: ${arrived} new ${arrived === 1 ? 'story' : 'stories'} since you opened this page.` : 'Live: new stories appear at the top.', true);
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      list.setAttribute('data-live', 'closed');
      setStatus('Live updates are unavailable; reload the page for new stories.', false);
    } else {
      list.setAttribute('data-live', 'reconnecting');
      setStatus('Live updates interrupted; reconnecting…', false);
    }
  });
  source.addEventListener('article', onArticle);
  window.addEventListener('pagehide', () => source.close());
  // Back from the page cache the stream is closed: fetch a fresh page.
  window.addEventListener('pageshow', (ev) => {
    if (ev.persisted) window.location.reload();
  });
})();
