/**
 * Webhook subscriptions over HTTP (scope `write`):
 *
 *   POST   /webhooks                     {url, events?, filter?, format?, secret?} → 201, the secret shown this once
 *   GET    /webhooks                     subscriptions, with status (active / paused and why)
 *   GET    /webhooks/:id
 *   DELETE /webhooks/:id                 → 204
 *   POST   /webhooks/:id/resume          a paused subscription delivers again (failure count reset)
 *   GET    /webhooks/:id/deliveries      the newest attempts: status, duration, error
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { WEBHOOK_EVENTS, type AccessStore, type Webhook } from '../store/access-types.js';
import { ListArticlesParams, describeIssues, parseParams } from './article-query.js';
import { badRequest, notFound } from './http-error.js';

/** The filters of GET /articles a subscription may set. */
export const WebhookFilterInput = ListArticlesParams.pick({ feed: true, topic: true, lang: true, entity: true, q: true, category: true });

const isHttpUrl = (url: string): boolean => {
  try {
    return /^https?:$/i.test(new URL(url).protocol);
  } catch {
    return false;
  }
};

export const WebhookInput = z.strictObject({
  url: z.url().max(2_000).refine(isHttpUrl, { message: 'webhook url must be http or https' }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).default([...WEBHOOK_EVENTS]),
  filter: WebhookFilterInput.default({}),
  format: z.enum(['json', 'ninjs']).default('json'),
  /** Given by the caller (at least 16 characters), else generated. */
  secret: z.string().min(16).max(200).optional(),
});
export type WebhookInput = z.input<typeof WebhookInput>;

const IdParam = z.strictObject({ id: z.string().min(1).max(100) });
const DeliveriesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(1_000).default(50) });

/** A subscription as listed: everything but its secret. */
export const webhookView = (w: Webhook): Omit<Webhook, 'secret'> => {
  const { secret: _secret, ...rest } = w;
  return rest;
};

/** Validates input and stores a new subscription (the API and the CLI both create them here). */
export async function createWebhook(access: AccessStore, raw: unknown, now: Date = new Date()): Promise<Webhook> {
  const parsed = WebhookInput.safeParse(raw ?? {});
  if (!parsed.success) {
    throw badRequest(`invalid webhook: ${describeIssues(parsed.error)}`);
  }
  const d = parsed.data;
  const filter = Object.fromEntries(Object.entries(d.filter).filter(([, v]) => v !== undefined));
  return access.createWebhook({
    id: randomUUID(),
    url: d.url,
    events: [...new Set(d.events)],
    filter,
    format: d.format,
    secret: d.secret ?? randomBytes(32).toString('base64url'),
    createdAt: now.toISOString(),
  });
}

export function registerWebhookRoutes(app: FastifyInstance, o: { access: AccessStore; now?: () => Date }): void {
  const now = o.now ?? (() => new Date());
  const config = { access: 'write' as const };
  const found = async (id: string): Promise<Webhook> => {
    const w = await o.access.getWebhook(id);
    if (!w) {
      throw notFound(`no webhook ${id}`);
    }
    return w;
  };

  app.post('/webhooks', { config }, async (request, reply) => {
    const w = await createWebhook(o.access, request.body, now());
    request.log.info({ webhookId: w.id, url: w.url }, 'webhook created');
    return reply.status(201).send(w);
  });

  app.get('/webhooks', { config }, async () => ({ items: (await o.access.listWebhooks()).map(webhookView) }));

  app.get('/webhooks/:id', { config }, async (request) => webhookView(await found(parseParams(IdParam, request.params, 'webhook id').id)));

  app.delete('/webhooks/:id', { config }, async (request, reply) => {
    const { id } = parseParams(IdParam, request.params, 'webhook id');
    if (!(await o.access.removeWebhook(id))) {
      throw notFound(`no webhook ${id}`);
    }
    request.log.info({ webhookId: id }, 'webhook removed');
    return reply.status(204).send();
  });

  app.post('/webhooks/:id/resume', { config }, async (request) => {
    const { id } = parseParams(IdParam, request.params, 'webhook id');
    const w = await o.access.setWebhookStatus(id, 'active', null, now().toISOString());
    if (!w) {
      throw notFound(`no webhook ${id}`);
    }
    request.log.info({ webhookId: id }, 'webhook resumed');
    return webhookView(w);
  });

  app.get('/webhooks/:id/deliveries', { config }, async (request) => {
    const { id } = parseParams(IdParam, request.params, 'webhook id');
    const { limit } = parseParams(DeliveriesQuery, request.query);
    await found(id);
    return { items: await o.access.listDeliveries(id, limit) };
  });
}
