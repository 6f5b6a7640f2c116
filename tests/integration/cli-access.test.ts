/** `telex keys` and `telex webhooks`, run as the compiled command against a SQLite file the API then reads. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiServer } from '../../src/api/server.js';
import { silentLogger } from '../../src/logger.js';
import { openStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'telex-cli-access-'));
const env = { DATABASE_URL: join(dir, 'telex.db'), TELEX_CONFIG: join(import.meta.dirname, '../../config/feeds.yaml') };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('telex keys', () => {
  it('creates a key shown once, lists it without the token, and revokes it; the API follows', async () => {
    const added = await runCli(['keys', 'add', 'cms', '--scope', 'read', '--scope', 'metrics'], env);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const token = added.stdout.split('\n')[1] ?? '';
    expect(token).toMatch(/^telex_[A-Za-z0-9_-]{43}$/);
    expect(added.stdout).toContain('not shown again');

    const list = await runCli(['keys', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^NAME\s+SCOPES/);
    expect(list.stdout).toContain('cms');
    expect(list.stdout).toContain('read,metrics');
    expect(list.stdout).not.toContain(token);

    const store = await openStore(env.DATABASE_URL);
    const app = await createApiServer({ store, log: silentLogger(), accessCacheMs: 0 });
    try {
      const get = (url: string, key?: string) => app.inject({ url, headers: key ? { authorization: `Bearer ${key}` } : {} });
      expect((await get('/articles')).statusCode).toBe(401);
      expect((await get('/articles', token)).statusCode).toBe(200);
      expect((await get('/metrics', token)).statusCode).toBe(200);
      expect((await get('/webhooks', token)).statusCode).toBe(403);
      const revoked = await runCli(['keys', 'revoke', 'cms'], env);
      expect(revoked.code).toBe(0);
      expect(revoked.stdout).toMatch(/^revoked key cms/);
      expect((await get('/articles', token)).statusCode).toBe(401);
    } finally {
      await app.close();
      await store.close();
    }
    expect((await runCli(['keys', 'revoke', 'nobody'], env)).code).toBe(1);
    const bad = await runCli(['keys', 'add', 'x', '--scope', 'root'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('unknown scope root');
    expect((await runCli(['keys', 'add', 'cms', '--scope', 'read'], env)).stderr).toContain('exists already');
  });
});

describe('telex webhooks', () => {
  it('adds, lists, resumes, shows deliveries of and removes a subscription', async () => {
    const added = await runCli(['webhooks', 'add', 'http://127.0.0.1:9/hook', '--event', 'created', '--lang', 'en', '--category', 'World', '--format', 'ninjs'], env);
    expect(added.stderr).toBe('');
    expect(added.code).toBe(0);
    const id = /created webhook (\S+) -> http:\/\/127\.0\.0\.1:9\/hook \(created, ninjs\)/.exec(added.stdout)?.[1] ?? '';
    const secret = /secret: (\S+)/.exec(added.stdout)?.[1] ?? '';
    expect(secret.length).toBeGreaterThanOrEqual(32);

    const list = await runCli(['webhooks', 'list'], env);
    expect(list.stdout).toContain(id);
    expect(list.stdout).toContain('lang=en category=World');
    expect(list.stdout).not.toContain(secret);

    const store = await openStore(env.DATABASE_URL);
    await store.access.setWebhookStatus(id, 'paused', 'the receiver answered 410 Gone', new Date().toISOString());
    await store.close();
    expect((await runCli(['webhooks', 'list'], env)).stdout).toContain('paused (the receiver answered 410 Gone)');
    expect((await runCli(['webhooks', 'resume', id], env)).stdout).toBe(`resumed webhook ${id}\n`);
    expect((await runCli(['webhooks', 'list'], env)).stdout).toMatch(new RegExp(`${id}\\s+active`));
    expect((await runCli(['webhooks', 'deliveries', id], env)).stdout).toBe('no delivery attempted yet\n');

    const invalid = await runCli(['webhooks', 'add', 'ftp://127.0.0.1/x'], env);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('invalid webhook');
    expect((await runCli(['webhooks', 'remove', id], env)).stdout).toBe(`removed webhook ${id}\n`);
    expect((await runCli(['webhooks', 'remove', id], env)).code).toBe(1);
  });
});
