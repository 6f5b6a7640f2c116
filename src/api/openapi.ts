/**
 * GET /openapi.json: the OpenAPI 3.1 description of the API. Query parameters are
 * generated from the same zod schemas that validate them, so the two cannot drift. Pure.
 */
import { z } from 'zod';
import { SUMMARY_FIELDS } from '../store/types.js';
import { ARTICLE_FIELDS, GetArticleParams, ListArticlesParams, StreamParams } from './article-query.js';

type JsonObject = Record<string, unknown>;

function queryParameters(schema: z.ZodObject): JsonObject[] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, JsonObject>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, prop]) => {
    const { description, ...rest } = prop;
    return {
      name,
      in: 'query',
      required: (json.required ?? []).includes(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });

const nullableString = { type: ['string', 'null'] };
const nullableTime = { type: ['string', 'null'], format: 'date-time' };

const Article = {
  type: 'object',
  description: 'The stored record. Field names are camelCase and stable.',
  required: ['id', 'url', 'canonicalUrl', 'feed', 'title', 'fetchedAt', 'text', 'html', 'wordCount', 'topics', 'entities', 'keywords', 'clusterId', 'contentHash', 'version', 'extraction'],
  properties: {
    id: { type: 'string', description: 'Stable hash of the canonical URL.' },
    url: { type: 'string', format: 'uri' },
    canonicalUrl: { type: 'string', format: 'uri' },
    feed: {
      type: 'object',
      properties: { id: { type: 'string' }, title: nullableString, url: nullableString },
      required: ['id', 'title', 'url'],
    },
    siteName: nullableString,
    title: { type: 'string' },
    byline: nullableString,
    dateline: nullableString,
    publishedAt: nullableTime,
    modifiedAt: nullableTime,
    fetchedAt: { type: 'string', format: 'date-time' },
    storedAt: { type: 'string', format: 'date-time' },
    updatedAt: { type: 'string', format: 'date-time' },
    language: nullableString,
    excerpt: nullableString,
    text: { type: 'string', description: 'Plain text, paragraphs separated by blank lines.' },
    html: { type: 'string', description: 'Sanitized HTML of the story.' },
    wordCount: { type: 'integer' },
    leadImage: nullableString,
    topics: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          code: { type: 'string' },
          label: { type: 'string' },
          score: { type: 'number' },
          scheme: { enum: ['medtop', 'custom'] },
        },
        required: ['code', 'label', 'score', 'scheme'],
      },
    },
    entities: {
      type: 'object',
      properties: Object.fromEntries(
        ['people', 'places', 'organisations'].map((k) => [
          k,
          {
            type: 'array',
            items: {
              type: 'object',
              properties: { name: { type: 'string' }, mentions: { type: 'integer' }, salience: { type: 'number' }, offset: { type: 'integer' } },
            },
          },
        ]),
      ),
    },
    keywords: { type: 'array', items: { type: 'string' } },
    clusterId: { type: 'string', description: 'Near-duplicate cluster: the same story from several wires shares it.' },
    duplicateOf: nullableString,
    contentHash: { type: 'string' },
    version: { type: 'integer', description: 'Bumped on every content change.' },
    extraction: {
      type: 'object',
      properties: { method: { enum: ['readability', 'density', 'feed-content'] }, warnings: { type: 'array', items: { type: 'string' } } },
    },
  },
};

const summaryProperty = (name: string): unknown => (Article.properties as Record<string, unknown>)[name];

/** The summary view (?view=summary): these fields of the stored record. */
const ArticleSummary = {
  type: 'object',
  description: `The summary view of an article (?view=summary): ${SUMMARY_FIELDS.join(', ')} of the stored record.`,
  required: [...SUMMARY_FIELDS],
  additionalProperties: false,
  properties: Object.fromEntries(SUMMARY_FIELDS.map((f) => [f, summaryProperty(f)])),
};

const ArticleFields = {
  type: 'object',
  description: `A fields= selection: the named top-level fields of Article (${ARTICLE_FIELDS.join(', ')}), absent ones left out.`,
  additionalProperties: false,
  properties: Object.fromEntries(ARTICLE_FIELDS.map((f) => [f, summaryProperty(f) ?? {}])),
};

const FeedInput = {
  type: 'object',
  required: ['id', 'url'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]*$', maxLength: 100 },
    url: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    interval: { oneOf: [{ type: 'string', examples: ['15m', '90s', '2h'] }, { type: 'integer', description: 'milliseconds' }] },
    categories: { type: 'array', items: { type: 'string' }, maxItems: 20, description: 'Desks the feed belongs to (GET /articles?category=).' },
  },
};

const Feed = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    url: { type: 'string' },
    title: nullableString,
    intervalMs: { type: ['integer', 'null'] },
    health: { enum: ['ok', 'failing', 'pending', 'retired'] },
    status: { enum: ['active', 'retired'] },
    lastPolledAt: nullableTime,
    lastSuccessAt: nullableTime,
    lastErrorAt: nullableTime,
    lastError: { type: ['object', 'null'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
    consecutiveFailures: { type: 'integer' },
    lastNewItems: { type: 'integer' },
    nextPollAt: nullableTime,
    categories: { type: 'array', items: { type: 'string' } },
    websub: {
      type: ['object', 'null'],
      description: 'WebSub subscription (present when the API runs a subscriber; null: none for this feed). The secret is never shown.',
      properties: {
        state: { enum: ['pending', 'active', 'denied', 'failed', 'unsubscribing'] },
        hub: { type: 'string' },
        topic: { type: 'string' },
        callback: { type: 'string' },
        leaseSeconds: { type: ['integer', 'null'] },
        expiresAt: nullableTime,
        requestedAt: { type: 'string', format: 'date-time' },
        verifiedAt: nullableTime,
        lastPushAt: nullableTime,
        lastError: nullableString,
      },
    },
  },
};

const ninjsMedia = 'application/ninjs+json';
const articleContent = (schema: unknown) => ({
  'application/json': { schema },
  [ninjsMedia]: { schema: { type: 'object', description: 'ninjs 3.x (IPTC), with ?format=ninjs or Accept: application/ninjs+json.' } },
});

/** The WebSub callback routes, served only when the API runs a subscriber. */
const WEBSUB_PATHS = {
  '/websub/{feedId}': {
    get: {
      summary: 'WebSub callback: a hub verifies intent (hub.mode, hub.topic, hub.challenge, hub.lease_seconds) or denies a subscription.',
      parameters: [{ name: 'feedId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        200: { description: 'Confirmed: the body is hub.challenge.', content: { 'text/plain': { schema: { type: 'string' } } } },
        404: { description: 'Not a subscription Telex asked for (unknown feed, other topic, or a mode that does not match).' },
      },
    },
    post: {
      summary: 'WebSub callback: a hub pushes the feed, signed with X-Hub-Signature (HMAC sha1/sha256/sha384/sha512 of the body).',
      parameters: [{ name: 'feedId', in: 'path', required: true, schema: { type: 'string' } }],
      responses: {
        202: { description: 'Received (an unsigned or wrongly signed push is acknowledged too, and dropped).' },
        404: { description: 'No subscription for this feed.' },
      },
    },
  },
};

/** `websub`: the API serves the WebSub callback (documented only then). */
export function buildOpenApiDocument(opts: { version?: string; websub?: boolean } = {}): JsonObject {
  const bearer = [{ bearerAuth: [] }];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Telex API',
      version: opts.version ?? '0.1.0',
      description:
        'Articles ingested by Telex: query, fetch, stream (Server-Sent Events), feed registry, health and metrics. Errors are JSON {error, message}.',
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key (telex keys add) with the scope the route needs: read, write, admin or metrics; API_TOKEN is an admin key. Once any key exists every route but /healthz and /readyz needs one (401 without or with a bad key, 403 without the scope, 429 after repeated failures); before, only changes need API_TOKEN when it is set.',
        },
      },
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: { error: { type: 'string' }, message: { type: 'string' } },
        },
        Article,
        ArticleSummary,
        ArticleFields,
        ArticlePage: {
          type: 'object',
          required: ['items', 'nextCursor'],
          description: 'Items are whole records by default, summaries with view=summary, selections with fields=.',
          properties: {
            items: { type: 'array', items: { anyOf: [ref('Article'), ref('ArticleSummary'), ref('ArticleFields')] } },
            nextCursor: nullableString,
          },
        },
        FeedInput,
        Feed,
        ArticleVersionSummary: {
          type: 'object',
          required: ['n', 'at', 'substantive', 'title', 'textLength', 'wordCount'],
          properties: {
            n: { type: 'integer', description: 'The record\'s version number.' },
            at: { type: 'string', format: 'date-time', description: 'When this version was stored.' },
            substantive: {
              type: ['boolean', 'null'],
              description: 'Headline or text changed beyond whitespace and punctuation since the version before (false: cosmetic); null for the first version.',
            },
            title: { type: 'string' },
            textLength: { type: 'integer', description: 'Characters of text.' },
            wordCount: { type: 'integer' },
          },
        },
        ArticleVersion: {
          type: 'object',
          required: ['id', 'n', 'at', 'substantive', 'title', 'byline', 'text', 'topics'],
          properties: {
            id: { type: 'string' },
            n: { type: 'integer' },
            at: { type: 'string', format: 'date-time' },
            substantive: { type: ['boolean', 'null'] },
            title: { type: 'string' },
            byline: nullableString,
            text: { type: 'string' },
            topics: { type: 'array', items: { type: 'object' } },
            diff: {
              type: 'object',
              description:
                'With ?against=m: the word diff from version m to this one. title, byline and text are lists of {kind: same|added|removed, text} in reading order; wordsAdded and wordsRemoved count words.',
            },
          },
        },
      },
    },
    paths: {
      '/articles': {
        get: {
          summary: 'List articles, newest first, with filters and cursor pagination.',
          description:
            'Whole records by default; view=summary or fields= return lighter items (JSON only). Responses of 1 KiB or more are compressed (br or gzip) when Accept-Encoding allows.',
          parameters: queryParameters(ListArticlesParams),
          responses: {
            200: { description: 'A page of articles.', content: articleContent(ref('ArticlePage')) },
            400: errorResponse('Bad query parameter (the message names it).'),
            503: errorResponse('Store unavailable.'),
          },
        },
      },
      '/articles/{id}': {
        get: {
          summary: 'One article.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, ...queryParameters(GetArticleParams)],
          responses: {
            200: { description: 'The article.', content: articleContent(ref('Article')) },
            400: errorResponse('Bad parameter.'),
            404: errorResponse('No such article.'),
          },
        },
      },
      '/articles/{id}/versions': {
        get: {
          summary: 'The kept versions of an article, oldest first, the current one last.',
          description: 'Earlier versions are kept within the configured bound (config `versions`: the last 20 by default). See docs/versions.md.',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            200: {
              description: 'Versions.',
              content: json({ type: 'object', properties: { id: { type: 'string' }, items: { type: 'array', items: ref('ArticleVersionSummary') } } }),
            },
            404: errorResponse('No such article.'),
          },
        },
      },
      '/articles/{id}/versions/{n}': {
        get: {
          summary: 'One kept version of an article in full; with ?against=m, also the word diff from version m to it.',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'n', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } },
            { name: 'against', in: 'query', required: false, schema: { type: 'integer', minimum: 1 } },
          ],
          responses: {
            200: { description: 'The version.', content: json(ref('ArticleVersion')) },
            400: errorResponse('Bad parameter.'),
            404: errorResponse('No such article, or that version is not kept.'),
          },
        },
      },
      '/pipeline/stats': {
        get: {
          summary: 'What the pipeline did over the last hour (per minute) or day (per 15 minutes).',
          description:
            'Stories created or updated per bucket (all feeds and per feed), failed items per stage, publication-to-stored latency p50/p95 (per bucket and over the window), and the jobs in each queue now. From the store\'s item outcomes and the BullMQ queues.',
          parameters: [{ name: 'window', in: 'query', required: false, schema: { type: 'string', enum: ['1h', '1d'], default: '1h' } }],
          responses: {
            200: { description: 'The figures.', content: json({ type: 'object' }) },
            400: errorResponse('Bad parameter.'),
          },
        },
      },
      '/stream': {
        get: {
          summary: 'Server-Sent Events of stored and updated articles (event "article"), with the filters of /articles.',
          description:
            'Each message has `id:` (the Redis stream entry id), `event: article` and `data:` {outcome, version, substantive (updates: true when the headline or text changed beyond whitespace and punctuation, false when the change is cosmetic), article}. Reconnect with the Last-Event-ID header (or ?lastEventId=) to resume after the last event received: nothing is lost while the events are still in the bounded stream; when some were trimmed, an `event: gap` message comes first so the client can backfill from /articles. Comment lines are heartbeats.',
          parameters: [
            { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string', pattern: '^\\d+-\\d+$' } },
            ...queryParameters(StreamParams),
          ],
          responses: {
            200: { description: 'An event stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
            400: errorResponse('Bad parameter.'),
            503: errorResponse('Event stream unavailable: no Redis, or too many open streams (Retry-After).'),
          },
        },
      },
      '/feeds': {
        get: {
          summary: 'Registered feeds with their health.',
          responses: {
            200: {
              description: 'Feeds.',
              content: json({ type: 'object', properties: { items: { type: 'array', items: ref('Feed') } } }),
            },
          },
        },
        post: {
          summary: 'Add (or update) a feed; polling starts at once.',
          security: bearer,
          requestBody: { required: true, content: json(ref('FeedInput')) },
          responses: {
            201: { description: 'Feed added.', content: json(ref('Feed')) },
            200: { description: 'Existing feed updated.', content: json(ref('Feed')) },
            400: errorResponse('Invalid feed.'),
            401: errorResponse('Token missing or wrong.'),
          },
        },
      },
      '/feeds/{id}': {
        delete: {
          summary: 'Remove a feed and stop polling it (stored articles stay).',
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: {
            204: { description: 'Removed.' },
            401: errorResponse('Token missing or wrong.'),
            404: errorResponse('No such feed.'),
          },
        },
      },
      '/healthz': {
        get: { summary: 'Liveness: the process answers.', responses: { 200: { description: 'Alive.', content: json({ type: 'object' }) } } },
      },
      '/readyz': {
        get: {
          summary: 'Readiness: store and Redis reachable, workers running.',
          responses: {
            200: { description: 'Ready; every check true.', content: json({ type: 'object' }) },
            503: errorResponse('Not ready; `checks` tells which part failed.'),
          },
        },
      },
      '/metrics': {
        get: {
          summary: 'Prometheus metrics: stage counters and durations, queue depths, feeds by health, store size.',
          responses: { 200: { description: 'Prometheus text format.', content: { 'text/plain': { schema: { type: 'string' } } } } },
        },
      },
      '/admin/queues': {
        get: {
          summary: 'Queue dashboard (bull-board). Bearer token, or HTTP Basic with the token as password, when the server has one.',
          security: bearer,
          responses: { 200: { description: 'HTML dashboard.' }, 401: errorResponse('Token missing or wrong.') },
        },
      },
      '/webhooks': {
        get: {
          summary: 'Webhook subscriptions (scope write), with their status: active, or paused and why. Secrets are not listed.',
          security: bearer,
          responses: { 200: { description: 'Subscriptions.', content: json({ type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } }) } },
        },
        post: {
          summary: 'Subscribe a URL to created / updated articles matching the filters of /articles (scope write). The answer holds the signing secret, shown this once.',
          security: bearer,
          requestBody: {
            required: true,
            content: json({
              type: 'object',
              required: ['url'],
              properties: {
                url: { type: 'string', format: 'uri' },
                events: { type: 'array', items: { enum: ['created', 'updated'] } },
                filter: { type: 'object', properties: Object.fromEntries(['feed', 'category', 'topic', 'lang', 'entity', 'q'].map((k) => [k, { type: 'string' }])) },
                format: { enum: ['json', 'ninjs'] },
                secret: { type: 'string', minLength: 16 },
              },
            }),
          },
          responses: { 201: { description: 'Created, with its secret.', content: json({ type: 'object' }) }, 400: errorResponse('Invalid subscription.') },
        },
      },
      '/webhooks/{id}': {
        get: {
          summary: 'One subscription (scope write).',
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'The subscription.', content: json({ type: 'object' }) }, 404: errorResponse('No such webhook.') },
        },
        delete: {
          summary: 'Remove a subscription and its delivery log (scope write).',
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 204: { description: 'Removed.' }, 404: errorResponse('No such webhook.') },
        },
      },
      '/webhooks/{id}/resume': {
        post: {
          summary: 'Resume a paused subscription; its failure count starts again (scope write).',
          security: bearer,
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
          responses: { 200: { description: 'The subscription, active.', content: json({ type: 'object' }) }, 404: errorResponse('No such webhook.') },
        },
      },
      '/webhooks/{id}/deliveries': {
        get: {
          summary: 'The newest delivery attempts, newest first: time, HTTP status, duration, error, attempt (scope write).',
          security: bearer,
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 1000 } },
          ],
          responses: { 200: { description: 'Attempts.', content: json({ type: 'object' }) }, 404: errorResponse('No such webhook.') },
        },
      },
      '/openapi.json': {
        get: { summary: 'This document.', responses: { 200: { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) } } },
      },
      ...(opts.websub ? WEBSUB_PATHS : {}),
    },
  };
}
