import { describe, expect, it } from 'vitest';
import { withTimeout } from '../../../src/lib/with-timeout.js';

describe('withTimeout', () => {
  it('gives the promise its value when it settles in time', async () => {
    await expect(withTimeout(Promise.resolve(7), 1_000, 'read')).resolves.toBe(7);
  });

  it('passes the promise its own rejection when that comes first', async () => {
    await expect(withTimeout(Promise.reject(new Error('refused')), 1_000, 'read')).rejects.toThrow('refused');
  });

  it('rejects with what timed out and after how long when the promise hangs', async () => {
    const hang = new Promise<number>(() => {});
    await expect(withTimeout(hang, 20, 'queue fetch')).rejects.toThrow('queue fetch timed out after 20 ms');
  });

  it('leaves no timer behind once the promise has settled', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    await withTimeout(Promise.resolve('ok'), 60_000, 'read');
    const after = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    expect(after).toBe(before);
  });
});
