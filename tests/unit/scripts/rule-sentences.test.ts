import { describe, expect, it } from 'vitest';
import { ruleLabelledSentences } from '../../../scripts/lib/rule-sentences.js';
import { topLevelOf } from '../../../src/workers/enricher/mediatopics.js';

const opts = { minScore: 0.6, minWords: 8, classes: ['04', '13', '15'], topLevelOf };

describe(ruleLabelledSentences.name, () => {
  it('labels the sentences the rules read surely as one of the wanted top levels, and only those', () => {
    const text =
      'The prime minister met the opposition leader on Tuesday to discuss the election. ' +
      'Shares of the company fell after quarterly earnings and revenue missed forecasts, and investors sold the stock. ' +
      'The striker scored twice as the team won the championship match in front of the league’s biggest crowd.';
    expect(ruleLabelledSentences(text, opts)).toEqual([
      { text: 'Shares of the company fell after quarterly earnings and revenue missed forecasts, and investors sold the stock.', code: 'medtop:04000000' },
      { text: 'The striker scored twice as the team won the championship match in front of the league’s biggest crowd.', code: 'medtop:15000000' },
    ]);
  });

  it('reads company news about software and chips as science and technology (the technology convention)', () => {
    const [hit] = ruleLabelledSentences('The software company said its new chips and apps for the smartphone would ship to developers next year.', opts);
    expect(hit?.code).toBe('medtop:13000000');
  });

  it('leaves out short sentences, unsure readings and sentences read as two top levels', () => {
    expect(ruleLabelledSentences('Shares fell sharply.', opts)).toEqual([]);
    expect(ruleLabelledSentences('The meeting went on for several hours without any result at all.', opts)).toEqual([]);
    expect(ruleLabelledSentences('Police arrested the football club’s chief executive over fraud in the sale of shares to investors.', opts)).toEqual([]);
  });
});
