/**
 * Redis stream of stored articles (`<prefix>:articles`): one entry per created or
 * updated article, bounded with MAXLEN ~. Consumers read with XREAD (plain tail)
 * or with a consumer group (XREADGROUP + XACK). Blocking reads hold their
 * connection: give them a connection of their own.
 */
import type { Redis } from 'ioredis';
import type { ArticleRecord, Topic, UpsertOutcome } from './types.js';

export const DEFAULT_EVENTS_MAXLEN = 100_000;

export type ArticleEvent = {
  /** Redis stream entry id: the resume point (`afterId`) for the next read. */
  streamId: string;
  id: string;
  version: number;
  outcome: UpsertOutcome;
  title: string;
  url: string;
  feedId: string;
  language: string | null;
  clusterId: string;
  topics: Array<Pick<Topic, 'code' | 'label' | 'score' | 'scheme'>>;
  publishedAt: string | null;
  updatedAt: string | null;
  /**
   * For an update: true when the headline or text changed beyond whitespace
   * and punctuation (substantive), false when only they changed (cosmetic).
   * Null for a new article, and for entries written before the flag existed.
   */
  substantive: boolean | null;
};

/** Stream entry fields for a record (pure). `substantive`: see ArticleEvent (null or omitted: not said). */
export function articleEventFields(record: ArticleRecord, outcome: UpsertOutcome, substantive: boolean | null = null): string[] {
  const topics = record.topics.map((t) => ({ code: t.code, label: t.label, score: t.score, scheme: t.scheme }));
  return [
    'id',
    record.id,
    'version',
    String(record.version),
    'outcome',
    outcome,
    'title',
    record.title,
    'url',
    record.canonicalUrl || record.url,
    'feedId',
    record.feed.id,
    'language',
    record.language ?? '',
    'clusterId',
    record.clusterId,
    'topics',
    JSON.stringify(topics),
    'publishedAt',
    record.publishedAt ?? '',
    'updatedAt',
    record.updatedAt ?? '',
    'substantive',
    substantive === null ? '' : substantive ? 'true' : 'false',
  ];
}

/** Parses one stream entry (pure). Unknown or malformed entries give null. */
export function parseArticleEvent(streamId: string, fields: string[]): ArticleEvent | null {
  const f = new Map<string, string>();
  for (let i = 0; i + 1 < fields.length; i += 2) {
    f.set(fields[i] as string, fields[i + 1] as string);
  }
  const id = f.get('id');
  const outcome = f.get('outcome');
  if (!id || (outcome !== 'created' && outcome !== 'updated' && outcome !== 'unchanged')) {
    return null;
  }
  let topics: ArticleEvent['topics'] = [];
  try {
    const parsed: unknown = JSON.parse(f.get('topics') ?? '[]');
    topics = Array.isArray(parsed) ? (parsed as ArticleEvent['topics']) : [];
  } catch {
    topics = [];
  }
  return {
    streamId,
    id,
    version: Number(f.get('version') ?? 0),
    outcome,
    title: f.get('title') ?? '',
    url: f.get('url') ?? '',
    feedId: f.get('feedId') ?? '',
    language: f.get('language') || null,
    clusterId: f.get('clusterId') ?? '',
    topics,
    publishedAt: f.get('publishedAt') || null,
    updatedAt: f.get('updatedAt') || null,
    substantive: f.get('substantive') === 'true' ? true : f.get('substantive') === 'false' ? false : null,
  };
}

/** XADD the article event, trimming the stream to about `maxLen` entries. Returns the entry id. */
export async function publishArticleEvent(
  redis: Redis,
  streamKey: string,
  record: ArticleRecord,
  outcome: UpsertOutcome,
  maxLen: number = DEFAULT_EVENTS_MAXLEN,
  substantive: boolean | null = null,
): Promise<string> {
  const id = await redis.xadd(streamKey, 'MAXLEN', '~', String(maxLen), '*', ...articleEventFields(record, outcome, substantive));
  if (id === null) {
    throw new Error(`XADD ${streamKey} returned no id`);
  }
  return id;
}

type StreamReply = Array<[string, Array<[string, string[]]>]> | null;

function eventsOf(reply: StreamReply): ArticleEvent[] {
  const out: ArticleEvent[] = [];
  for (const [, entries] of reply ?? []) {
    for (const [streamId, fields] of entries) {
      // A consumer group may hand back ids whose entries were trimmed: fields are then null.
      const ev = fields ? parseArticleEvent(streamId, fields) : null;
      if (ev) {
        out.push(ev);
      }
    }
  }
  return out;
}

export type ReadArticleEventsOptions = {
  /** Most entries per read (default 100). */
  count?: number;
  /** Block up to this many ms waiting for entries (0 = forever); omitted = return at once. */
  blockMs?: number;
  /**
   * Read as a member of a consumer group (created on first use, starting at
   * `afterId`). Entries must then be acknowledged with `ackArticleEvents`.
   */
  group?: { name: string; consumer: string };
};

/**
 * Events after `afterId` (`'0'` = from the start of the stream, `'$'` = only new
 * ones, or the `streamId` of the last event processed). With a group, reads the
 * group's undelivered entries (`>`).
 */
export async function readArticleEvents(
  redis: Redis,
  streamKey: string,
  afterId: string,
  opts: ReadArticleEventsOptions = {},
): Promise<ArticleEvent[]> {
  const count = String(opts.count ?? 100);
  const block = opts.blockMs === undefined ? [] : ['BLOCK', String(opts.blockMs)];
  if (opts.group) {
    const group = opts.group;
    const read = async () =>
      (await redis.call('XREADGROUP', 'GROUP', group.name, group.consumer, 'COUNT', count, ...block, 'STREAMS', streamKey, '>')) as StreamReply;
    try {
      return eventsOf(await read());
    } catch (err) {
      // The group (or the stream) does not exist yet: create it once, not before every read.
      if (!String((err as Error)?.message).startsWith('NOGROUP')) {
        throw err;
      }
      await ensureArticleEventGroup(redis, streamKey, group.name, afterId);
      return eventsOf(await read());
    }
  }
  const reply = (await redis.call('XREAD', 'COUNT', count, ...block, 'STREAMS', streamKey, afterId)) as StreamReply;
  return eventsOf(reply);
}

/** Creates the consumer group (and the stream) when missing; starts at `startId` ('$' = new entries only). */
export async function ensureArticleEventGroup(
  redis: Redis,
  streamKey: string,
  group: string,
  startId = '$',
): Promise<void> {
  try {
    await redis.xgroup('CREATE', streamKey, group, startId, 'MKSTREAM');
  } catch (err) {
    if (!String((err as Error)?.message).includes('BUSYGROUP')) {
      throw err;
    }
  }
}

/** Acknowledges processed entries of a consumer group. Returns how many were pending. */
export async function ackArticleEvents(redis: Redis, streamKey: string, group: string, streamIds: string[]): Promise<number> {
  if (streamIds.length === 0) {
    return 0;
  }
  return redis.xack(streamKey, group, ...streamIds);
}
