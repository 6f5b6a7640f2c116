/**
 * People's names with lowercase particles inside: "Mohammed bin Salman",
 * "Hamad bin Isa Al Khalifa", "Leonardo da Vinci", "Ana Nicolaci da Costa".
 * The tagger reads most such names whole ("Vincent van Gogh", "Ursula von
 * der Leyen") but cuts some at the particle, leaving two persons, or a person
 * and a place ("Costa"). A post-pass over its BIO tags joins them.
 */
import { NAME_PARTICLES, PERSON_TITLES } from './gazetteer.js';
import { startsCapitalized, type Token } from './tokens.js';
import { setSpan, spanEnd } from './wire-conventions.js';

/** The most capitalized words taken in on either side of the particles. */
const SIDE_MAX = 3;

const capitalized = (t: Token | undefined): boolean => !!t && startsCapitalized(t.text);

/**
 * Tags with each person span joined to the capitalized words on the other
 * side of one or two particles: after it ("Mohammed [bin] Salman", "Leonardo
 * [da] Vinci", whatever the tagger read there), or before it when those words
 * are untagged and no title ("King Hamad [bin] Isa Al Khalifa": Hamad bin Isa
 * Al Khalifa). A run of capitals that belongs to an organisation is left to it.
 */
export function joinNameParticles(tokens: readonly Token[], tags: readonly string[]): string[] {
  const out = [...tags];
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 'B-PER') continue;
    let from = i;
    let to = spanEnd(out, i);
    // After: particles, then a run of capitals that is no organisation's.
    let p = to;
    while (p < tokens.length && p - to < 2 && NAME_PARTICLES.has((tokens[p] as Token).text)) p++;
    if (p > to && capitalized(tokens[p])) {
      let end = p;
      while (end < tokens.length && end - p < SIDE_MAX && capitalized(tokens[end]) && !(out[end] as string).endsWith('-ORG')) end++;
      if (end > p && !(out[end] ?? 'O').startsWith('I-')) to = end;
    }
    // Before: untagged capitals, then particles, right before the person.
    let q = from;
    while (q > 0 && from - q < 2 && NAME_PARTICLES.has((tokens[q - 1] as Token).text)) q--;
    if (q < from) {
      let start = q;
      while (start > 0 && q - start < SIDE_MAX && capitalized(tokens[start - 1]) && out[start - 1] === 'O' && !PERSON_TITLES.has((tokens[start - 1] as Token).text)) start--;
      if (start < q) from = start;
    }
    setSpan(out, from, to, 'PER');
    i = to - 1;
  }
  return out;
}
