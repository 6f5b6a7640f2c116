/** `telex keys ...` and `telex webhooks ...`: API keys and webhook subscriptions, straight in the store. */
import { createKey } from '../api/access.js';
import { createWebhook, webhookView } from '../api/webhook-routes.js';
import { SCOPES, type AccessStore, type ApiKey, type DeliveryAttempt, type Scope, type Webhook } from '../store/access-types.js';

const or = (v: string | null, dash = '—'): string => v ?? dash;

/** Rows as aligned columns. Pure. */
function columns(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows].map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

export function formatKeys(keys: ApiKey[]): string {
  if (keys.length === 0) {
    return 'no API keys (the API is open, or guarded by API_TOKEN alone)';
  }
  return columns(
    ['NAME', 'SCOPES', 'KEY', 'CREATED', 'LAST USED', 'REVOKED', 'ID'],
    keys.map((k) => [k.name, k.scopes.join(','), `${k.hint}…`, k.createdAt, or(k.lastUsedAt), or(k.revokedAt), k.id]),
  );
}

export function formatWebhooks(items: Array<Omit<Webhook, 'secret'>>): string {
  if (items.length === 0) {
    return 'no webhook subscriptions';
  }
  return columns(
    ['ID', 'STATUS', 'EVENTS', 'FORMAT', 'FAILURES', 'LAST DELIVERY', 'URL', 'FILTER'],
    items.map((w) => [
      w.id,
      w.status === 'paused' ? `paused (${w.pausedReason ?? 'by hand'})` : 'active',
      w.events.join(','),
      w.format,
      String(w.consecutiveFailures),
      or(w.lastDeliveryAt),
      w.url,
      Object.entries(w.filter).map(([k, v]) => `${k}=${String(v)}`).join(' ') || 'every article',
    ]),
  );
}

export function formatDeliveries(log: DeliveryAttempt[]): string {
  if (log.length === 0) {
    return 'no delivery attempted yet';
  }
  return columns(
    ['AT', 'RESULT', 'STATUS', 'MS', 'ATTEMPT', 'EVENT', 'ARTICLE', 'DELIVERY', 'ERROR'],
    log.map((d) => [d.at, d.ok ? 'ok' : 'failed', d.status === null ? '—' : String(d.status), String(Math.round(d.durationMs)), String(d.attempt), d.event, d.articleId, d.deliveryId, or(d.error, '')]),
  );
}

export function parseScopes(given: string[]): Scope[] {
  const scopes = given.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = scopes.filter((s) => !(SCOPES as readonly string[]).includes(s));
  if (scopes.length === 0 || unknown.length > 0) {
    throw new Error(`${unknown.length > 0 ? `unknown scope ${unknown.join(', ')}` : 'no scope given'}; scopes are ${SCOPES.join(', ')}`);
  }
  return scopes as Scope[];
}

export async function addKey(access: AccessStore, name: string, scopes: Scope[]): Promise<string> {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(name)) {
    throw new Error('key name: letters, digits, ".", "_" and "-", up to 100');
  }
  const { key, token } = await createKey(access, name, scopes);
  return [
    `created key ${key.name} (${key.scopes.join(', ')}), id ${key.id}`,
    token,
    'Store it now: it is not shown again (only its SHA-256 is kept).',
  ].join('\n');
}

export async function revokeKey(access: AccessStore, idOrName: string): Promise<{ ok: boolean; text: string }> {
  const key = await access.revokeApiKey(idOrName, new Date().toISOString());
  return key ? { ok: true, text: `revoked key ${key.name} (${key.id})` } : { ok: false, text: `no key ${idOrName}` };
}

export async function addWebhook(access: AccessStore, input: Record<string, unknown>): Promise<string> {
  const w = await createWebhook(access, input);
  return [
    `created webhook ${w.id} -> ${w.url} (${w.events.join(', ')}, ${w.format})`,
    `secret: ${w.secret}`,
    'Verify each delivery with it (README, "Webhooks"); it is not shown again.',
  ].join('\n');
}

export async function listWebhooks(access: AccessStore): Promise<string> {
  return formatWebhooks((await access.listWebhooks()).map(webhookView));
}
