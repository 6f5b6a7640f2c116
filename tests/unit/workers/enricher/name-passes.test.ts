import { describe, expect, it } from 'vitest';
import { isValidBio, randomBioTags } from '../../../helpers/bio-tags.js';
import { seededRandom } from '../../../../src/lib/random.js';
import { joinCoordinatedNames } from '../../../../src/workers/enricher/coordinated-names.js';
import { joinNameParticles } from '../../../../src/workers/enricher/name-particles.js';
import { trimNameTails } from '../../../../src/workers/enricher/name-tails.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { entityTagger } from '../../../../src/workers/enricher/tag-entities.js';

describe('the name passes', () => {
  it('give valid BIO of the same length whatever valid tags they are given', () => {
    const text =
      'The Ministry of Health, Labour and Welfare met Mohammed bin Salman and Hamad bin Isa Al Khalifa in Fujian province. ' +
      'Chicago beat Boston 5-3, said Ana Nicolaci da Costa of the Institute of Electrical and Electronics Engineers and Tesco plc.';
    const tokens = nerTokenize(text);
    const stats = entityTagger().gazetteer.stats;
    const rand = seededRandom(11);
    for (let round = 0; round < 300; round++) {
      const tags = randomBioTags(tokens.length, rand);
      for (const out of [joinCoordinatedNames(tokens, tags, stats), joinNameParticles(tokens, tags), trimNameTails(tokens, tags), trimNameTails(tokens, joinNameParticles(tokens, joinCoordinatedNames(tokens, tags, stats)))]) {
        expect(out).toHaveLength(tokens.length);
        expect(isValidBio(out)).toBe(true);
      }
    }
  });
});
