/**
 * The console's webhooks pages (a key with the write scope, like the API's
 * /webhooks routes they read through):
 *
 *   GET  /console/webhooks               subscriptions: target, events, filters, status (paused and why)
 *   GET  /console/webhooks/:id           one subscription and its delivery log
 *   POST /console/webhooks/:id/resume    resumes a paused subscription, back to its page
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { grants } from '../access.js';
import type { DeliveryAttempt, Scope, Webhook } from '../../store/access-types.js';
import type { ConsoleApi } from './api-client.js';
import { type SafeHtml, html } from './html.js';
import { BASE, type LayoutOptions, errorPage, formatTime, relativeTime } from './views.js';

type WebhookView = Omit<Webhook, 'secret'>;

const when = (iso: string | null, now: Date): SafeHtml =>
  iso ? html`<time datetime="${iso}">${formatTime(iso)}</time> <span class="rel">(${relativeTime(iso, now)})</span>` : html`<span class="none">—</span>`;

const hookHref = (id: string): string => `${BASE}/webhooks/${encodeURIComponent(id)}`;

const filterText = (w: WebhookView): string => {
  const parts = Object.entries(w.filter).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? parts.join(', ') : 'every article';
};

const statusBadge = (w: WebhookView): SafeHtml =>
  w.status === 'paused'
    ? html`<span class="health health--failing">Paused</span> <span class="reason">${w.pausedReason ?? ''}</span>`
    : html`<span class="health health--ok">Active</span>`;

export function webhooksPage(items: WebhookView[], now: Date, error?: string): SafeHtml {
  const paused = items.filter((w) => w.status === 'paused').length;
  return html`<h1>Webhooks</h1>
<p class="summary">${items.length} subscription${items.length === 1 ? '' : 's'}${paused > 0 ? `, ${paused} paused` : ''}.
Add one with <code>telex webhooks add &lt;url&gt;</code> or <code>POST /webhooks</code>.</p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
${
  items.length === 0
    ? html`<p class="none">No subscriptions.</p>`
    : html`<div class="table-wrap" role="region" aria-label="Webhook subscriptions" tabindex="0">
<table class="feeds-table webhooks-table">
  <thead><tr>
    <th scope="col">Target</th><th scope="col">Status</th><th scope="col">Events</th><th scope="col">Filter</th>
    <th scope="col">Format</th><th scope="col">Failures in a row</th><th scope="col">Last delivery</th><th scope="col">Last success</th>
  </tr></thead>
  <tbody>
  ${items.map(
    (w) => html`<tr class="webhook webhook--${w.status}" data-webhook="${w.id}" data-status="${w.status}">
    <th scope="row"><a href="${hookHref(w.id)}">${w.url}</a><br><code class="feed-id">${w.id}</code></th>
    <td data-label="Status">${statusBadge(w)}</td>
    <td data-label="Events">${w.events.join(', ')}</td>
    <td data-label="Filter">${filterText(w)}</td>
    <td data-label="Format">${w.format}</td>
    <td class="num" data-label="Failures in a row">${w.consecutiveFailures}</td>
    <td data-label="Last delivery">${when(w.lastDeliveryAt, now)}</td>
    <td data-label="Last success">${when(w.lastSuccessAt, now)}</td>
  </tr>`,
  )}
  </tbody>
</table>
</div>`
}`;
}

export function webhookPage(w: WebhookView, log: DeliveryAttempt[], now: Date, error?: string): SafeHtml {
  return html`<h1>Webhook</h1>
<p><a href="${BASE}/webhooks">All webhooks</a></p>
${error ? html`<p class="error" role="alert">${error}</p>` : ''}
<dl class="facts">
  <dt>Target</dt><dd><code>${w.url}</code></dd>
  <dt>Id</dt><dd><code>${w.id}</code></dd>
  <dt>Status</dt><dd data-status="${w.status}">${statusBadge(w)}</dd>
  <dt>Events</dt><dd>${w.events.join(', ')}</dd>
  <dt>Filter</dt><dd>${filterText(w)}</dd>
  <dt>Format</dt><dd>${w.format}</dd>
  <dt>Failures in a row</dt><dd>${w.consecutiveFailures}</dd>
  <dt>Created</dt><dd>${when(w.createdAt, now)}</dd>
</dl>
${
  w.status === 'paused'
    ? html`<form method="post" action="${hookHref(w.id)}/resume"><button type="submit">Resume deliveries</button></form>`
    : ''
}
<section aria-labelledby="log-h">
<h2 id="log-h">Delivery log</h2>
${
  log.length === 0
    ? html`<p class="none">No delivery attempted yet.</p>`
    : html`<div class="table-wrap" role="region" aria-labelledby="log-h" tabindex="0">
<table class="feeds-table deliveries-table">
  <thead><tr>
    <th scope="col">When</th><th scope="col">Result</th><th scope="col">HTTP status</th><th scope="col">Duration</th>
    <th scope="col">Event</th><th scope="col">Article</th><th scope="col">Attempt</th><th scope="col">Delivery id</th><th scope="col">Error</th>
  </tr></thead>
  <tbody>
  ${log.map(
    (d) => html`<tr class="delivery delivery--${d.ok ? 'ok' : 'failed'}">
    <td data-label="When">${when(d.at, now)}</td>
    <td data-label="Result">${d.ok ? html`<span class="health health--ok">Delivered</span>` : html`<span class="health health--failing">Failed</span>`}</td>
    <td class="num" data-label="HTTP status">${d.status ?? '—'}</td>
    <td class="num" data-label="Duration">${Math.round(d.durationMs)} ms</td>
    <td data-label="Event">${d.event}</td>
    <td data-label="Article"><a href="${BASE}/articles/${encodeURIComponent(d.articleId)}">${d.articleId}</a></td>
    <td class="num" data-label="Attempt">${d.attempt}</td>
    <td data-label="Delivery id"><code>${d.deliveryId}</code></td>
    <td data-label="Error">${d.error ?? html`<span class="none">—</span>`}</td>
  </tr>`,
  )}
  </tbody>
</table>
</div>`
}
</section>`;
}

export type WebhookPageHelpers = {
  apiFor(request: FastifyRequest, reply: FastifyReply): Promise<ConsoleApi | null>;
  signedIn(request: FastifyRequest): Promise<{ secret: string; scopes: Scope[] } | null>;
  guarded(): Promise<boolean>;
  send(reply: FastifyReply, status: number, o: LayoutOptions, body: SafeHtml): FastifyReply;
  now?: () => Date;
};

export function registerWebhookPages(scope: FastifyInstance, h: WebhookPageHelpers): void {
  const now = h.now ?? (() => new Date());
  /** The API client when the signed-in key may manage webhooks; else answers (sign-in or 403) and gives null. */
  const writer = async (request: FastifyRequest, reply: FastifyReply): Promise<ConsoleApi | null> => {
    const api = await h.apiFor(request, reply);
    if (!api) {
      return null;
    }
    if (await h.guarded()) {
      const who = await h.signedIn(request);
      if (!who || !grants(who.scopes, 'write')) {
        h.send(reply, 403, { title: 'Webhooks', page: 'webhooks', signedIn: true }, errorPage(403, 'The webhooks pages need a key with the write scope.'));
        return null;
      }
    }
    return api;
  };

  scope.get('/webhooks', async (request, reply) => {
    const api = await writer(request, reply);
    if (!api) {
      return reply;
    }
    const r = await api.get<{ items: WebhookView[] }>('/webhooks');
    const body = webhooksPage(r.ok ? r.data.items : [], now(), r.ok ? undefined : r.message);
    return h.send(reply, r.ok ? 200 : r.status, { title: 'Webhooks', page: 'webhooks', signedIn: await h.guarded() }, body);
  });

  scope.get<{ Params: { id: string } }>('/webhooks/:id', async (request, reply) => {
    const api = await writer(request, reply);
    if (!api) {
      return reply;
    }
    const id = encodeURIComponent(request.params.id);
    const [w, log] = await Promise.all([api.get<WebhookView>(`/webhooks/${id}`), api.get<{ items: DeliveryAttempt[] }>(`/webhooks/${id}/deliveries`)]);
    const signedIn = await h.guarded();
    if (!w.ok) {
      const status = w.status === 400 ? 404 : w.status;
      return h.send(reply, status, { title: 'Not found', page: 'webhooks', signedIn }, errorPage(status, status === 404 ? 'There is no such webhook.' : w.message));
    }
    const body = webhookPage(w.data, log.ok ? log.data.items : [], now(), log.ok ? undefined : log.message);
    return h.send(reply, 200, { title: 'Webhook', page: 'webhooks', signedIn }, body);
  });

  scope.post<{ Params: { id: string } }>('/webhooks/:id/resume', async (request, reply) => {
    const api = await writer(request, reply);
    if (!api) {
      return reply;
    }
    await api.post(`/webhooks/${encodeURIComponent(request.params.id)}/resume`);
    return reply.header('cache-control', 'no-store').redirect(hookHref(request.params.id), 303);
  });
}
