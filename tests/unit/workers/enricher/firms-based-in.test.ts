import { describe, expect, it } from 'vitest';
import { expectBioKept, tagsAt, tagsNaming } from '../../../helpers/bio-tags.js';
import { statsOf } from '../../../helpers/word-stats.js';
import { firmsBasedIn } from '../../../../src/workers/enricher/firms-based-in.js';

describe(firmsBasedIn.name, () => {
  it('makes a name placed by its seat an organisation, there and at its other mentions the tagger read otherwise or left alone', () => {
    const text = 'Assets held in Vantor will pay for it. Vantor, based in Brussels, holds them. Vantor said so. Vantor Tower stood.';
    const { toks, tags } = tagsNaming(text, { Vantor: 'LOC' });
    tags[toks.findIndex((t, i) => t.text === 'Vantor' && i > 3)] = 'B-PER';
    tags[toks.findIndex((t, i) => t.text === 'Vantor' && i > 12)] = 'O';
    tags[toks.findIndex((t) => t.text === 'Tower') - 1] = 'O';
    const out = firmsBasedIn(toks, tags);
    // Not inside a longer capitalized name ("Vantor Tower").
    expect(tagsAt(toks, out, 'Vantor')).toEqual(['B-ORG', 'B-ORG', 'B-ORG', 'O']);
    const hq = 'Kestrel Data Systems, headquartered in Ohio, said Kestrel Data Systems grew.';
    const k = tagsNaming(hq, { 'Kestrel Data Systems': 'MISC' });
    expect(firmsBasedIn(k.toks, k.tags).filter((t) => t === 'B-ORG')).toHaveLength(2);
  });

  it('leaves a person named in full or after a title, a known place, a word news writes in lowercase, and text without the cue', () => {
    const text = 'Cpl. Glen Arnold, based in Petawawa, died. Mr Okafor, based in Lagos, said. Toronto, based in it, grew. Some, based in Oslo, left.';
    const { toks, tags } = tagsNaming(text, { 'Glen Arnold': 'PER', Okafor: 'PER', Toronto: 'LOC' });
    expect(firmsBasedIn(toks, tags, statsOf({ some: 'N' }))).toEqual(tags);
    const plain = tagsNaming('Vantor said it was based in Brussels.', { Vantor: 'PER' });
    expect(firmsBasedIn(plain.toks, plain.tags)).toEqual(plain.tags);
  });

  it('keeps any tags valid BIO', () => {
    const { toks } = tagsNaming('Held in Vantor Corp and Vantor , based in Oslo , said Vantor of Vantor Group , headquartered in Rome .', {});
    expectBioKept(toks.length, 7, (tags) => firmsBasedIn(toks, tags));
  });
});
