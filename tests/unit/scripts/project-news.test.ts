import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inProjectNewsDev, PROJECT_SHORT_NEWS_FILE, PROJECT_TECH_NEWS_FILE, PROJECT_WIRE_BRIEFS_FILE, readProjectNews, splitProjectNews } from '../../../scripts/lib/project-news.js';
import { TOP_LEVEL_TOPICS } from '../../../src/workers/enricher/mediatopics.js';

/** A news item's words of four letters or more, and the overlap (Jaccard) of two such sets: how close two items' wordings are. */
const words = (r: { title: string; text: string }) => new Set(`${r.title} ${r.text}`.toLowerCase().match(/[a-z0-9]{4,}/g) ?? []);
const overlap = (a: Set<string>, b: Set<string>) => {
  let n = 0;
  for (const w of a) if (b.has(w)) n++;
  return n / (a.size + b.size - n);
};
/** Every item in one of the IPTC top levels, a headline and one or two sentences (45 words at most); at least `min` of them. */
function expectShortTopLevelNews(items: ReturnType<typeof readProjectNews>, min: number): void {
  const top = new Set(TOP_LEVEL_TOPICS.map((t) => t.code));
  expect(items.length).toBeGreaterThanOrEqual(min);
  for (const r of items) {
    expect(top.has(r.code), r.code).toBe(true);
    expect(r.text.split(/\s+/).length, r.title).toBeLessThanOrEqual(45);
  }
}
/** No item repeats a headline or a text of `others`, nor is a near copy of an item of `near` (word overlap, Jaccard over words of four letters or more, 0.3 or more). */
function expectApart(items: ReturnType<typeof readProjectNews>, others: ReturnType<typeof readProjectNews>, near: ReturnType<typeof readProjectNews>): void {
  const titles = new Set(others.map((r) => r.title.toLowerCase()));
  const texts = new Set(others.map((r) => r.text.toLowerCase()));
  const nearWords = near.map(words);
  for (const r of items) {
    expect(titles.has(r.title.toLowerCase()), r.title).toBe(false);
    expect(texts.has(r.text.toLowerCase()), r.title).toBe(false);
    const w = words(r);
    for (const d of nearWords) expect(overlap(w, d), r.title).toBeLessThan(0.3);
  }
}

describe('scripts/data/project-news.tsv', () => {
  const items = readProjectNews();

  it('holds 40 short news items for each of the 17 IPTC top levels', () => {
    const top = new Set(TOP_LEVEL_TOPICS.map((t) => t.code));
    const per = new Map<string, number>();
    for (const r of items) {
      expect(top.has(r.code), r.code).toBe(true);
      per.set(r.code, (per.get(r.code) ?? 0) + 1);
      // Short: a headline and one or two sentences.
      expect(r.text.split(/\s+/).length, r.title).toBeLessThanOrEqual(45);
    }
    expect(per.size).toBe(17);
    for (const n of per.values()) expect(n).toBe(40);
  });

  it('puts about a third in the dev part, the same way on every read', () => {
    const dev = items.filter(inProjectNewsDev);
    expect(dev.length / items.length).toBeGreaterThan(0.28);
    expect(dev.length / items.length).toBeLessThan(0.38);
    expect(readProjectNews().filter(inProjectNewsDev)).toEqual(dev);
  });
});

describe('scripts/data/project-tech-news.tsv', () => {
  const items = readProjectNews(PROJECT_TECH_NEWS_FILE);

  it('holds short technology news, all science and technology under the technology convention', () => {
    expect(items.length).toBeGreaterThanOrEqual(90);
    for (const r of items) {
      expect(r.code, r.title).toBe('medtop:13000000');
      expect(r.text.split(/\s+/).length, r.title).toBeLessThanOrEqual(45);
    }
  });

  it('shares no headline or text with project-news.tsv, whose dev third it must not leak into training', () => {
    expectApart(items, readProjectNews(), []);
  });
});

describe('scripts/data/project-short-news.tsv', () => {
  const items = readProjectNews(PROJECT_SHORT_NEWS_FILE);

  it('holds short news of IPTC top levels, a headline and one sentence each', () => {
    expectShortTopLevelNews(items, 200);
  });

  it('shares no headline or text with the other project news sets and stays away from the dev third in wording', () => {
    expectApart(items, [...readProjectNews(), ...readProjectNews(PROJECT_TECH_NEWS_FILE)], readProjectNews().filter(inProjectNewsDev));
  });
});

describe('scripts/data/project-wire-briefs.tsv', () => {
  const items = readProjectNews(PROJECT_WIRE_BRIEFS_FILE);

  it('holds short news of IPTC top levels, a headline and one sentence each', () => {
    expectShortTopLevelNews(items, 300);
  });

  it('shares no headline or text with the other project news sets and stays away from project-news.tsv in wording', () => {
    const news = readProjectNews();
    expectApart(items, [...news, ...readProjectNews(PROJECT_TECH_NEWS_FILE), ...readProjectNews(PROJECT_SHORT_NEWS_FILE)], news);
  });
});

describe(splitProjectNews.name, () => {
  const items = readProjectNews();
  const { train, dev } = splitProjectNews();
  const key = (r: { title: string; text: string }) => `${r.title}\t${r.text}`;

  it('puts every item in one part only, the dev third being the items inProjectNewsDev picks, in file order', () => {
    expect(dev).toEqual(items.filter(inProjectNewsDev));
    expect(train).toEqual(items.filter((r) => !inProjectNewsDev(r)));
    const devKeys = new Set(dev.map(key));
    for (const r of train) expect(devKeys.has(key(r)), r.title).toBe(false);
    const devTexts = new Set(dev.map((r) => r.text.toLowerCase()));
    for (const r of train) expect(devTexts.has(r.text.toLowerCase()), r.title).toBe(false);
  });
});

describe(readProjectNews.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'project-news-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('skips comments and blank lines and rejects malformed or repeated lines', () => {
    const file = join(dir, 'a.tsv');
    writeFileSync(file, '# comment\n\nmedtop:15000000\tTeam wins\tThe team won the cup.\n');
    expect(readProjectNews(file)).toEqual([{ code: 'medtop:15000000', title: 'Team wins', text: 'The team won the cup.' }]);
    writeFileSync(file, 'sport\tTeam wins\tThe team won the cup.\n');
    expect(() => readProjectNews(file)).toThrow(/not "code/);
    writeFileSync(file, 'medtop:15000000\tTeam wins\tThe team won.\nmedtop:15000000\tTeam wins\tThe team won.\n');
    expect(() => readProjectNews(file)).toThrow(/twice/);
  });
});
