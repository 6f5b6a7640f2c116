import { describe, expect, it } from 'vitest';
import { jobIdFor } from '../../../src/queues/producer.js';

describe(jobIdFor.name, () => {
  const item = { feedId: 'wire', url: 'https://news.test/a', title: 'First take' };
  it('gives the same item the same job id', () => {
    expect(jobIdFor({ queue: 'extract', payload: { ...item } })).toBe(jobIdFor({ queue: 'extract', payload: { ...item } }));
  });
  it('gives an updated item a new job id', () => {
    expect(jobIdFor({ queue: 'extract', payload: { ...item, title: 'Second take' } })).not.toBe(jobIdFor({ queue: 'extract', payload: item }));
  });
});
