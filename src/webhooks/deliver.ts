/**
 * One webhook delivery attempt: build the body (the stored record, or its
 * ninjs rendering), sign it, POST it through the SSRF-guarded client, log the
 * attempt, and decide what follows:
 *
 * | answer                                | what happens                                        |
 * |---------------------------------------|-----------------------------------------------------|
 * | 2xx                                   | delivered                                           |
 * | 5xx, timeout, connection error        | retried with exponential backoff                    |
 * | 408, 429                              | retried, not sooner than its Retry-After            |
 * | 410                                   | not retried; the subscription is paused             |
 * | other 4xx, 3xx (never followed), refused by the SSRF guard | not retried                    |
 *
 * A delivery that ends failed (not retried, or out of retries) counts toward
 * the subscription's failures in a row; at `pauseAfter` it is paused.
 */
import { PipelineError } from '../errors.js';
import type { WebhookDelivery } from '../queues/contracts.js';
import type { StageResult } from '../queues/contracts.js';
import type { AccessStore, Webhook } from '../store/access-types.js';
import type { ArticleRecord } from '../store/types.js';
import { parseRetryAfter } from '../net/http-headers.js';
import type { PostOptions, PostResult } from '../net/safe-fetch.js';
import { WEBHOOK_HEADERS, signWebhook } from './signature.js';

export type DeliverDeps = {
  access: AccessStore;
  getArticle(id: string): Promise<ArticleRecord | null>;
  http: { post(url: string, body: Buffer, opts?: PostOptions): Promise<PostResult> };
  toNinjs(record: ArticleRecord): unknown;
  now(): Date;
  /** Per-attempt deadline. */
  timeoutMs: number;
  /** Failed deliveries in a row that pause a subscription. */
  pauseAfter: number;
  /** Attempts kept in each subscription's log. */
  keepLog: number;
};

/** A failed attempt; `retryAfterMs` (408/429 Retry-After) sets the next attempt's delay. */
export class DeliveryError extends PipelineError {
  readonly retryAfterMs: number | null;
  constructor(code: 'http_status' | 'network' | 'timeout' | 'blocked_address', retryable: boolean, message: string, retryAfterMs: number | null = null) {
    super(code, retryable, message);
    this.retryAfterMs = retryAfterMs;
  }
}

/** What an answer status means for the delivery. Pure. */
export function classifyStatus(status: number): 'ok' | 'retry' | 'gone' | 'fail' {
  if (status >= 200 && status < 300) return 'ok';
  if (status === 410) return 'gone';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'fail';
}

/** The JSON body of a delivery. */
export function deliveryBody(p: WebhookDelivery, w: Webhook, record: ArticleRecord, toNinjs: (r: ArticleRecord) => unknown): string {
  return JSON.stringify({
    id: p.deliveryId,
    event: p.event,
    webhook: w.id,
    occurredAt: p.occurredAt,
    format: w.format,
    article: w.format === 'ninjs' ? toNinjs(record) : record,
  });
}

export async function handleDeliver(
  p: WebhookDelivery,
  deps: DeliverDeps,
  ctx: { attempt: number; finalAttempt: boolean },
): Promise<StageResult> {
  const webhook = await deps.access.getWebhook(p.webhookId);
  if (!webhook) {
    return { status: 'skipped', reason: 'subscription removed' };
  }
  if (webhook.status === 'paused') {
    return { status: 'skipped', reason: 'subscription paused' };
  }
  // A job run again after its receiver said 2xx (a worker that died before completing it) is not sent twice.
  if (await deps.access.wasDelivered(p.webhookId, p.deliveryId)) {
    return { status: 'skipped', reason: 'already delivered' };
  }
  const record = await deps.getArticle(p.articleId);
  if (!record) {
    return { status: 'skipped', reason: 'article no longer stored' };
  }
  const body = Buffer.from(deliveryBody(p, webhook, record, deps.toNinjs));
  const at = deps.now();
  const timestamp = Math.floor(at.getTime() / 1000);
  const headers = {
    'content-type': 'application/json; charset=utf-8',
    [WEBHOOK_HEADERS.delivery]: p.deliveryId,
    [WEBHOOK_HEADERS.event]: p.event,
    [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [WEBHOOK_HEADERS.signature]: signWebhook(webhook.secret, timestamp, body),
    [WEBHOOK_HEADERS.webhook]: webhook.id,
  };
  const started = performance.now();
  let status: number | null = null;
  let failure: DeliveryError | null = null;
  let pauseReason: string | undefined;
  try {
    const res = await deps.http.post(webhook.url, body, { headers, timeoutMs: deps.timeoutMs });
    status = res.status;
    const kind = classifyStatus(res.status);
    const what = `POST ${webhook.url} -> ${res.status}`;
    if (kind === 'gone') {
      pauseReason = 'the receiver answered 410 Gone';
      failure = new DeliveryError('http_status', false, what);
    } else if (kind === 'retry') {
      failure = new DeliveryError('http_status', true, what, parseRetryAfter(res.headers['retry-after'], at.getTime()));
    } else if (kind === 'fail') {
      failure = new DeliveryError('http_status', false, res.status >= 300 && res.status < 400 ? `${what} (redirects are not followed)` : what);
    }
  } catch (err) {
    const e = err instanceof PipelineError ? err : new PipelineError('network', true, String(err));
    const code = e.code === 'timeout' || e.code === 'blocked_address' ? e.code : 'network';
    failure = new DeliveryError(code, e.retryable, e.message);
  }
  const durationMs = performance.now() - started;
  const final = failure === null || !failure.retryable || ctx.finalAttempt;
  await deps.access.recordDelivery(
    {
      webhookId: webhook.id,
      deliveryId: p.deliveryId,
      event: p.event,
      articleId: p.articleId,
      attempt: ctx.attempt,
      at: at.toISOString(),
      status,
      ok: failure === null,
      durationMs,
      error: failure ? `${failure.code}: ${failure.message}` : null,
    },
    { final, pauseAfter: deps.pauseAfter, keep: deps.keepLog, ...(pauseReason ? { pauseReason } : {}) },
  );
  if (failure) {
    throw failure;
  }
  return { status: 'done', detail: { webhookId: webhook.id, deliveryId: p.deliveryId, status, ms: Math.round(durationMs) } };
}
