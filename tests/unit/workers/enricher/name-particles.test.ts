import { describe, expect, it } from 'vitest';
import { tagsFor } from '../../../helpers/bio-tags.js';
import { joinNameParticles } from '../../../../src/workers/enricher/name-particles.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { tagEntities } from '../../../../src/workers/enricher/tag-entities.js';

describe(joinNameParticles.name, () => {
  it('joins a person to the capitals after its particles, whatever the tagger read there', () => {
    const a = 'Mohammed bin Salman met Ana Nicolaci da Costa.';
    // [Mohammed] bin [Salman] met [Ana Nicolaci] da [Costa] .
    const got = joinNameParticles(nerTokenize(a), tagsFor(a, [[0, 1, 'PER'], [2, 3, 'PER'], [4, 6, 'PER'], [7, 8, 'LOC']]));
    expect(got).toEqual(tagsFor(a, [[0, 3, 'PER'], [4, 8, 'PER']]));
  });

  it('joins untagged capitals before the particles to the person after them, a title left outside', () => {
    const text = 'King Hamad bin Isa Al Khalifa spoke.';
    // King Hamad bin [Isa Al Khalifa] spoke .
    expect(joinNameParticles(nerTokenize(text), tagsFor(text, [[3, 6, 'PER']]))).toEqual(tagsFor(text, [[1, 6, 'PER']]));
  });

  it('leaves a person without particles, an organisation after the particle and words without capitals alone', () => {
    const text = 'Smith et al. met Rossi di Banca Intesa and Pierre de la.';
    const tags = tagsFor(text, [[0, 1, 'PER'], [5, 6, 'PER'], [7, 9, 'ORG'], [10, 11, 'PER']]);
    expect(joinNameParticles(nerTokenize(text), tags)).toEqual(tags);
  });

  it('gives the stored record the whole name with the committed tagger', () => {
    const people = tagEntities({ title: 'Summit', text: 'Mohammed bin Salman hosted the summit in Riyadh.' }).people.map((p) => p.name);
    expect(people).toEqual(['Mohammed bin Salman']);
  });
});
