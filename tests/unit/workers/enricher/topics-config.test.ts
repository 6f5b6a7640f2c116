import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../../src/errors.js';
import { tagCustomTopics } from '../../../../src/workers/enricher/tag-custom-topics.js';
import { parseTopicsConfig } from '../../../../src/workers/enricher/topics-config.js';
import { REPO_ROOT, SEED_TITLE, seedText } from './seed-story.js';

describe(parseTopicsConfig.name, () => {
  it('parses the shipped config/topics.yaml when it is valid', () => {
    const topics = parseTopicsConfig(readFileSync(resolve(REPO_ROOT, 'config/topics.yaml'), 'utf8'));
    expect(topics.length).toBeGreaterThanOrEqual(3);
    for (const t of topics) {
      expect(t.code).toBe(`custom:${t.id}`);
      expect(t.phrases.length + t.entities.length).toBeGreaterThan(0);
    }
  });

  it('fills defaults and accepts both short and weighted terms', () => {
    const [t] = parseTopicsConfig(`
topics:
  - id: rates
    label: Rates
    phrases: [inflation, { text: central bank, weight: 2 }]
    entities: [{ name: Federal Reserve, weight: 3 }]
`);
    expect(t).toEqual({
      id: 'rates',
      code: 'custom:rates',
      label: 'Rates',
      phrases: [
        { text: 'inflation', weight: 1 },
        { text: 'central bank', weight: 2 },
      ],
      entities: [{ name: 'Federal Reserve', weight: 3 }],
      weight: 1,
      minScore: 0.5,
    });
  });

  it('returns no topics when the file is empty', () => {
    expect(parseTopicsConfig('')).toEqual([]);
  });

  it('throws a permanent config error listing every problem when the config is invalid', () => {
    const yaml = `
topics:
  - id: Bad Id
    label: ''
    phrases: []
  - id: ok
    label: Ok
    phrases: [x]
    minScore: 2
    colour: red
`;
    let err: unknown;
    try {
      parseTopicsConfig(yaml);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(PipelineError);
    const pe = err as PipelineError;
    expect(pe.code).toBe('config');
    expect(pe.retryable).toBe(false);
    expect(pe.message).toMatch(/topics\[0\]\.id|topics\.0\.id/);
    expect(pe.message).toMatch(/minScore/);
    expect(pe.message).toMatch(/colour/);
  });

  it('throws when two topics share an id', () => {
    expect(() => parseTopicsConfig('topics:\n  - {id: a, label: A, phrases: [x]}\n  - {id: a, label: B, phrases: [y]}\n')).toThrow(/duplicate topic id "a"/);
  });

  it('throws a config error when the text is not YAML', () => {
    expect(() => parseTopicsConfig('topics: [unclosed')).toThrow(PipelineError);
  });
});

describe(tagCustomTopics.name, () => {
  const article = { title: SEED_TITLE, text: seedText() };

  it('takes effect when the config text changes', () => {
    const before = parseTopicsConfig('topics:\n  - {id: sport, label: Sport, phrases: [football]}\n');
    expect(tagCustomTopics(article, before)).toEqual([]);
    const after = parseTopicsConfig('topics:\n  - {id: sport, label: Sport, phrases: [football]}\n  - {id: asylum, label: Asylum, phrases: [asylum, refugees]}\n');
    const tagged = tagCustomTopics(article, after);
    expect(tagged.map((t) => t.code)).toEqual(['custom:asylum']);
    expect(tagged[0]?.scheme).toBe('custom');
    expect(tagged[0]?.evidence).toEqual(expect.arrayContaining(['asylum']));
  });

  it('drops a topic when its score is under minScore', () => {
    const strict = parseTopicsConfig('topics:\n  - {id: asylum, label: Asylum, phrases: [asylum], minScore: 0.99}\n');
    expect(tagCustomTopics(article, strict)).toEqual([]);
  });

  it('counts merged entity mentions when entities are given', () => {
    const topics = parseTopicsConfig('topics:\n  - {id: liu, label: Liu, entities: [Liu Jianchao], minScore: 0.45}\n');
    expect(tagCustomTopics(article, topics)).toEqual([]);
    const entities = { people: [{ name: 'Liu Jianchao', mentions: 3, salience: 0.6, offset: 0 }], places: [], organisations: [] };
    expect(tagCustomTopics(article, topics, entities).map((t) => t.code)).toEqual(['custom:liu']);
  });
});
