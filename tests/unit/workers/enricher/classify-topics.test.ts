import { describe, expect, it } from 'vitest';
import {
  classifyTopics,
  classifyTopLevel,
  classScores,
  firstInOrder,
  isTechCode,
  packTopicModel,
  softmax,
  textScores,
  topicFeatures,
  topicModel,
  unpackTopicModel,
  verbFormsOf,
} from '../../../../src/workers/enricher/classify-topics.js';
import { decodePack, encodePack } from '../../../../src/workers/enricher/model-pack.js';
import { MEDIATOPICS, topLevelOf } from '../../../../src/workers/enricher/mediatopics.js';
import { SEED_TITLE, seedText } from './seed-story.js';

// A two-class model written by hand: "goal" means sport, "shares" means economy.
const TINY = {
  classes: ['medtop:04000000', 'medtop:15000000'],
  features: new Map([
    ['goal', 0],
    ['shares', 2],
    ['late goal', 4],
  ]),
  weights: Float32Array.from([-1, 3, 3, -1, 0, 1]),
  bias: Float32Array.from([0, 0]),
  temperature: 1,
};

describe(topicFeatures.name, () => {
  it('keeps stemmed content words and adjacent pairs, L2-normalized, title counted twice', () => {
    const f = topicFeatures({ title: 'Late goal', text: 'A late goal won the cup.' });
    expect([...f.keys()].sort()).toEqual(['cup', 'goal', 'goal won', 'late', 'late goal', 'won']);
    const norm = Math.sqrt([...f.values()].reduce((a, v) => a + v * v, 0));
    expect(norm).toBeCloseTo(1, 6);
    expect(f.get('goal')).toBeGreaterThan(f.get('cup') as number);
  });

  it('scales the words’ and pairs’ values by sqrt(L / n) for a text of n > bagLength L content words, and leaves shorter texts and the rules’ features as they are', () => {
    // No title: its weight grows past L too (the test below).
    const article = { title: '', text: 'Goal for the striker, keeper and crowd at the cup final.' };
    const ruleTopics = [{ code: 'medtop:15000000', score: 0.7 }];
    const plain = topicFeatures(article, { ruleTopics });
    const n = 6; // goal, striker, keeper, crowd, cup, final
    expect(topicFeatures(article, { ruleTopics, bagLength: n - 1 })).not.toEqual(plain);
    expect(topicFeatures(article, { ruleTopics, bagLength: n })).toEqual(plain);
    const scaled = topicFeatures(article, { ruleTopics, bagLength: 3 });
    expect([...scaled.keys()]).toEqual([...plain.keys()]);
    for (const [k, v] of plain) {
      if (k.startsWith('rule:')) expect(scaled.get(k)).toBe(v);
      else expect(scaled.get(k)).toBeCloseTo(v * Math.sqrt(3 / n), 9);
    }
  });

  it('weighs the title by n / L past bagLength L content words, so that a long text’s headline keeps the share of the bag it has at L words', () => {
    const article = { title: 'Goal', text: 'Striker, keeper and crowd at the cup final.' }; // 6 content words, "cup" once in the body
    const titleToBody = (bagLength: number) => {
      const f = topicFeatures(article, { bagLength });
      return (f.get('goal') as number) / (f.get('cup') as number);
    };
    expect(titleToBody(6)).toBeCloseTo(Math.log1p(2) / Math.log1p(1), 9);
    expect(titleToBody(3)).toBeCloseTo(Math.log1p(4) / Math.log1p(1), 9);
  });

  it('gives a text of at most shortCopy S content words copies of its single words (s:), faded out by 2S, and none to longer texts', () => {
    const article = { title: 'Goal', text: 'Striker, keeper and crowd at the cup final.' }; // 6 content words
    const plain = topicFeatures(article);
    const copied = topicFeatures(article, { shortCopy: 6 });
    for (const [k, v] of plain) {
      expect(copied.get(k)).toBe(v);
      if (!k.includes(' ')) expect(copied.get(`s:${k}`)).toBeCloseTo(v, 12);
      else expect(copied.has(`s:${k}`)).toBe(false);
    }
    expect(topicFeatures(article, { shortCopy: 4 }).get('s:goal')).toBeCloseTo((plain.get('goal') as number) * 0.5, 12);
    expect([...topicFeatures(article, { shortCopy: 3 }).keys()]).toEqual([...plain.keys()]);
  });

  it('takes the number of content words that weighs the title past bagLength from the text vector it is given, which counts the same words', () => {
    const article = { title: 'Goal', text: 'Striker, keeper and crowd at the cup final.' }; // 6 content words, "cup" once in the body
    const titleToBody = (f: Map<string, number>) => (f.get('goal') as number) / (f.get('cup') as number);
    expect(titleToBody(topicFeatures(article, { bagLength: 3 }))).toBeCloseTo(Math.log1p(4) / Math.log1p(1), 9);
    // A text vector counting 12 (as no text vector of these words does) shows where the count is read.
    expect(titleToBody(topicFeatures(article, { bagLength: 3, textVector: { mean: Float64Array.from([1]), n: 12 } }))).toBeCloseTo(Math.log1p(8) / Math.log1p(1), 9);
    // A text vector without a mean (no word with a vector) has no count: the words are counted.
    expect(topicFeatures(article, { bagLength: 3, textVector: { mean: null, n: 0 } })).toEqual(topicFeatures(article, { bagLength: 3 }));
  });

  it('adds the rules’ top-level scores as features of their own', () => {
    const f = topicFeatures({ title: '', text: 'goal' }, { ruleTopics: [{ code: 'medtop:15000000', score: 0.7 }, { code: 'medtop:20000822', score: 0.5 }] });
    expect(f.get('rule:medtop:15000000')).toBe(0.7);
    expect(f.has('rule:medtop:20000822')).toBe(false);
  });
});

describe(isTechCode.name, () => {
  it('places the computing / IT and consumer electronics branches (and only them) under the technology convention', () => {
    expect(isTechCode('medtop:20000225')).toBe(true);
    expect(isTechCode('medtop:20000231')).toBe(true); // software, under computing
    expect(isTechCode('medtop:20001258')).toBe(true);
    expect(isTechCode('medtop:04000000')).toBe(false);
    expect(isTechCode('medtop:20000344')).toBe(false); // economy, a sibling branch
    expect(isTechCode('medtop:nonsense')).toBe(false);
  });

  it('turns the rules’ findings in those branches into one feature of their own, at their best score', () => {
    const f = topicFeatures({ title: '', text: 'chip' }, { ruleTopics: [{ code: 'medtop:04000000', score: 0.8 }, { code: 'medtop:20000230', score: 0.4 }, { code: 'medtop:20000231', score: 0.6 }] });
    expect(f.get('rule:tech')).toBe(0.6);
    expect(f.get('rule:medtop:04000000')).toBe(0.8);
    expect(f.has('rule:medtop:20000230')).toBe(false);
  });
});

describe(softmax.name, () => {
  it('gives probabilities that sum to one and flatten with a higher temperature', () => {
    const p = softmax([2, 0]);
    expect(p[0] as number + (p[1] as number)).toBeCloseTo(1, 9);
    expect(softmax([2, 0], 4)[0]).toBeLessThan(p[0] as number);
  });
});

describe(classifyTopLevel.name, () => {
  it('ranks classes by probability and gives the terms that weigh most when using a hand-made model', () => {
    const [best, second] = classifyTopLevel({ title: 'Late goal', text: 'A late goal in the final minute.' }, { model: TINY });
    expect(best?.code).toBe('medtop:15000000');
    expect(best?.evidence).toEqual(['goal', 'late goal']);
    expect((best?.score ?? 0) + (second?.score ?? 0)).toBeCloseTo(1, 6);
  });

  it('returns nothing when no word is known to the model', () => {
    expect(classifyTopLevel({ title: '', text: 'Lorem ipsum dolor.' }, { model: TINY })).toEqual([]);
  });

  it('reads a word it has no weights for as the forms of its verb it has, with the text’s word as evidence', () => {
    // "arrest" and "arresting" mean crime (second class), "voted" politics; "arrested" and "votes" are unknown.
    const model = { ...TINY, classes: ['medtop:11000000', 'medtop:16000000'], features: new Map([['arrest', 0], ['arresting', 2], ['voted', 4]]), weights: Float32Array.from([-1, 2, -1, 2, 2, -1]) };
    const [crime] = classifyTopLevel({ title: '', text: 'Two men arrested.' }, { model });
    expect(crime?.code).toBe('medtop:16000000');
    expect(crime?.evidence).toEqual(['arrested']);
    expect(classifyTopLevel({ title: '', text: 'She votes.' }, { model })[0]?.code).toBe('medtop:11000000');
    // Its value is shared among the forms: here both weigh alike, so it scores as "arrest" itself does.
    expect(crime?.score).toBeCloseTo(classifyTopLevel({ title: '', text: 'Two men arrest.' }, { model })[0]?.score ?? 0, 6);
    // Past 28 distinct content words the text's known words decide: an unknown word stays unknown.
    const filler = Array.from({ length: 28 }, (_, i) => `filler${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ');
    expect(classifyTopLevel({ title: '', text: `Two men arrested. ${filler}.` }, { model })).toEqual([]);
  });
});

describe(classScores.name, () => {
  it('reads a long text\'s words past the 29th only for their weights, not to count them', () => {
    // 40 single words: past 28 a text is long (no verb forms for unknown words), whatever their number beyond.
    const values = new Map<string, number>([['goal', 1], ...Array.from({ length: 39 }, (_, i): [string, number] => [`word${i}`, 0.1])]);
    const counted = new (class extends Map<string, number> {
      override keys(): MapIterator<string> {
        const all = [...super.keys()];
        return (function* () {
          for (const [i, k] of all.entries()) {
            if (i >= 30) throw new Error('counted past the 29th word');
            yield k;
          }
        })() as MapIterator<string>;
      }
    })(values);
    expect([...classScores(TINY, counted)]).toEqual([...classScores(TINY, values)]);
  });
});

describe(firstInOrder.name, () => {
  it('gives the first k items as a full sort would, ties in the items\' order', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const byValue = (a: [string, number], b: [string, number]) => b[1] - a[1];
    for (let round = 0; round < 50; round++) {
      const items = Array.from({ length: Math.floor(random() * 40) }, (_, i): [string, number] => [`t${i}`, Math.floor(random() * 6)]);
      for (const k of [0, 1, 5, 60]) expect(firstInOrder(items, k, byValue)).toEqual([...items].sort(byValue).slice(0, k));
    }
  });
});

describe(verbFormsOf.name, () => {
  it('gives the stem and its -ed and -ing forms, as Porter’s step 1b stems them, and nothing for short or non-ASCII words', () => {
    const forms: Record<string, string[]> = {
      arrested: ['arrest', 'arreste', 'arresting'],
      arrest: ['arrested', 'arresting'],
      sliding: ['slide', 'slided'],
      hoping: ['hope', 'hoped'],
      stopped: ['stop', 'stopping'],
      plan: ['planned', 'planning'],
      agreed: ['agree', 'agreeing'],
      dislodged: ['dislodg', 'dislodge', 'dislodging'],
      red: [],
      café: [],
      'e-mailed': [],
    };
    expect(Object.fromEntries(Object.keys(forms).map((w) => [w, verbFormsOf(w)]))).toEqual(forms);
  });
});

describe(packTopicModel.name, () => {
  it('round-trips a model through its pack, dropping weights under minWeight and features left with none', () => {
    const model = { ...TINY, features: new Map([...TINY.features, ['faint', 6]]), weights: Float32Array.from([...TINY.weights, 0.004, -0.001]), temperature: 1.25 };
    const back = unpackTopicModel(decodePack(packTopicModel(model, { minWeight: 0.01, decimals: 2 })));
    expect(back.classes).toEqual(TINY.classes);
    expect(back.features.size).toBe(3);
    expect(back.features.get('faint')).toBeUndefined();
    const at = back.features.get('late goal') as number;
    expect([...back.weights.subarray(at, at + 2)]).toEqual([0, 1]);
    expect(back.temperature).toBe(1.25);
    expect(classifyTopLevel({ title: 'Late goal', text: 'shares' }, { model: back })).toEqual(classifyTopLevel({ title: 'Late goal', text: 'shares' }, { model: { ...TINY, temperature: 1.25 } }));
  });

  it('keeps the bag length through its pack, and long texts read less sure with it', () => {
    const back = unpackTopicModel(decodePack(packTopicModel({ ...TINY, bagLength: 2 }, { minWeight: 0.01, decimals: 2 })));
    expect(back.bagLength).toBe(2);
    expect(unpackTopicModel(decodePack(packTopicModel(TINY, { minWeight: 0.01, decimals: 2 }))).bagLength).toBeUndefined();
    const long = { title: 'Late goal', text: 'A late goal, a second goal, a third goal in the cup final, and shares in the club rose.' };
    const [withLength] = classifyTopLevel(long, { model: back });
    const [without] = classifyTopLevel(long, { model: TINY });
    expect(withLength?.code).toBe('medtop:15000000');
    expect(without?.code).toBe('medtop:15000000');
    expect(withLength?.score).toBeLessThan(without?.score as number);
    expect(withLength?.score).toBeGreaterThan(0.5);
  });

  it('rejects a pack that is not a topic model', () => {
    expect(() => unpackTopicModel(decodePack(encodePack({ format: 'something else' }, {})))).toThrow(/not a telex topic model/);
  });
});

describe('topic classifier model (committed)', () => {
  const bestOf = (title: string, text = '') => classifyTopLevel({ title, text })[0]?.code;

  it('covers the 17 top levels and loads once', () => {
    expect(topicModel().classes).toHaveLength(17);
    expect(topicModel()).toBe(topicModel());
  });

  it('puts short unseen headlines under the right top level', () => {
    expect(bestOf('Striker scores twice as United beat City in the league')).toBe('medtop:15000000');
    expect(bestOf('Central bank raises interest rates as inflation climbs')).toBe('medtop:04000000');
    expect(bestOf('Parliament votes on the election law after opposition walkout')).toBe('medtop:11000000');
    expect(bestOf('Earthquake kills dozens, rescuers search collapsed buildings')).toBe('medtop:03000000');
    expect(bestOf('Police arrest suspect after fatal stabbing')).toBe('medtop:02000000');
  });

  it('reads computing and consumer-technology news as science and technology, company news as economy (Telex convention)', () => {
    expect(bestOf('Chipmaker unveils faster processors for laptops and servers')).toBe('medtop:13000000');
    expect(bestOf('New browser update fixes security flaw in the operating system')).toBe('medtop:13000000');
    expect(bestOf('Retailer’s quarterly profit falls as sales slow and shares drop')).toBe('medtop:04000000');
  });

  it('gives calibrated scores: a clear headline scores higher than a vague one', () => {
    const clear = classifyTopLevel({ title: 'Earthquake kills dozens, rescuers search collapsed buildings', text: '' })[0]?.score ?? 0;
    const vague = classifyTopLevel({ title: 'What happened on Tuesday', text: '' })[0]?.score ?? 1;
    expect(clear).toBeGreaterThan(0.8);
    expect(vague).toBeLessThan(0.5);
  });

  it('tags the seed story with politics, diplomacy / international relations and refugees, scores in 0..1 with evidence', () => {
    const topics = classifyTopics({ title: SEED_TITLE, text: seedText() });
    const codes = topics.map((t) => t.code);
    expect(codes[0]).toBe('medtop:11000000');
    expect(codes).toContain('medtop:20000645');
    expect(codes.some((c) => c === 'medtop:20000638' || c === 'medtop:20000639')).toBe(true);
    for (const t of topics) {
      expect(t.score).toBeGreaterThan(0);
      expect(t.score).toBeLessThanOrEqual(1);
      expect(t.evidence?.length).toBeGreaterThan(0);
      expect(MEDIATOPICS.has(t.code)).toBe(true);
    }
  });

  it('keeps deeper topics only under a kept top level and honours maxTopics', () => {
    const topics = classifyTopics({ title: SEED_TITLE, text: seedText() }, { maxTopics: 2 });
    expect(topics).toHaveLength(2);
    const all = classifyTopics({ title: SEED_TITLE, text: seedText() });
    const tops = new Set(all.filter((t) => MEDIATOPICS.get(t.code)?.depth === 1).map((t) => t.code));
    for (const t of all) expect(tops.has(topLevelOf(t.code) ?? '')).toBe(true);
  });

  it('gives terms of the text as evidence, never the model’s internal rule features', () => {
    const stories = [
      { title: SEED_TITLE, text: seedText() },
      { title: 'Intel cuts prices on its computer chips', text: 'The chipmaker said prices of its processors for laptops fall by a third.' },
      { title: 'Storm floods coastal towns', text: 'Rescuers evacuated hundreds as the river burst its banks.' },
    ];
    for (const story of stories) {
      const topics = classifyTopics(story);
      expect(topics.length).toBeGreaterThan(0);
      for (const t of topics) {
        expect(t.evidence?.length).toBeGreaterThan(0);
        for (const e of t.evidence ?? []) expect(e).not.toMatch(/^rule:/);
      }
    }
  });

  it('returns no topics when the text has no evidence', () => {
    expect(classifyTopics({ title: '', text: '' })).toEqual([]);
  });
});

describe('textScores', () => {
  it('gives the scores classifyTopLevel calibrates, the short-text net included, and the evidence it draws on', () => {
    const model = topicModel();
    const article = { title: 'Striker scores twice as champions win the cup final', text: '' };
    const { known, scores } = textScores(model, article);
    expect(known.length).toBeGreaterThan(0);
    const p = softmax(scores, model.temperature);
    const top = classifyTopLevel(article);
    expect(top[0]?.code).toBe('medtop:15000000');
    for (const t of top) expect(t.score).toBeCloseTo(p[model.classes.indexOf(t.code)] as number, 12);
    // Without the net the linear scores alone give other probabilities: the net is part of what is shared.
    const linear = textScores({ ...model, net: undefined }, article).scores;
    expect([...linear]).not.toEqual([...scores]);
  });
});
