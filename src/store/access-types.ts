/**
 * What the store keeps for access and delivery: named API keys (hashed) and
 * webhook subscriptions with their delivery log. Both backends implement
 * `AccessStore` and pass the same contract suite
 * (tests/integration/store/access-store.contract.ts).
 */
import { PipelineError } from '../errors.js';

export const SCOPES = ['read', 'write', 'admin', 'metrics'] as const;
export type Scope = (typeof SCOPES)[number];

export type ApiKey = {
  id: string;
  name: string;
  scopes: Scope[];
  /** The first characters of the token, to tell keys apart in listings (never enough to use). */
  hint: string;
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
};

/** A key to store: `hash` is the SHA-256 (hex) of the token, which is never stored. */
export type NewApiKey = Omit<ApiKey, 'revokedAt' | 'lastUsedAt'> & { hash: string };

export const WEBHOOK_EVENTS = ['created', 'updated'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The filters of GET /articles a subscription can use. */
export type WebhookFilter = {
  feed?: string;
  topic?: string;
  lang?: string;
  entity?: string;
  q?: string;
  category?: string;
};

export type Webhook = {
  id: string;
  url: string;
  events: WebhookEvent[];
  filter: WebhookFilter;
  /** Body of each delivery: the stored record (json) or its ninjs rendering. */
  format: 'json' | 'ninjs';
  /** HMAC-SHA256 key of the signature header; shown once, when the subscription is created. */
  secret: string;
  status: 'active' | 'paused';
  pausedReason: string | null;
  /** Deliveries that failed in a row (each after its retries); a success resets it. */
  consecutiveFailures: number;
  createdAt: string;
  updatedAt: string;
  lastDeliveryAt: string | null;
  lastSuccessAt: string | null;
};

export type NewWebhook = Pick<Webhook, 'id' | 'url' | 'events' | 'filter' | 'format' | 'secret' | 'createdAt'>;

/** One HTTP attempt at delivering one event to one subscription. */
export type DeliveryAttempt = {
  webhookId: string;
  deliveryId: string;
  /** `article.created` or `article.updated`. */
  event: string;
  articleId: string;
  attempt: number;
  at: string;
  /** The receiver's HTTP status; null when none came (timeout, connection refused, blocked). */
  status: number | null;
  ok: boolean;
  durationMs: number;
  error: string | null;
};

export type RecordDeliveryOptions = {
  /** No further attempt follows this one (success, permanent failure or retries exhausted). */
  final: boolean;
  /** Pause the subscription when this many deliveries in a row have failed. */
  pauseAfter: number;
  /** Pause now, with this reason (e.g. the receiver answered 410 Gone). */
  pauseReason?: string;
  /** Attempts kept per subscription (older ones are deleted). */
  keep: number;
};

export interface AccessStore {
  /** Stores a new key; a name already taken is a bad_payload error. */
  createApiKey(key: NewApiKey): Promise<ApiKey>;
  /** The key whose token hashes to `hash` (revoked ones included: the caller decides). */
  findApiKeyByHash(hash: string): Promise<ApiKey | null>;
  listApiKeys(): Promise<ApiKey[]>;
  /** Revokes the key with this id or name; null when there is none. Revoking twice keeps the first time. */
  revokeApiKey(idOrName: string, at: string): Promise<ApiKey | null>;
  /** Keys ever created, revoked ones included. */
  countApiKeys(): Promise<number>;
  touchApiKey(id: string, at: string): Promise<void>;

  createWebhook(w: NewWebhook): Promise<Webhook>;
  getWebhook(id: string): Promise<Webhook | null>;
  listWebhooks(): Promise<Webhook[]>;
  /** Forgets the subscription and its delivery log. */
  removeWebhook(id: string): Promise<boolean>;
  /** Pauses (with a reason) or resumes (clearing the failure count) a subscription; null when there is none. */
  setWebhookStatus(id: string, status: Webhook['status'], reason: string | null, at: string): Promise<Webhook | null>;
  /**
   * Appends an attempt to the subscription's log (keeping the newest `keep`),
   * and in the same transaction updates its failure count and pauses it when
   * `pauseReason` is given or `pauseAfter` final failures in a row are reached.
   * Returns the subscription as it now is (null when it was removed).
   */
  recordDelivery(attempt: DeliveryAttempt, opts: RecordDeliveryOptions): Promise<Webhook | null>;
  /** Newest first. */
  listDeliveries(webhookId: string, limit?: number): Promise<DeliveryAttempt[]>;
  /** Whether the log holds a successful attempt of this delivery (so it is not sent again). */
  wasDelivered(webhookId: string, deliveryId: string): Promise<boolean>;
}

/** The error both backends give when an API key's name is taken (names are unique). */
export const keyNameTaken = (name: string): PipelineError =>
  new PipelineError('bad_payload', false, `a key named "${name}" exists already`);

/** What a failed final delivery does to a subscription (pure): its new failure count and pause reason. */
export function afterFinalFailure(
  failures: number,
  opts: Pick<RecordDeliveryOptions, 'pauseAfter' | 'pauseReason'>,
): { failures: number; pause: string | null } {
  const next = failures + 1;
  if (opts.pauseReason) {
    return { failures: next, pause: opts.pauseReason };
  }
  return { failures: next, pause: next >= opts.pauseAfter ? `${next} deliveries in a row failed` : null };
}

const scopeSet = new Set<string>(SCOPES);

/** Stored scope text ("read,metrics") to scopes, unknown names dropped. Pure. */
export function decodeScopes(text: string): Scope[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s): s is Scope => scopeSet.has(s));
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/** A key from a row of either backend. */
export function apiKeyFromRow(r: Record<string, unknown>): ApiKey {
  return {
    id: String(r.id),
    name: String(r.name),
    scopes: decodeScopes(String(r.scopes)),
    hint: String(r.hint),
    createdAt: String(r.created_at),
    revokedAt: str(r.revoked_at),
    lastUsedAt: str(r.last_used_at),
  };
}

/** A subscription from a row of either backend. */
export function webhookFromRow(r: Record<string, unknown>): Webhook {
  const events = String(r.events)
    .split(',')
    .filter((e): e is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(e));
  return {
    id: String(r.id),
    url: String(r.url),
    events,
    filter: JSON.parse(String(r.filter)) as WebhookFilter,
    format: r.format === 'ninjs' ? 'ninjs' : 'json',
    secret: String(r.secret),
    status: r.status === 'paused' ? 'paused' : 'active',
    pausedReason: str(r.paused_reason),
    consecutiveFailures: Number(r.consecutive_failures),
    createdAt: String(r.created_at),
    updatedAt: String(r.updated_at),
    lastDeliveryAt: str(r.last_delivery_at),
    lastSuccessAt: str(r.last_success_at),
  };
}

/** A delivery attempt from a row of either backend. */
export function deliveryFromRow(r: Record<string, unknown>): DeliveryAttempt {
  return {
    webhookId: String(r.webhook_id),
    deliveryId: String(r.delivery_id),
    event: String(r.event),
    articleId: String(r.article_id),
    attempt: Number(r.attempt),
    at: String(r.at),
    status: r.status === null || r.status === undefined ? null : Number(r.status),
    ok: r.ok === true || r.ok === 1,
    durationMs: Number(r.duration_ms),
    error: str(r.error),
  };
}

/** Tables of keys, subscriptions and attempts; the SQL is the same on both backends but for the attempt's serial key. */
export function accessTablesSql(serialKey: string, bool: string): string {
  return `
    CREATE TABLE api_keys (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL UNIQUE,
      scopes TEXT NOT NULL,
      key_hash TEXT NOT NULL UNIQUE,
      hint TEXT NOT NULL,
      created_at TEXT NOT NULL,
      revoked_at TEXT,
      last_used_at TEXT
    );
    CREATE TABLE webhooks (
      id TEXT PRIMARY KEY,
      url TEXT NOT NULL,
      events TEXT NOT NULL,
      filter TEXT NOT NULL,
      format TEXT NOT NULL,
      secret TEXT NOT NULL,
      status TEXT NOT NULL DEFAULT 'active',
      paused_reason TEXT,
      consecutive_failures INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      last_delivery_at TEXT,
      last_success_at TEXT
    );
    CREATE TABLE webhook_deliveries (
      seq ${serialKey},
      webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
      delivery_id TEXT NOT NULL,
      event TEXT NOT NULL,
      article_id TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      at TEXT NOT NULL,
      status INTEGER,
      ok ${bool} NOT NULL,
      duration_ms INTEGER NOT NULL,
      error TEXT
    );
    CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, seq);
  `;
}
