import { describe, expect, it } from 'vitest';
import { assertClusterPrefix, isClusterUrl, parseClusterUrl } from '../../../src/queues/connection.js';

describe(parseClusterUrl.name, () => {
  it('reads the seed node, extra seeds, credentials and TLS from a cluster URL', () => {
    expect(parseClusterUrl('rediss+cluster://user:p%40ss@10.0.0.1:7000?seeds=10.0.0.2:7001,[::1]:7002')).toEqual({
      nodes: [
        { host: '10.0.0.1', port: 7000 },
        { host: '10.0.0.2', port: 7001 },
        { host: '::1', port: 7002 },
      ],
      redisOptions: { username: 'user', password: 'p@ss', tls: {} },
    });
  });

  it('defaults the port to 6379 and adds no options when the URL has none', () => {
    expect(parseClusterUrl('redis+cluster://redis.internal')).toEqual({ nodes: [{ host: 'redis.internal', port: 6379 }], redisOptions: {} });
  });
});

describe(assertClusterPrefix.name, () => {
  it('refuses an untagged prefix only on a cluster URL', () => {
    expect(isClusterUrl('redis+cluster://127.0.0.1:7000')).toBe(true);
    expect(isClusterUrl('redis://127.0.0.1:6379')).toBe(false);
    expect(() => assertClusterPrefix('redis+cluster://127.0.0.1:7000', 'telex')).toThrow(/hash tag/);
    expect(() => assertClusterPrefix('redis+cluster://127.0.0.1:7000', '{telex}')).not.toThrow();
    expect(() => assertClusterPrefix('redis+cluster://127.0.0.1:7000', '{telex}-once-abc')).not.toThrow();
    expect(() => assertClusterPrefix('redis://127.0.0.1:6379', 'telex')).not.toThrow();
  });
});
