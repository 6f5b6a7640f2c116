import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inProjectArticlesDev, readProjectArticles, splitProjectArticles } from '../../../scripts/lib/project-articles.js';
import { TOP_LEVEL_TOPICS } from '../../../src/workers/enricher/mediatopics.js';

describe('scripts/data/project-articles.txt', () => {
  const items = readProjectArticles();

  it('holds long articles in every one of the 17 IPTC top levels', () => {
    const top = new Set(TOP_LEVEL_TOPICS.map((t) => t.code));
    const per = new Map<string, number>();
    for (const r of items) {
      expect(top.has(r.code), r.code).toBe(true);
      per.set(r.code, (per.get(r.code) ?? 0) + 1);
      // Whole articles: several paragraphs, far longer than a headline and a sentence.
      expect(r.text.split(/\s+/).length, r.id).toBeGreaterThanOrEqual(150);
      expect(r.text.split('\n\n').length, r.id).toBeGreaterThanOrEqual(4);
    }
    expect(per.size).toBe(17);
    for (const n of per.values()) expect(n).toBeGreaterThanOrEqual(6);
    expect(items.length).toBeGreaterThanOrEqual(120);
  });

  it('puts about a third in the dev part, by id, the same way on every read', () => {
    const dev = items.filter(inProjectArticlesDev);
    expect(dev.length / items.length).toBeGreaterThan(0.25);
    expect(dev.length / items.length).toBeLessThan(0.4);
    expect(readProjectArticles().filter(inProjectArticlesDev)).toEqual(dev);
    // The split reads the id only: an edited text stays on its side.
    for (const r of dev) expect(inProjectArticlesDev({ id: r.id })).toBe(true);
  });
});

describe(splitProjectArticles.name, () => {
  const items = readProjectArticles();
  const { train, dev } = splitProjectArticles();

  it('puts every article in one part only, by id, and no dev headline or paragraph stands in the training part', () => {
    expect(dev).toEqual(items.filter(inProjectArticlesDev));
    expect(train).toEqual(items.filter((r) => !inProjectArticlesDev(r)));
    expect(dev.length + train.length).toBe(items.length);
    const devLines = new Set(dev.flatMap((r) => [r.title, ...r.text.split('\n\n')].map((l) => l.toLowerCase())));
    for (const r of train) for (const l of [r.title, ...r.text.split('\n\n')]) expect(devLines.has(l.toLowerCase()), r.id).toBe(false);
  });
});

describe(readProjectArticles.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'project-articles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads the headline and the paragraphs after each head line, skipping the leading comments', () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, '# comment\n\n@@ medtop:15000000 sport-1\nTeam wins cup\nThe team won the cup.\n\nFans cheered.\n@@ medtop:17000000 weather-1\nSnow closes roads\n\nSnow fell overnight.\n');
    expect(readProjectArticles(file)).toEqual([
      { id: 'sport-1', code: 'medtop:15000000', title: 'Team wins cup', text: 'The team won the cup.\n\nFans cheered.' },
      { id: 'weather-1', code: 'medtop:17000000', title: 'Snow closes roads', text: 'Snow fell overnight.' },
    ]);
  });

  it('rejects a malformed head, an article without body, a repeated id and text before the first article', () => {
    const file = join(dir, 'b.txt');
    writeFileSync(file, '@@ sport sport-1\nTeam wins\nThe team won.\n');
    expect(() => readProjectArticles(file)).toThrow(/not "@@/);
    writeFileSync(file, '@@ medtop:15000000 sport-1\nTeam wins\n');
    expect(() => readProjectArticles(file)).toThrow(/no headline or no body/);
    writeFileSync(file, '@@ medtop:15000000 sport-1\nTeam wins\nThe team won.\n@@ medtop:15000000 sport-1\nTeam loses\nThe team lost.\n');
    expect(() => readProjectArticles(file)).toThrow(/twice/);
    writeFileSync(file, 'stray text\n@@ medtop:15000000 sport-1\nTeam wins\nThe team won.\n');
    expect(() => readProjectArticles(file)).toThrow(/before the first article/);
  });
});
