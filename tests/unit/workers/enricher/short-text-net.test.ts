import { describe, expect, it } from 'vitest';
import { classifyTopLevel, packTopicModel, type TopicModel, topicModel, unpackTopicModel } from '../../../../src/workers/enricher/classify-topics.js';
import { decodePack } from '../../../../src/workers/enricher/model-pack.js';
import { netInput, netInputSize, netLogProbs, netWeight, type ShortTextNet } from '../../../../src/workers/enricher/short-text-net.js';
import { madeUpVectors } from '../../../helpers/word-vectors.js';

// A made-up table of three words in two dimensions (int8 steps of 0.01): "goal" and "striker" on the first axis, "bank" on the second.
const table = madeUpVectors({ dims: 2, keys: ['goal', 'striker', 'bank'], steps: [100, 0, 80, 60, 0, 100], rank: [100, 300, 50] });
const all = () => true;

// A hand-made net over the mean vector: hidden unit 0 reads the first axis (sport), unit 1 the second (economy).
const NET: ShortTextNet = {
  inputs: 'mean',
  hidden: 2,
  W1: Float32Array.from([1, 0, 0, 1]),
  b1: Float32Array.from([0, 0]),
  W2: Float32Array.from([-2, 2, 2, -2]),
  b2: Float32Array.from([0, 0]),
  mix: 2,
  lengthRef: 3,
};

describe('short-text net', () => {
  it('reads the weighted mean vector, scaled to length sqrt(dims), and the words’ maximum', () => {
    const x = netInput(table, [{ words: ['goal', 'bank'], weight: 1 }], 100, all, 'mean') as Float64Array;
    expect(x).toHaveLength(2);
    expect(Math.hypot(x[0] as number, x[1] as number)).toBeCloseTo(Math.SQRT2, 6);
    expect(x[0]).toBeGreaterThan(x[1] as number); // goal weighs 0.5, bank 1/3
    const y = netInput(table, [{ words: ['goal', 'bank'], weight: 1 }], 100, all, 'mean+max') as Float64Array;
    expect(y).toHaveLength(netInputSize('mean+max', 2));
    expect([...y.subarray(2)].map((v) => Number(v.toFixed(6)))).toEqual([Number((1 * Math.SQRT2).toFixed(6)), Number((1 * Math.SQRT2).toFixed(6))]);
    expect(netInput(table, [{ words: ['unknown'], weight: 1 }], 100, all, 'mean')).toBeNull();
    expect(netInput(table, [{ words: ['goal'], weight: 1 }], 100, (w) => w !== 'goal', 'mean')).toBeNull();
  });

  it('gives log probabilities (they sum to one) that follow its weights', () => {
    const lp = netLogProbs(NET, [1, 0]);
    expect(Math.exp(lp[0] as number) + Math.exp(lp[1] as number)).toBeCloseTo(1, 9);
    expect(lp[1]).toBeGreaterThan(lp[0] as number);
    expect(netLogProbs(NET, [0, 1])[0]).toBeGreaterThan(netLogProbs(NET, [0, 1])[1] as number);
  });

  it('weighs less on texts longer than lengthRef content words', () => {
    expect(netWeight(NET, 2)).toBe(2);
    expect(netWeight(NET, 3)).toBe(2);
    expect(netWeight(NET, 12)).toBe(0.5);
    expect(netWeight({ mix: 1, lengthRef: 0 }, 1000)).toBe(1);
  });
});

describe('topic classifier with a short-text net', () => {
  // The words alone read "bank" as sport (a deliberately wrong word weight); the net reads its vector as economy.
  // "match" (sport) has no vector.
  const base: TopicModel & { features: Map<string, number> } = {
    classes: ['medtop:04000000', 'medtop:15000000'],
    features: new Map([
      ['bank', 0],
      ['match', 2],
    ]),
    weights: Float32Array.from([-0.5, 0.5, -0.5, 0.5]),
    bias: Float32Array.from([0, 0]),
    temperature: 1,
    vectors: { dense: false, clusters: false, r0: 100, scale: 1, lengthRef: 0, table },
  };
  const withNet = { ...base, net: NET };

  it('lets the net turn a short text and leaves a long one to the words', () => {
    expect(classifyTopLevel({ title: '', text: 'bank' }, { model: base })[0]?.code).toBe('medtop:15000000');
    const short = classifyTopLevel({ title: '', text: 'bank' }, { model: withNet });
    expect(short[0]?.code).toBe('medtop:04000000');
    // The net's feature is no evidence term: the words are.
    expect(short[0]?.evidence).toEqual([]);
    expect((short[0]?.score ?? 0) + (short[1]?.score ?? 0)).toBeCloseTo(1, 6);
    const long = classifyTopLevel({ title: '', text: `bank ${'match '.repeat(200)}` }, { model: withNet });
    expect(long[0]?.code).toBe('medtop:15000000');
  });

  it('round-trips the net through the model pack', () => {
    const back = unpackTopicModel(decodePack(packTopicModel(withNet, { minWeight: 0.01, decimals: 2 })), table);
    expect(back.net?.inputs).toBe('mean');
    expect(back.net?.hidden).toBe(2);
    expect(back.net?.mix).toBe(2);
    expect(back.net?.lengthRef).toBe(3);
    expect([...(back.net?.W2 ?? [])]).toEqual([...NET.W2]);
    expect(classifyTopLevel({ title: '', text: 'bank' }, { model: back })).toEqual(classifyTopLevel({ title: '', text: 'bank' }, { model: withNet }));
  });

  it('is part of the committed model', () => {
    const net = topicModel().net;
    expect(net).toBeDefined();
    expect(net?.b2).toHaveLength(17);
    expect(net?.W1).toHaveLength(netInputSize(net?.inputs ?? '', topicModel().vectors?.table.dims ?? 0) * (net?.hidden ?? 0));
  });
});
