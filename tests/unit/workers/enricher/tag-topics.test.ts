import { describe, expect, it } from 'vitest';
import { ancestorsOf, MEDIATOPICS, topLevelOf } from '../../../../src/workers/enricher/mediatopics.js';
import { tagTopics } from '../../../../src/workers/enricher/tag-topics.js';
import { TOPIC_LEXICON } from '../../../../src/workers/enricher/topic-lexicon.js';
import { loadHeldOutArticles, loadLabelledArticles } from '../../../fixtures/enrich/load.js';
import { SEED_TITLE, seedText } from './seed-story.js';

describe(tagTopics.name, () => {
  it('tags the seed story with politics, international relations or diplomacy, and refugees', () => {
    const topics = tagTopics({ title: SEED_TITLE, text: seedText() });
    const codes = topics.map((t) => t.code);
    expect(codes).toContain('medtop:11000000');
    expect(codes).toContain('medtop:20000645');
    expect(codes.some((c) => c === 'medtop:20000638' || c === 'medtop:20000639')).toBe(true);
    const refugees = topics.find((t) => t.code === 'medtop:20000645');
    expect(refugees?.label).toBe('refugees and internally displaced people');
    expect(refugees?.evidence).toEqual(expect.arrayContaining(['asylum']));
  });

  it('finds the computing branches (hardware, wireless, consumer electronics) in a technology story', () => {
    const topics = tagTopics({
      title: 'Handset maker adds Wi-Fi and Bluetooth to its new phones',
      text: 'The company said its new mobile phones and laptops run faster processors, and a software update brings a new web browser.',
    });
    const codes = topics.map((t) => t.code);
    expect(codes).toContain('medtop:20000225');
    expect(topics.find((t) => t.code === 'medtop:20000225')?.evidence?.length ?? 0).toBeGreaterThan(2);
  });

  it('returns 1 to 5 topics with scores in 0..1 when there is evidence', () => {
    for (const a of loadLabelledArticles()) {
      const topics = tagTopics(a);
      expect(topics.length).toBeGreaterThanOrEqual(1);
      expect(topics.length).toBeLessThanOrEqual(5);
      for (const t of topics) {
        expect(t.scheme).toBe('medtop');
        expect(t.score).toBeGreaterThan(0);
        expect(t.score).toBeLessThanOrEqual(1);
        expect(MEDIATOPICS.has(t.code)).toBe(true);
      }
    }
  });

  it('returns no topics when the text has no evidence', () => {
    expect(tagTopics({ title: '', text: '' })).toEqual([]);
    expect(tagTopics({ title: 'Lorem', text: 'Lorem ipsum dolor sit amet.' })).toEqual([]);
  });

  it('honours maxTopics', () => {
    expect(tagTopics({ title: SEED_TITLE, text: seedText() }, { maxTopics: 2 })).toHaveLength(2);
  });

  it('puts a gold top level first for at least 85 % of the labelled set', () => {
    const set = loadLabelledArticles();
    const tops = new Set(set.flatMap((a) => a.topTopics));
    expect(set.length).toBeGreaterThanOrEqual(60);
    expect(tops.size).toBeGreaterThanOrEqual(10);
    let ok = 0;
    for (const a of set) {
      const first = tagTopics(a)[0];
      if (first && a.topTopics.includes(topLevelOf(first.code) ?? '')) ok++;
    }
    expect(ok / set.length).toBeGreaterThanOrEqual(0.85);
  });

  it('puts a gold top level first for at least 85 % of the held-out set', () => {
    const set = loadHeldOutArticles();
    const ok = set.filter((a) => {
      const first = tagTopics(a)[0];
      return first !== undefined && a.topTopics.includes(topLevelOf(first.code) ?? '');
    }).length;
    expect(ok / set.length).toBeGreaterThanOrEqual(0.85);
  });

  it('tags deeper topics as descendants of a tagged top level', () => {
    const topics = tagTopics({ title: SEED_TITLE, text: seedText() });
    const tops = new Set(topics.filter((t) => MEDIATOPICS.get(t.code)?.depth === 1).map((t) => t.code));
    for (const t of topics) expect(tops.has(topLevelOf(t.code) ?? '')).toBe(true);
  });
});

describe('TOPIC_LEXICON', () => {
  it('uses only active Media Topic codes', () => {
    const unknown = Object.keys(TOPIC_LEXICON).filter((c) => !MEDIATOPICS.has(`medtop:${c}`));
    expect(unknown).toEqual([]);
  });
});

describe(ancestorsOf.name, () => {
  it('walks from a concept to its top level', () => {
    expect(ancestorsOf('medtop:20000645')).toEqual(['medtop:20000645', 'medtop:20000638', 'medtop:11000000']);
    expect(ancestorsOf('medtop:nope')).toEqual([]);
    expect(MEDIATOPICS.size).toBeGreaterThan(1000);
    expect([...MEDIATOPICS.values()].filter((t) => t.depth === 1)).toHaveLength(17);
  });
});
