/** SQLite side of the AccessStore: API keys, webhook subscriptions and their delivery log. */
import type Database from 'better-sqlite3';
import {
  type AccessStore,
  type ApiKey,
  type DeliveryAttempt,
  type NewApiKey,
  type NewWebhook,
  type RecordDeliveryOptions,
  type Webhook,
  accessTablesSql,
  afterFinalFailure,
  keyNameTaken,
  apiKeyFromRow,
  deliveryFromRow,
  webhookFromRow,
} from './access-types.js';
import type { Row } from './store-core.js';

export const SQLITE_ACCESS_MIGRATION = accessTablesSql('INTEGER PRIMARY KEY AUTOINCREMENT', 'INTEGER');

const isUniqueViolation = (err: unknown): boolean => /UNIQUE constraint failed/.test(String((err as Error)?.message));

export class SqliteAccessStore implements AccessStore {
  constructor(
    private readonly db: Database.Database,
    /** The owning store's guard: refuses after close and maps driver errors. */
    private readonly run: <T>(what: string, fn: () => T) => Promise<T>,
  ) {}

  private get(sql: string, ...params: unknown[]): Row | undefined {
    return this.db.prepare(sql).get(...params) as Row | undefined;
  }

  private all(sql: string, ...params: unknown[]): Row[] {
    return this.db.prepare(sql).all(...params) as Row[];
  }

  createApiKey(key: NewApiKey): Promise<ApiKey> {
    return this.run('createApiKey', () => {
      try {
        this.db
          .prepare('INSERT INTO api_keys (id, name, scopes, key_hash, hint, created_at) VALUES (?, ?, ?, ?, ?, ?)')
          .run(key.id, key.name, key.scopes.join(','), key.hash, key.hint, key.createdAt);
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw keyNameTaken(key.name);
        }
        throw err;
      }
      return apiKeyFromRow(this.get('SELECT * FROM api_keys WHERE id = ?', key.id) as Row);
    });
  }

  findApiKeyByHash(hash: string): Promise<ApiKey | null> {
    return this.run('findApiKeyByHash', () => {
      const row = this.get('SELECT * FROM api_keys WHERE key_hash = ?', hash);
      return row ? apiKeyFromRow(row) : null;
    });
  }

  listApiKeys(): Promise<ApiKey[]> {
    return this.run('listApiKeys', () => this.all('SELECT * FROM api_keys ORDER BY created_at, name').map(apiKeyFromRow));
  }

  revokeApiKey(idOrName: string, at: string): Promise<ApiKey | null> {
    return this.run('revokeApiKey', () =>
      this.db.transaction(() => {
        const row = this.get('SELECT * FROM api_keys WHERE id = ? OR name = ? ORDER BY id = ? DESC LIMIT 1', idOrName, idOrName, idOrName);
        if (!row) {
          return null;
        }
        this.db.prepare('UPDATE api_keys SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(at, row.id);
        return apiKeyFromRow(this.get('SELECT * FROM api_keys WHERE id = ?', row.id) as Row);
      })(),
    );
  }

  countApiKeys(): Promise<number> {
    return this.run('countApiKeys', () => Number((this.get('SELECT COUNT(*) AS n FROM api_keys') as Row).n));
  }

  touchApiKey(id: string, at: string): Promise<void> {
    return this.run('touchApiKey', () => {
      this.db.prepare('UPDATE api_keys SET last_used_at = ? WHERE id = ?').run(at, id);
    });
  }

  createWebhook(w: NewWebhook): Promise<Webhook> {
    return this.run('createWebhook', () => {
      this.db
        .prepare(
          `INSERT INTO webhooks (id, url, events, filter, format, secret, status, consecutive_failures, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, 'active', 0, ?, ?)`,
        )
        .run(w.id, w.url, w.events.join(','), JSON.stringify(w.filter), w.format, w.secret, w.createdAt, w.createdAt);
      return webhookFromRow(this.get('SELECT * FROM webhooks WHERE id = ?', w.id) as Row);
    });
  }

  getWebhook(id: string): Promise<Webhook | null> {
    return this.run('getWebhook', () => {
      const row = this.get('SELECT * FROM webhooks WHERE id = ?', id);
      return row ? webhookFromRow(row) : null;
    });
  }

  listWebhooks(): Promise<Webhook[]> {
    return this.run('listWebhooks', () => this.all('SELECT * FROM webhooks ORDER BY created_at, id').map(webhookFromRow));
  }

  removeWebhook(id: string): Promise<boolean> {
    return this.run('removeWebhook', () => this.db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes > 0);
  }

  setWebhookStatus(id: string, status: Webhook['status'], reason: string | null, at: string): Promise<Webhook | null> {
    return this.run('setWebhookStatus', () => {
      const sql =
        status === 'active'
          ? `UPDATE webhooks SET status = 'active', paused_reason = NULL, consecutive_failures = 0, updated_at = ? WHERE id = ?`
          : `UPDATE webhooks SET status = 'paused', paused_reason = ?, updated_at = ? WHERE id = ?`;
      const changed = status === 'active' ? this.db.prepare(sql).run(at, id) : this.db.prepare(sql).run(reason, at, id);
      if (changed.changes === 0) {
        return null;
      }
      return webhookFromRow(this.get('SELECT * FROM webhooks WHERE id = ?', id) as Row);
    });
  }

  recordDelivery(a: DeliveryAttempt, opts: RecordDeliveryOptions): Promise<Webhook | null> {
    return this.run('recordDelivery', () =>
      this.db
        .transaction(() => {
          const row = this.get('SELECT * FROM webhooks WHERE id = ?', a.webhookId);
          if (!row) {
            return null;
          }
          this.db
            .prepare(
              `INSERT INTO webhook_deliveries (webhook_id, delivery_id, event, article_id, attempt, at, status, ok, duration_ms, error)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(a.webhookId, a.deliveryId, a.event, a.articleId, a.attempt, a.at, a.status, a.ok ? 1 : 0, Math.round(a.durationMs), a.error);
          this.db
            .prepare(
              `DELETE FROM webhook_deliveries WHERE webhook_id = ? AND seq <= (
                 SELECT seq FROM webhook_deliveries WHERE webhook_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`,
            )
            .run(a.webhookId, a.webhookId, opts.keep);
          const current = webhookFromRow(row);
          if (a.ok) {
            this.db
              .prepare('UPDATE webhooks SET consecutive_failures = 0, last_delivery_at = ?, last_success_at = ? WHERE id = ?')
              .run(a.at, a.at, a.webhookId);
          } else if (opts.final) {
            const next = afterFinalFailure(current.consecutiveFailures, opts);
            this.db
              .prepare(
                `UPDATE webhooks SET consecutive_failures = ?, last_delivery_at = ?,
                   status = CASE WHEN ? IS NULL THEN status ELSE 'paused' END,
                   paused_reason = CASE WHEN ? IS NULL THEN paused_reason ELSE ? END,
                   updated_at = CASE WHEN ? IS NULL THEN updated_at ELSE ? END
                 WHERE id = ?`,
              )
              .run(next.failures, a.at, next.pause, next.pause, next.pause, next.pause, a.at, a.webhookId);
          } else {
            this.db.prepare('UPDATE webhooks SET last_delivery_at = ? WHERE id = ?').run(a.at, a.webhookId);
          }
          return webhookFromRow(this.get('SELECT * FROM webhooks WHERE id = ?', a.webhookId) as Row);
        })
        .immediate(),
    );
  }

  listDeliveries(webhookId: string, limit = 50): Promise<DeliveryAttempt[]> {
    return this.run('listDeliveries', () =>
      this.all('SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY seq DESC LIMIT ?', webhookId, limit).map(deliveryFromRow),
    );
  }

  wasDelivered(webhookId: string, deliveryId: string): Promise<boolean> {
    return this.run('wasDelivered', () =>
      this.get('SELECT 1 AS y FROM webhook_deliveries WHERE webhook_id = ? AND delivery_id = ? AND ok = 1 LIMIT 1', webhookId, deliveryId) !== undefined,
    );
  }
}
