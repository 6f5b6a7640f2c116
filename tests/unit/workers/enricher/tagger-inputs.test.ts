import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as G from '../../../../src/workers/enricher/gazetteer.js';
import { NER_MODEL_URL } from '../../../../src/workers/enricher/tag-entities.js';

/**
 * The word lists the trained tagger reads as inputs (its features, ner-features.ts, and the rules' chunker whose labels
 * it takes as features, extract-entities.ts), in a canonical form. Changing one changes what `npm run train:ner` builds.
 */
function taggerInputs(): string {
  const sets = {
    CLUB_HEADS: G.CLUB_HEADS,
    DEMONYMS: G.DEMONYMS,
    GIVEN_NAMES: G.GIVEN_NAMES,
    HONORIFICS: G.HONORIFICS,
    MISC_HEAD_FIRST: G.MISC_HEAD_FIRST,
    MISC_HEAD_WORDS: G.MISC_HEAD_WORDS,
    NAME_OPENERS: G.NAME_OPENERS,
    NAME_PREFIXES: G.NAME_PREFIXES,
    NON_ENTITY_WORDS: G.NON_ENTITY_WORDS,
    ORG_HEAD_WORDS: G.ORG_HEAD_WORDS,
    RULE_PERSON_TITLES: G.RULE_PERSON_TITLES,
    PLACE_HEAD_FIRST: G.PLACE_HEAD_FIRST,
    PLACE_HEAD_WORDS: G.PLACE_HEAD_WORDS,
  };
  const lists: Record<string, string[]> = {};
  for (const [name, set] of Object.entries(sets)) lists[name] = [...(set as ReadonlySet<string>)].sort();
  lists.RULE_ORGS = [...G.RULE_ORGS].map(([k, v]) => `${k}\t${v}`).sort();
  lists.PLACES = [...G.PLACES].map(([k, v]) => `${k}\t${v.canonical}\t${v.kind}`).sort();
  return createHash('sha256').update(JSON.stringify(lists)).digest('hex');
}

const sha256 = (file: string | URL): string => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('the trained tagger and its input lists', () => {
  it('are what the committed model was trained with: a change to those lists needs `npm run train:ner`, then both figures here', () => {
    // A name or a title the post-tagger passes need goes in LATE_ORGANISATIONS or LATE_PERSON_TITLES (gazetteer.ts), which
    // the tagger does not read. Changing the lists above changes its inputs: retrain, commit the model, and set both hashes.
    expect({ inputs: taggerInputs(), model: sha256(fileURLToPath(NER_MODEL_URL)) }).toEqual({
      inputs: 'a833a7cf4a48a30acd58541cf92258e572a8932dcd3445c12e08652d4a41c600',
      model: '7b11e1a806d551471ec8a6ebd325273201998ce9ec955e4dc9436a87653ec071',
    });
  });
});
