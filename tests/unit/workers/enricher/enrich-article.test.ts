import { describe, expect, it } from 'vitest';
import { articleIdFor, contentHashOf } from '../../../../src/lib/ids.js';
import { enrichArticle } from '../../../../src/workers/enricher/enrich-article.js';
import { parseTopicsConfig } from '../../../../src/workers/enricher/topics-config.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { extractedArticle, REPO_ROOT, SEED_TITLE, seedText } from './seed-story.js';

const names = (list: Array<{ name: string }>) => list.map((e) => e.name);

describe(enrichArticle.name, () => {
  const record = enrichArticle(extractedArticle());

  it('derives id, hash, version and cluster from the canonical url and content when enriching the seed story', () => {
    expect(record.id).toBe(articleIdFor('http://127.0.0.1:9/a/refugees'));
    expect(record.contentHash).toBe(contentHashOf({ title: SEED_TITLE, text: seedText() }));
    expect(record.version).toBe(1);
    expect(record.clusterId).toBe(record.id);
    expect(record.duplicateOf).toBeNull();
    expect(record.feed).toEqual({ id: 'voa', title: 'VOA News', url: 'http://127.0.0.1:9/feed.xml' });
    expect(record.language).toBe('en');
  });

  it('tags refugees and diplomacy / international relations when enriching the seed story', () => {
    const codes = record.topics.map((t) => t.code);
    expect(codes).toContain('medtop:20000645');
    expect(codes.some((c) => c === 'medtop:20000638' || c === 'medtop:20000639')).toBe(true);
    expect(codes).toContain('medtop:11000000');
    const medtop = record.topics.filter((t) => t.scheme === 'medtop');
    expect(medtop.length).toBeGreaterThanOrEqual(1);
    expect(medtop.length).toBeLessThanOrEqual(5);
    for (const t of record.topics) {
      expect(t.score).toBeGreaterThan(0);
      expect(t.score).toBeLessThanOrEqual(1);
      expect(t.evidence?.length).toBeGreaterThan(0);
    }
  });

  it('finds the seed story people, places and organisations when enriching it', () => {
    expect(names(record.entities.places)).toEqual(
      expect.arrayContaining(['Beijing', 'Seoul', 'China', 'South Korea', 'North Korea', 'Canada']),
    );
    expect(names(record.entities.people)).toContain('Liu Jianchao');
    expect(names(record.entities.organisations)).toContain('Chinese Foreign Ministry');
    const liu = record.entities.people.find((p) => p.name === 'Liu Jianchao');
    expect(liu?.mentions).toBe(3);
  });

  it('returns 5 to 10 keywords when enriching the seed story', () => {
    expect(record.keywords.length).toBeGreaterThanOrEqual(5);
    expect(record.keywords.length).toBeLessThanOrEqual(10);
    expect(record.keywords.map((k) => k.toLowerCase())).toContain('refugees');
  });

  it('keeps the extracted dateline when the extractor found one', () => {
    expect(enrichArticle(extractedArticle({ dateline: 'BEIJING' })).dateline).toBe('BEIJING');
  });

  it('parses the dateline from the lead when the extractor found none', () => {
    const r = enrichArticle(extractedArticle({ text: `SEOUL, June 11 (Wire) - ${seedText()}` }));
    expect(r.dateline).toBe('SEOUL, June 11 (Wire)');
    expect(record.dateline).toBeNull();
  });

  it('adds newsroom topics when custom topics match', () => {
    const customTopics = parseTopicsConfig(`
topics:
  - id: korean-peninsula
    label: Korean peninsula
    phrases: [north korean]
    entities: [North Korea, Pyongyang]
`);
    const r = enrichArticle(extractedArticle(), { customTopics });
    const custom = r.topics.filter((t) => t.scheme === 'custom');
    expect(custom.map((t) => t.code)).toEqual(['custom:korean-peninsula']);
    expect(record.topics.some((t) => t.scheme === 'custom')).toBe(false);
  });

  it('applies an edited topics file when it is parsed again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'telex-topics-'));
    try {
      const file = join(dir, 'topics.yaml');
      writeFileSync(file, readFileSync(resolve(REPO_ROOT, 'config/topics.yaml'), 'utf8'));
      const before = enrichArticle(extractedArticle(), { customTopics: parseTopicsConfig(readFileSync(file, 'utf8')) });
      expect(before.topics.some((t) => t.code === 'custom:seed-watch')).toBe(false);
      writeFileSync(file, `${readFileSync(file, 'utf8')}\n  - id: seed-watch\n    label: Seed watch\n    entities: [Liu Jianchao]\n    phrases: [barbed-wire fences]\n`);
      const after = enrichArticle(extractedArticle(), { customTopics: parseTopicsConfig(readFileSync(file, 'utf8')) });
      expect(after.topics.find((t) => t.code === 'custom:seed-watch')).toMatchObject({ label: 'Seed watch', scheme: 'custom' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('tags the shipped newsroom topics that fit the seed story', () => {
    const customTopics = parseTopicsConfig(readFileSync(resolve(REPO_ROOT, 'config/topics.yaml'), 'utf8'));
    const codes = enrichArticle(extractedArticle(), { customTopics }).topics.filter((t) => t.scheme === 'custom').map((t) => t.code);
    expect(codes).toEqual(expect.arrayContaining(['custom:korean-peninsula', 'custom:asylum-and-migration']));
    expect(codes).not.toContain('custom:central-banks');
  });

  it('limits the English taggers when the text is in another language', () => {
    const r = enrichArticle(
      extractedArticle({
        title: 'Regierung erhöht Steuern',
        text: 'Die Bundesregierung in Berlin hat am Dienstag angekündigt, die Steuern für große Unternehmen zu erhöhen. Finanzminister Christian Lindner sagte, die Einnahmen sollen neue Krankenhäuser finanzieren.',
        language: 'de',
      }),
    );
    expect(r.language).toBe('de');
    expect(r.topics).toEqual([]);
    expect(r.entities.places.map((p) => p.name)).toEqual(['Berlin']);
    expect(r.entities.people).toEqual([]);
  });

  it('enriches an empty article without failing', () => {
    const r = enrichArticle(extractedArticle({ title: '', text: '', html: '', wordCount: 0, language: null }));
    expect(r.topics).toEqual([]);
    expect(r.keywords).toEqual([]);
    expect(r.language).toBeNull();
  });

  it('is deterministic when run twice on the same input', () => {
    expect(enrichArticle(extractedArticle())).toEqual(record);
  });
});
