import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { toNinjs } from '../../../src/ninjs/to-ninjs.js';
import type { ArticleRecord } from '../../../src/store/types.js';
import { enrichArticle } from '../../../src/workers/enricher/enrich-article.js';
import { parseTopicsConfig } from '../../../src/workers/enricher/topics-config.js';
import { extractedArticle, REPO_ROOT } from '../workers/enricher/seed-story.js';

const schemaPath = resolve(REPO_ROOT, 'tests/fixtures/corpora/ninjs-schema/ninjs-schema_3.1.json');
const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ strict: false, allErrors: true });
// ajv-formats ships CommonJS: its default export is the plugin.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv2020) => void;
addFormats(ajv);
// The places' geoJSON property refers to the external GeoJSON schema; Telex never emits it.
ajv.addSchema({ $id: 'https://geojson.org/schema/GeoJSON.json' });
const validate = ajv.compile(schema);

const expectValid = (doc: unknown) => {
  const ok = validate(doc);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
};

const seedRecord = (over: Partial<ArticleRecord> = {}): ArticleRecord => ({ ...enrichArticle(extractedArticle()), ...over });

describe(toNinjs.name, () => {
  it('renders a document valid against ninjs 3.1 when given the enriched seed story', () => {
    const doc = toNinjs(seedRecord());
    expectValid(doc);
    expect(doc.uri).toMatch(/^urn:telex:article:[0-9a-f]{32}$/);
    expect(doc.headlines[0]?.value).toBe("N. Korean Refugees' Asylum Discussed by Beijing, Seoul");
    expect(doc.language).toBe('en');
    expect(doc.firstCreated).toBe('2002-06-11T08:00:00.000Z');
    expect(doc.bodies.map((b) => b.contentType)).toEqual(['text/plain', 'text/html']);
  });

  it('maps IPTC topics to subjects with mediatopic URIs and 0-100 relevance and confidence', () => {
    const doc = toNinjs(seedRecord());
    const refugees = doc.subjects?.find((s) => s.uri === 'http://cv.iptc.org/newscodes/mediatopic/20000645');
    expect(refugees?.name).toBe('refugees and internally displaced people');
    for (const s of doc.subjects ?? []) {
      if (s.rel === 'keyword') continue;
      expect(s.relevance).toBeGreaterThanOrEqual(0);
      expect(s.relevance).toBeLessThanOrEqual(100);
      expect(Number.isInteger(s.confidence)).toBe(true);
    }
  });

  it('lists people, places and organisations when the record has entities', () => {
    const doc = toNinjs(seedRecord());
    expect(doc.people?.map((p) => p.name)).toContain('Liu Jianchao');
    expect(doc.places?.map((p) => p.name)).toContain('Seoul');
    expect(doc.organisations?.map((p) => p.name)).toContain('Chinese Foreign Ministry');
  });

  it('renders newsroom topics as subjects without an IPTC uri', () => {
    const customTopics = parseTopicsConfig('topics:\n  - id: korea\n    label: Korea\n    entities: [North Korea, Seoul]\n');
    const doc = toNinjs({ ...enrichArticle(extractedArticle(), { customTopics }) });
    expectValid(doc);
    const korea = doc.subjects?.find((s) => s.literal === 'custom:korea');
    expect(korea?.name).toBe('Korea');
    expect(korea?.uri).toBeUndefined();
  });

  it('stays valid when optional fields are missing or odd', () => {
    const doc = toNinjs(
      seedRecord({
        publishedAt: null,
        modifiedAt: null,
        language: null,
        byline: null,
        excerpt: null,
        html: '',
        leadImage: 'not a url',
        feed: { id: 'x', title: null, url: 'also not a url' },
        siteName: null,
        topics: [],
        keywords: [],
        entities: { people: [], places: [], organisations: [] },
        duplicateOf: 'abc',
        version: 3,
      }),
    );
    expectValid(doc);
    expect(doc.version).toBe('3');
    expect(doc.versionCreated).toBe('2026-11-28T01:00:00.000Z');
    expect(doc.altIds).toContainEqual({ role: 'duplicate-of', value: 'abc' });
    expect(doc.subjects).toBeUndefined();
  });

  it('carries byline, dateline, summary and lead image when present', () => {
    const doc = toNinjs(
      seedRecord({ byline: 'Jane Doe', dateline: 'BEIJING', excerpt: 'Summary.', leadImage: 'http://127.0.0.1:9/i.jpg', modifiedAt: '2002-06-12T00:00:00Z' }),
    );
    expectValid(doc);
    expect(doc.by).toBe('Jane Doe');
    expect(doc.located).toBe('BEIJING');
    expect(doc.descriptions).toEqual([{ role: 'summary', contentType: 'text/plain', value: 'Summary.' }]);
    expect(doc.associations?.[0]?.renditions[0]?.href).toBe('http://127.0.0.1:9/i.jpg');
    expect(doc.versionCreated).toBe('2002-06-12T00:00:00.000Z');
  });

  it('fails schema validation when a subject relevance is out of range (the validator is live)', () => {
    const doc = toNinjs(seedRecord()) as unknown as { subjects: Array<{ relevance?: number }> };
    const broken = { ...doc, subjects: [{ ...doc.subjects[0], relevance: 150 }] };
    expect(validate(broken)).toBe(false);
  });
});
