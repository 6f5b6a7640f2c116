import { nerTokenize } from '../../src/workers/enricher/ner-tokens.js';

/** BIO tags over `text`'s tokens (nerTokenize) with the given spans tagged: [first token, end token (exclusive), type]. */
export function tagsFor(text: string, named: Array<[from: number, to: number, type: string]>): string[] {
  const tags = nerTokenize(text).map(() => 'O');
  for (const [from, to, type] of named) for (let k = from; k < to; k++) tags[k] = `${k === from ? 'B' : 'I'}-${type}`;
  return tags;
}
