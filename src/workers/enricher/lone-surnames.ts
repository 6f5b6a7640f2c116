/**
 * A person's surname alone, read as an organisation. In long stories the
 * tagger types later mentions of a person by the word's sound: after "John
 * McCain" it read "McCain argued", "said McCain" as an organisation 43 times
 * in English Wikinews, and "Heesters", "Peacock", "Carville", "Mazuz" so.
 * The document pass gives the full name's vote to the lone surname, but two
 * misreadings outvote it. Companies named after their founders ("Arthur
 * Andersen", "Michael Dell ... Dell Inc.", "Ratan Tata ... Tata group") are
 * told apart by what the story writes after the lone word: a company form or
 * a company's people or parts ("Andersen employees", "Siebel shareholders").
 */
import { DEMONYMS, GIVEN_NAMES, KNOWN_ORGS, PLACES } from './gazetteer.js';
import type { Token } from './tokens.js';

/** Words after a name that make it a company's, a group's or a product's ("Dell Inc.", "Siebel shareholders", "the Zanon factory", "Tata group"). */
const COMPANY_FOLLOWERS: ReadonlySet<string> = new Set(
  (
    'Inc Inc. Corp Corp. Corporation Co Co. Ltd Ltd. LLC LLP plc PLC Group Company Brothers & group company firm brand brands ' +
    'shareholders stockholders investors employees workers worker staff factory factories plant plants store stores products ' +
    'spokesman spokeswoman spokesperson representative representatives executive executives board chairman customers users ' +
    'committee foundation family prize Prize share shares stock'
  ).split(' '),
);

/** A surname as news writes it: a capital, then lowercase letters, maybe an inner capital, an apostrophe or a hyphen ("McCain", "O'Brien", "al-Maliki"). */
const SURNAME = /^(?:\p{Ll}{1,3}-)?\p{Lu}[\p{L}'’-]*\p{Ll}$/u;

/**
 * Tags where a lone word typed as an organisation is a person's surname: the
 * text tags a person of two to four words whose first word is a given name and
 * whose last word is this one ("John McCain"), the word is no known
 * organisation, place or nationality, and nowhere in the text is it followed
 * by a company form or a company's people or parts (COMPANY_FOLLOWERS).
 */
export function surnamesAreNoOrganisations(tokens: readonly Token[], tags: readonly string[]): string[] {
  const surnames = new Set<string>();
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== 'B-PER' || !GIVEN_NAMES.has((tokens[i] as Token).text)) continue;
    let j = i + 1;
    while (tags[j] === 'I-PER') j++;
    const last = (tokens[j - 1] as Token).text;
    if (j - i >= 2 && j - i <= 4 && SURNAME.test(last) && !KNOWN_ORGS.has(last) && !PLACES.has(last) && !DEMONYMS.has(last)) surnames.add(last);
  }
  if (surnames.size === 0) return tags as string[];
  for (let i = 0; i + 1 < tokens.length; i++) if (COMPANY_FOLLOWERS.has((tokens[i + 1] as Token).text)) surnames.delete((tokens[i] as Token).text);
  const out = [...tags];
  for (let i = 0; i < out.length; i++) {
    if (out[i] === 'B-ORG' && out[i + 1] !== 'I-ORG' && surnames.has((tokens[i] as Token).text)) out[i] = 'B-PER';
  }
  return out;
}
