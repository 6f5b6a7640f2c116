import { describe, expect, it } from 'vitest';
import { articleIdFor, contentHashOf } from '../../../../src/lib/ids.js';
import { enrichArticle } from '../../../../src/workers/enricher/enrich-article.js';
import { parseTopicsConfig } from '../../../../src/workers/enricher/topics-config.js';
import { extractedArticle, SEED_TITLE, seedText } from './seed-story.js';

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

  it('is deterministic when run twice on the same input', () => {
    expect(enrichArticle(extractedArticle())).toEqual(record);
  });
});
