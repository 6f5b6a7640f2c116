import { describe, expect, it } from 'vitest';
import { expectBioKept, tagsAt, tagsNaming } from '../../../helpers/bio-tags.js';
import { foreignOrganisations } from '../../../../src/workers/enricher/foreign-organisations.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { tagEntityMentions } from '../../../../src/workers/enricher/tag-entities.js';
import { statsOf } from '../../../helpers/word-stats.js';

describe(foreignOrganisations.name, () => {
  const stats = statsOf({ the: 'N', chairman: 'H', said: 'N' });

  it('makes a name that opens with a foreign head an organisation, over particles and the capitalized words after it', () => {
    const text = 'Banco Santander said so . Compagnie Generale des Eaux rose , and Banca Commerciale Italiana fell .';
    const { toks, tags } = tagsNaming(text, { 'Banco Santander': 'PER', 'Compagnie Generale': 'ORG', Eaux: 'ORG', 'Banca Commerciale': 'ORG' });
    const out = foreignOrganisations(text, toks, tags, stats);
    const whole = tagsNaming(text, { 'Banco Santander': 'ORG', 'Compagnie Generale des Eaux': 'ORG', 'Banca Commerciale Italiana': 'ORG' }).tags;
    expect(out).toEqual(whole);
  });

  it('reads an untagged name too, and ends it at a title, a lowercase word, a person and a line', () => {
    const text = 'Ministerio de Hacienda said . Banco Santander Chairman Emilio Botin spoke . Banco The\\nGrupo Modelo de Emilio Botin rose .';
    const { toks, tags } = tagsNaming(text, { 'Emilio Botin': 'PER' });
    const out = foreignOrganisations(text, toks, tags, stats);
    const want = tagsNaming(text, { 'Ministerio de Hacienda': 'ORG', 'Banco Santander': 'ORG', 'Grupo Modelo': 'ORG', 'Emilio Botin': 'PER' }).tags;
    expect(out).toEqual(want);
    // "Banco" before a lowercase word and a line's end is no name.
    expect(tagsAt(toks, out, 'Banco')).toEqual(['B-ORG', 'O']);
  });

  it('leaves a head inside another name, and an organisation read whole, as they are', () => {
    const text = 'the Fundacion Banco Popular and Banco Popular said .';
    const { toks, tags } = tagsNaming(text, { 'Fundacion Banco Popular': 'ORG', 'Banco Popular': 'ORG' });
    expect(foreignOrganisations(text, toks, tags, stats)).toEqual(tags);
  });

  it('reads such names through the whole tagger as organisations', () => {
    const text = 'Banco Santander said on Monday it would buy a stake in Banco do Brasil. Compagnie Generale des Eaux shares rose.';
    const kinds = new Map(tagEntityMentions(text).map((m) => [text.slice(m.start, m.end), m.kind]));
    expect([kinds.get('Banco Santander'), kinds.get('Banco do Brasil'), kinds.get('Compagnie Generale des Eaux')]).toEqual(['organisation', 'organisation', 'organisation']);
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const text = 'Banco Santander de Espana and Grupo de Chairman said . Caja\\nMadrid , Banque des Eaux Nationale Paris Lyon Nice Rome rose .';
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 43, (tags) => foreignOrganisations(text, toks, tags, stats));
  });
});
