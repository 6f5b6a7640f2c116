/**
 * Sentences of unlabelled text labelled by the keyword rules (tag-topics.ts), for train-topics.ts' --rule-sentences:
 * a semi-supervised step that turns long articles into short examples of the top levels the training text lacks in short
 * form (wire business, technology, sport). A sentence is kept only when the rules read it as one top level alone, surely.
 */
import { isTechCode } from '../../src/workers/enricher/classify-topics.js';
import { tagTopics } from '../../src/workers/enricher/tag-topics.js';
import { SENTENCE_BREAK } from './enrichment-data.js';

export type RuleSentenceOptions = {
  /** The rules' score the first top level needs (tag-topics.ts, 0..1). */
  minScore: number;
  /** Shorter sentences (in words) are left out. */
  minWords: number;
  /** The top levels kept, as two-digit codes ("04" for medtop:04000000). */
  classes: readonly string[];
  /** A code's top level under the caller's convention (the technology convention of train-topics.ts). */
  topLevelOf: (code: string) => string | null;
};

/**
 * The sentences of `text` whose keyword reading is one top level in `classes`, scored at least `minScore`, with no
 * other top level read beside it; economy read with the computing / IT or consumer-electronics branches at that score
 * counts as science and technology (Telex's convention).
 */
export function ruleLabelledSentences(text: string, opts: RuleSentenceOptions): Array<{ text: string; code: string }> {
  const out: Array<{ text: string; code: string }> = [];
  for (const sentence of text.split(SENTENCE_BREAK)) {
    if (sentence.split(/\s+/).length < opts.minWords) continue;
    const read = tagTopics({ title: '', text: sentence }, { maxTopics: 10 });
    const first = read[0];
    if (!first || first.score < opts.minScore) continue;
    const top = opts.topLevelOf(first.code);
    if (!top || read.some((t) => t !== first && /000000$/.test(t.code) && t.code !== top)) continue;
    const code = top === 'medtop:04000000' && read.some((t) => isTechCode(t.code) && t.score >= opts.minScore) ? 'medtop:13000000' : top;
    if (opts.classes.includes(code.slice(7, 9))) out.push({ text: sentence, code });
  }
  return out;
}
