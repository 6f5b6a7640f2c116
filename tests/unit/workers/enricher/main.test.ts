import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../../src/logger.js';
import { enrichArticle } from '../../../../src/workers/enricher/enrich-article.js';
import { watchTopics } from '../../../../src/workers/enricher/main.js';
import type { ExtractedArticle } from '../../../../src/queues/contracts.js';

const article: ExtractedArticle = {
  feedId: 'f',
  url: 'https://news.test/harbour',
  canonicalUrl: 'https://news.test/harbour',
  title: 'Harbour tunnel opens to traffic',
  byline: null,
  dateline: null,
  publishedAt: '2026-01-01T00:00:00Z',
  modifiedAt: null,
  fetchedAt: '2026-01-01T00:00:00Z',
  siteName: null,
  language: 'en',
  excerpt: null,
  leadImage: null,
  text: 'The harbour tunnel opened to traffic on Monday. Drivers queued at the harbour tunnel entrance before dawn.\n\nThe harbour tunnel cost four years of work.',
  html: '<p>x</p>',
  wordCount: 30,
  extraction: { method: 'readability', warnings: [] },
};

const topicsYaml = (phrase: string) => `topics:\n  - id: local-transport\n    label: Local transport\n    phrases:\n      - { text: ${phrase}, weight: 3 }\n    minScore: 0.3\n`;

let dir: string;
let path: string;
const customCodes = (opts: ReturnType<ReturnType<typeof watchTopics>>) =>
  enrichArticle(article, opts)
    .topics.filter((t) => t.scheme === 'custom')
    .map((t) => t.code);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'telex-topics-'));
  path = join(dir, 'topics.yaml');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the file and moves its mtime forward, as a later save would. */
function save(text: string, secondsLater: number) {
  writeFileSync(path, text);
  const t = new Date(Date.now() + secondsLater * 1000);
  utimesSync(path, t, t);
}

describe(watchTopics.name, () => {
  it('applies an edit of the topics file without a restart', () => {
    save(topicsYaml('airport'), 1);
    const options = watchTopics(path, silentLogger());
    expect(customCodes(options())).not.toContain('custom:local-transport');
    save(topicsYaml('harbour tunnel'), 2);
    expect(customCodes(options())).toContain('custom:local-transport');
  });

  it('keeps the last good topics when an edit is invalid', () => {
    save(topicsYaml('harbour tunnel'), 1);
    const options = watchTopics(path, silentLogger());
    expect(customCodes(options())).toContain('custom:local-transport');
    save('topics:\n  - label: no id here\n', 2);
    expect(customCodes(options())).toContain('custom:local-transport');
  });

  it('has no custom topics when the file is missing', () => {
    const options = watchTopics(join(dir, 'missing.yaml'), silentLogger());
    expect(customCodes(options())).toEqual([]);
  });
});
