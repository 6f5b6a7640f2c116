/**
 * Query parameters of GET /articles, GET /articles/:id and GET /stream:
 * validation (zod) and conversion to the store's ArticleQuery. Pure.
 */
import { z } from 'zod';
import { SUMMARY_FIELDS, type ArticleQuery, type ArticleRecord, type ArticleView } from '../store/types.js';
import { badRequest } from './http-error.js';

export const MAX_LIMIT = 200;
export const DEFAULT_LIMIT = 50;

const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

const isoInstant = z
  .string()
  .refine((s) => ISO_DATE_OR_TIME.test(s) && !Number.isNaN(Date.parse(s)), {
    message: 'expected an ISO 8601 date or date-time, e.g. 2024-05-01 or 2024-05-01T12:00:00Z',
  });

const format = z.enum(['json', 'ninjs']);

/** Filters shared by the list and the stream. */
const filterShape = {
  since: isoInstant.optional().describe('Only articles published (or, without a publication time, stored) at or after this instant.'),
  until: isoInstant.optional().describe('Only articles published before this instant.'),
  feed: z.string().min(1).max(100).optional().describe('Feed id.'),
  topic: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('Topic code: an IPTC Media Topic code (medtop:NNNNNNNN, its descendants included) or a newsroom topic.'),
  lang: z
    .string()
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'expected a language tag such as en or pt-BR')
    .optional()
    .describe('Language (BCP 47); "en" also matches "en-US".'),
  q: z.string().trim().min(1).max(200).optional().describe('Full-text query: every word must appear.'),
  entity: z.string().trim().min(1).max(200).optional().describe('Name of a person, place or organisation (case-insensitive).'),
  category: z.string().trim().min(1).max(100).optional().describe('Feed category (desk): articles of the feeds in it (case-insensitive).'),
};

/** Top-level fields of the stored record, the names `fields=` accepts. */
export const ARTICLE_FIELDS = [
  'id', 'url', 'canonicalUrl', 'feed', 'siteName', 'title', 'byline', 'dateline', 'publishedAt', 'modifiedAt',
  'fetchedAt', 'storedAt', 'updatedAt', 'language', 'excerpt', 'text', 'html', 'wordCount', 'leadImage', 'topics',
  'entities', 'keywords', 'clusterId', 'duplicateOf', 'contentHash', 'version', 'extraction',
] as const satisfies ReadonlyArray<keyof ArticleRecord>;
export type ArticleField = (typeof ARTICLE_FIELDS)[number];

const known = new Set<string>(ARTICLE_FIELDS);

const fieldList = z
  .string()
  .max(500)
  .transform((s, ctx) => {
    const names = [...new Set(s.split(',').map((f) => f.trim()).filter(Boolean))];
    const unknown = names.filter((f) => !known.has(f));
    if (names.length === 0 || unknown.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message: `${unknown.length > 0 ? `unknown field ${unknown.map((f) => `"${f}"`).join(', ')}` : 'no field named'}; fields are ${ARTICLE_FIELDS.join(', ')}`,
      });
      return z.NEVER;
    }
    return names as ArticleField[];
  });

export const ListArticlesParams = z.strictObject({
  ...filterShape,
  limit: z.coerce
    .number()
    .int('limit must be an integer')
    .min(1)
    .max(MAX_LIMIT)
    .default(DEFAULT_LIMIT)
    .describe(`Page size, 1..${MAX_LIMIT}.`),
  cursor: z.string().min(1).max(500).optional().describe('The nextCursor of the previous page.'),
  format: format.optional().describe('json (default) or ninjs; the Accept header application/ninjs+json works too.'),
  view: z
    .enum(['full', 'summary'])
    .optional()
    .describe(`full (default): whole records. summary: ${SUMMARY_FIELDS.join(', ')} only (JSON format).`),
  fields: fieldList
    .optional()
    .describe('Comma-separated top-level fields to return for each article, e.g. id,title,publishedAt (JSON format; overrides view).'),
});
export type ListArticlesParams = z.infer<typeof ListArticlesParams>;

export const GetArticleParams = z.strictObject({
  format: format.optional(),
});

export const StreamParams = z.strictObject({
  ...filterShape,
  format: format.optional(),
  lastEventId: z
    .string()
    .regex(/^\d+-\d+$/, 'expected a stream entry id such as 1700000000000-0')
    .optional()
    .describe('Resume after this event id (same as the Last-Event-ID header, which wins).'),
});
export type StreamParams = z.infer<typeof StreamParams>;

export const ArticleIdParam = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'expected an article id'),
});

/** "since: expected ...; limit: too big" — every issue, one line. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => {
      const where = i.path.length > 0 ? `${i.path.join('.')}: ` : '';
      return `${where}${i.message}`;
    })
    .join('; ');
}

/** Parses request parameters with `schema`, throwing a 400 HttpError that names every problem. */
export function parseParams<S extends z.ZodType>(schema: S, raw: unknown, what = 'query'): z.infer<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) {
    throw badRequest(`invalid ${what}: ${describeIssues(parsed.error)}`);
  }
  return parsed.data;
}

/** The store query for validated list parameters. */
export function toArticleQuery(p: ListArticlesParams): ArticleQuery {
  const query: ArticleQuery = { limit: p.limit };
  if (p.since !== undefined) query.since = new Date(Date.parse(p.since)).toISOString();
  if (p.until !== undefined) query.until = new Date(Date.parse(p.until)).toISOString();
  if (p.feed !== undefined) query.feed = p.feed;
  if (p.topic !== undefined) query.topic = p.topic;
  if (p.lang !== undefined) query.lang = p.lang;
  if (p.q !== undefined) query.q = p.q;
  if (p.entity !== undefined) query.entity = p.entity;
  if (p.category !== undefined) query.category = p.category;
  if (p.cursor !== undefined) query.cursor = p.cursor;
  return query;
}

/**
 * Whether the client wants ninjs: `format` wins; otherwise the Accept header
 * decides between application/json (and wildcards) and application/ninjs+json by quality.
 */
export function wantsNinjs(formatParam: 'json' | 'ninjs' | undefined, accept: string | undefined): boolean {
  if (formatParam) {
    return formatParam === 'ninjs';
  }
  if (!accept) {
    return false;
  }
  let ninjs = -1;
  let json = -1;
  let wildcard = -1;
  for (const part of accept.split(',')) {
    const [typeRaw, ...params] = part.split(';');
    const type = (typeRaw ?? '').trim().toLowerCase();
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p);
      if (m?.[1]) {
        q = Number(m[1]);
      }
    }
    if (type === 'application/ninjs+json') {
      ninjs = Math.max(ninjs, q);
    } else if (type === 'application/json') {
      json = Math.max(json, q);
    } else if (type === 'application/*' || type === '*/*') {
      wildcard = Math.max(wildcard, q);
    }
  }
  // The explicit type beats a wildcard of the same quality; plain JSON wins ties.
  return ninjs > 0 && ninjs > json && ninjs >= wildcard;
}

const summaryFields = new Set<string>(SUMMARY_FIELDS);

/**
 * What a JSON list page reads from the store and what it keeps of each item:
 * `fields` all in the summary are picked from the summary view, others from the
 * full record; without `fields`, the view asked for (default full), sent as stored.
 */
export function listShape(p: Pick<ListArticlesParams, 'view' | 'fields'>): { view: ArticleView; pick: ArticleField[] | null } {
  if (p.fields) {
    return { view: p.fields.every((f) => summaryFields.has(f)) ? 'summary' : 'full', pick: p.fields };
  }
  return { view: p.view ?? 'full', pick: null };
}

/** The named fields of a stored JSON item (absent ones left out), as JSON. */
export function pickFields(json: string, fields: readonly ArticleField[]): string {
  const item = JSON.parse(json) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    if (f in item) {
      out[f] = item[f];
    }
  }
  return JSON.stringify(out);
}
