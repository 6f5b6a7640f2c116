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
import { DEMONYMS, GIVEN_NAMES, KNOWN_ORGS, PERSON_TITLES, PLACES } from './gazetteer.js';
import { type NameGazetteer, writtenLowercase } from './ner-features.js';
import type { Token } from './tokens.js';
import { spanEnd } from './wire-conventions.js';

/** Words after a name that make it a company's, a group's or a product's ("Dell Inc.", "Siebel shareholders", "the Zanon factory", "Tata group"). */
const COMPANY_FOLLOWERS: ReadonlySet<string> = new Set(
  (
    'Inc Inc. Corp Corp. Corporation Co Co. Ltd Ltd. LLC LLP plc PLC Group Company Brothers & group company firm brand brands ' +
    'shareholders stockholders investors employees workers worker staff factory factories plant plants store stores products ' +
    'spokesman spokeswoman spokesperson representative representatives executive executives board chairman customers users ' +
    'committee foundation family prize Prize share shares stock'
  ).split(' '),
);

/** Removes from `words` every word the text writes before a company form or a company's people or parts ("Dell Inc.", "Siebel shareholders"). */
function dropCompanyNames(tokens: readonly Token[], words: Set<string>): void {
  for (let i = 0; i + 1 < tokens.length; i++) if (COMPANY_FOLLOWERS.has((tokens[i + 1] as Token).text)) words.delete((tokens[i] as Token).text);
}

/** A surname as news writes it: a capital, then lowercase letters, maybe an inner capital, an apostrophe or a hyphen ("McCain", "O'Brien", "al-Maliki"). */
export const SURNAME = /^(?:\p{Ll}{1,3}-)?\p{Lu}[\p{L}'’-]*\p{Ll}$/u;

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
    const j = spanEnd(tags, i);
    const last = (tokens[j - 1] as Token).text;
    if (j - i >= 2 && j - i <= 4 && SURNAME.test(last) && !KNOWN_ORGS.has(last) && !PLACES.has(last) && !DEMONYMS.has(last)) surnames.add(last);
  }
  if (surnames.size === 0) return tags as string[];
  dropCompanyNames(tokens, surnames);
  const out = [...tags];
  for (let i = 0; i < out.length; i++) {
    if (out[i] === 'B-ORG' && out[i + 1] !== 'I-ORG' && surnames.has((tokens[i] as Token).text)) out[i] = 'B-PER';
  }
  return out;
}

/** Titles before a name beside PERSON_TITLES ("Sultan Qaboos", "Khunying Potjaman", the Thai honorific), no first name. */
const OTHER_TITLES: ReadonlySet<string> = new Set('Sultan Emir Shah Tsar Caliph Raja Khunying Taoiseach Prophet Pvt Pte'.split(' '));

/**
 * Tags where a lone word typed as an organisation or a place is the first
 * name of a person the text names in full and calls by that name, as Thai,
 * Indonesian and other given-name conventions do ("Thaksin Shinawatra ...
 * exiled Thaksin", read as an organisation 60 times in English Wikinews). The
 * full name has two name-shaped words (SURNAME); the first is no common
 * English given name, title, known organisation, place, nationality or name of
 * the tagger's gazetteer, the second no given name, place or word mostly
 * written in lower case ("Ford Explorer", "Murayama Statement"); the text
 * writes the first word alone more often than the second ("Raul Castro ...
 * Castro" is called by his surname), and nowhere before a company form or a
 * company's people or parts.
 */
export function firstNamesAreNoOrganisations(tokens: readonly Token[], tags: readonly string[], gazetteer?: NameGazetteer): string[] {
  const fulls: Array<[first: string, last: string]> = [];
  for (let i = 0; i + 1 < tags.length; i++) {
    if (tags[i] !== 'B-PER' || tags[i + 1] !== 'I-PER' || (i + 2 < tags.length && tags[i + 2] === 'I-PER')) continue;
    const first = (tokens[i] as Token).text;
    const last = (tokens[i + 1] as Token).text;
    if (!SURNAME.test(first) || !SURNAME.test(last) || GIVEN_NAMES.has(first) || PERSON_TITLES.has(first) || OTHER_TITLES.has(first) || KNOWN_ORGS.has(first) || PLACES.has(first) || DEMONYMS.has(first)) continue;
    if (gazetteer?.names.get(first) !== undefined || GIVEN_NAMES.has(last) || PLACES.has(last)) continue;
    if (writtenLowercase(last, gazetteer?.stats)) continue;
    fulls.push([first, last]);
  }
  if (fulls.length === 0) return tags as string[];
  const count = new Map<string, number>();
  for (const t of tokens) count.set(t.text, (count.get(t.text) ?? 0) + 1);
  const firsts = new Set<string>();
  for (const [first, last] of fulls) if ((count.get(first) ?? 0) > (count.get(last) ?? 0)) firsts.add(first);
  dropCompanyNames(tokens, firsts);
  if (firsts.size === 0) return tags as string[];
  const out = [...tags];
  for (let i = 0; i < out.length; i++) {
    if ((out[i] === 'B-ORG' || out[i] === 'B-LOC') && !(out[i + 1] ?? 'O').startsWith('I-') && firsts.has((tokens[i] as Token).text)) out[i] = 'B-PER';
  }
  return out;
}
