/** PostgreSQL side of the AccessStore: API keys, webhook subscriptions and their delivery log. */
import type pg from 'pg';
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

type Query = Pick<pg.PoolClient, 'query'>;

export const POSTGRES_ACCESS_MIGRATION = accessTablesSql('BIGSERIAL PRIMARY KEY', 'BOOLEAN');

const isUniqueViolation = (err: unknown): boolean => (err as { code?: unknown })?.code === '23505';

export class PostgresAccessStore implements AccessStore {
  constructor(
    private readonly pool: pg.Pool,
    /** The owning store's guard: refuses after close and maps driver errors. */
    private readonly run: <T>(what: string, fn: () => Promise<T>) => Promise<T>,
    /** The owning store's transaction helper. */
    private readonly tx: <T>(fn: (c: pg.PoolClient) => Promise<T>) => Promise<T>,
  ) {}

  private async rows(sql: string, values: unknown[] = [], c: Query = this.pool): Promise<Row[]> {
    return (await c.query(sql, values)).rows as Row[];
  }

  createApiKey(key: NewApiKey): Promise<ApiKey> {
    return this.run('createApiKey', async () => {
      try {
        const [row] = await this.rows(
          'INSERT INTO api_keys (id, name, scopes, key_hash, hint, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
          [key.id, key.name, key.scopes.join(','), key.hash, key.hint, key.createdAt],
        );
        return apiKeyFromRow(row as Row);
      } catch (err) {
        if (isUniqueViolation(err)) {
          throw keyNameTaken(key.name);
        }
        throw err;
      }
    });
  }

  findApiKeyByHash(hash: string): Promise<ApiKey | null> {
    return this.run('findApiKeyByHash', async () => {
      const [row] = await this.rows('SELECT * FROM api_keys WHERE key_hash = $1', [hash]);
      return row ? apiKeyFromRow(row) : null;
    });
  }

  listApiKeys(): Promise<ApiKey[]> {
    return this.run('listApiKeys', async () => (await this.rows('SELECT * FROM api_keys ORDER BY created_at, name')).map(apiKeyFromRow));
  }

  revokeApiKey(idOrName: string, at: string): Promise<ApiKey | null> {
    return this.run('revokeApiKey', async () => {
      const [row] = await this.rows(
        `UPDATE api_keys SET revoked_at = COALESCE(revoked_at, $2)
         WHERE id = (SELECT id FROM api_keys WHERE id = $1 OR name = $1 ORDER BY (id = $1) DESC LIMIT 1)
         RETURNING *`,
        [idOrName, at],
      );
      return row ? apiKeyFromRow(row) : null;
    });
  }

  countApiKeys(): Promise<number> {
    return this.run('countApiKeys', async () => Number((await this.rows('SELECT COUNT(*) AS n FROM api_keys'))[0]?.n ?? 0));
  }

  touchApiKey(id: string, at: string): Promise<void> {
    return this.run('touchApiKey', async () => {
      await this.pool.query('UPDATE api_keys SET last_used_at = $2 WHERE id = $1', [id, at]);
    });
  }

  createWebhook(w: NewWebhook): Promise<Webhook> {
    return this.run('createWebhook', async () => {
      const [row] = await this.rows(
        `INSERT INTO webhooks (id, url, events, filter, format, secret, status, consecutive_failures, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, 'active', 0, $7, $7) RETURNING *`,
        [w.id, w.url, w.events.join(','), JSON.stringify(w.filter), w.format, w.secret, w.createdAt],
      );
      return webhookFromRow(row as Row);
    });
  }

  getWebhook(id: string): Promise<Webhook | null> {
    return this.run('getWebhook', async () => {
      const [row] = await this.rows('SELECT * FROM webhooks WHERE id = $1', [id]);
      return row ? webhookFromRow(row) : null;
    });
  }

  listWebhooks(): Promise<Webhook[]> {
    return this.run('listWebhooks', async () => (await this.rows('SELECT * FROM webhooks ORDER BY created_at, id')).map(webhookFromRow));
  }

  removeWebhook(id: string): Promise<boolean> {
    return this.run('removeWebhook', async () => ((await this.pool.query('DELETE FROM webhooks WHERE id = $1', [id])).rowCount ?? 0) > 0);
  }

  setWebhookStatus(id: string, status: Webhook['status'], reason: string | null, at: string): Promise<Webhook | null> {
    return this.run('setWebhookStatus', async () => {
      const [row] =
        status === 'active'
          ? await this.rows(
              `UPDATE webhooks SET status = 'active', paused_reason = NULL, consecutive_failures = 0, updated_at = $2 WHERE id = $1 RETURNING *`,
              [id, at],
            )
          : await this.rows(`UPDATE webhooks SET status = 'paused', paused_reason = $2, updated_at = $3 WHERE id = $1 RETURNING *`, [id, reason, at]);
      return row ? webhookFromRow(row) : null;
    });
  }

  recordDelivery(a: DeliveryAttempt, opts: RecordDeliveryOptions): Promise<Webhook | null> {
    return this.run('recordDelivery', () =>
      this.tx(async (c) => {
        // The row lock orders concurrent attempts of one subscription, so failure counts add up.
        const [row] = await this.rows('SELECT * FROM webhooks WHERE id = $1 FOR UPDATE', [a.webhookId], c);
        if (!row) {
          return null;
        }
        await c.query(
          `INSERT INTO webhook_deliveries (webhook_id, delivery_id, event, article_id, attempt, at, status, ok, duration_ms, error)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [a.webhookId, a.deliveryId, a.event, a.articleId, a.attempt, a.at, a.status, a.ok, Math.round(a.durationMs), a.error],
        );
        await c.query(
          `DELETE FROM webhook_deliveries WHERE webhook_id = $1 AND seq <= (
             SELECT seq FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY seq DESC LIMIT 1 OFFSET $2)`,
          [a.webhookId, opts.keep],
        );
        let updated: Row[];
        if (a.ok) {
          updated = await this.rows(
            'UPDATE webhooks SET consecutive_failures = 0, last_delivery_at = $2, last_success_at = $2 WHERE id = $1 RETURNING *',
            [a.webhookId, a.at],
            c,
          );
        } else if (opts.final) {
          const next = afterFinalFailure(webhookFromRow(row).consecutiveFailures, opts);
          updated = await this.rows(
            `UPDATE webhooks SET consecutive_failures = $2, last_delivery_at = $3,
               status = CASE WHEN $4::text IS NULL THEN status ELSE 'paused' END,
               paused_reason = CASE WHEN $4::text IS NULL THEN paused_reason ELSE $4::text END,
               updated_at = CASE WHEN $4::text IS NULL THEN updated_at ELSE $3 END
             WHERE id = $1 RETURNING *`,
            [a.webhookId, next.failures, a.at, next.pause],
            c,
          );
        } else {
          updated = await this.rows('UPDATE webhooks SET last_delivery_at = $2 WHERE id = $1 RETURNING *', [a.webhookId, a.at], c);
        }
        return updated[0] ? webhookFromRow(updated[0]) : null;
      }),
    );
  }

  listDeliveries(webhookId: string, limit = 50): Promise<DeliveryAttempt[]> {
    return this.run('listDeliveries', async () =>
      (await this.rows('SELECT * FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY seq DESC LIMIT $2', [webhookId, limit])).map(deliveryFromRow),
    );
  }

  wasDelivered(webhookId: string, deliveryId: string): Promise<boolean> {
    return this.run('wasDelivered', async () =>
      (await this.rows('SELECT 1 FROM webhook_deliveries WHERE webhook_id = $1 AND delivery_id = $2 AND ok LIMIT 1', [webhookId, deliveryId])).length > 0,
    );
  }
}
