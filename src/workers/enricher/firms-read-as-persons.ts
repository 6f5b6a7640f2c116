/**
 * Firms, apps and services the tagger hears as persons: a one-word name of the person's shape that the tagger has not
 * seen, on the technology and finance pages that name them most ("[TikTok]", "[Shopify]", "[Mullvad]"). Two kinds of
 * evidence in the text tell them from persons named by one word: a word written in two capitalized parts ("TikTok",
 * "HubSpot", "NordVPN", "LinkedIn", "QuickBooks"; English names of persons joined so open with a short particle,
 * "McCain", "LeBron", "DeSantis", "O'Brien", or a longer one of surnames, "MacArthur", "FitzGerald", "VanDyke"), and a
 * name written before what only a service has ("Shopify's app store", "Instagram users", "Kajabi lets you").
 */
import { GIVEN_NAMES, HONORIFICS, PERSON_TITLES } from './gazetteer.js';
import { isPossessive } from './ner-tokens.js';
import { textAt, type Token } from './tokens.js';
import { bioSpans, setSpan } from './wire-conventions.js';

/** A word of two capitalized parts, the second capital after three letters or more of the first ("TikTok", "NordVPN"). */
const JOINED_CAPITALS = /^\p{Lu}\p{Ll}{2,}\p{Lu}/u;

/** First parts of surnames joined so ("MacArthur", "FitzGerald", "VanDyke", "DellaVedova"). */
const SURNAME_OPENERS = /^(?:Mac|Fitz|Van|Von|Della|Dela)\p{Lu}/u;

/** The first part of a joined word ("Tik" of "TikTok", "Wilma" of "WilmaJohnson"). */
const firstPart = (word: string): string => /^\p{Lu}\p{Ll}+/u.exec(word)?.[0] ?? '';

/**
 * Tags where a one-word name the tagger read as a person is written in two capitalized parts ("[TikTok]", "[HubSpot]",
 * "[NordVPN]") and the text names no person by it: nowhere inside a longer person's name ("Jon VanDyke") nor after a
 * title or an honorific ("Mr. McFarland"), its first part no given name ("WilmaJohnson", a user's name) and no "@" before
 * it (a user's handle, "@JacobWhitesides"). That word
 * is an organisation wherever it stands as a person. A joined word of a surname's particle is left ("McCain",
 * "LeBron", "MacArthur").
 */
export function joinedCapitalsAreNoPersons(tokens: readonly Token[], tags: readonly string[]): string[] {
  let firms: Set<string> | undefined;
  const spans = bioSpans(tags);
  for (const { from, to, type } of spans) {
    const word = (tokens[from] as Token).text;
    if (type !== 'PER' || to - from !== 1 || !JOINED_CAPITALS.test(word) || SURNAME_OPENERS.test(word) || GIVEN_NAMES.has(firstPart(word)) || tokens[from - 1]?.text === '@') continue;
    (firms ??= new Set()).add(word);
  }
  return firms ? organisationsWhereNoPersons(tokens, tags, spans, firms) : (tags as string[]);
}

/**
 * What a service has and a person has not, written right after its name or its possessive ("Shopify's app store",
 * "Instagram users", "Podia's pricing", "Dell's website").
 */
const SERVICE_NOUNS: ReadonlySet<string> = new Set(
  'app apps platform platforms website users customers pricing dashboard API APIs subscribers marketplace integration integrations templates storefront checkout plugin plugins servers subscription subscriptions algorithm'.split(' '),
);

/** What a service does, the verb and the word after it ("Kajabi lets you", "Zapier integrates with", "Preply offers a free trial"). */
const SERVICE_VERBS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['lets', new Set(['you', 'users'])],
  ['allows', new Set(['you', 'users'])],
  ['integrates', new Set(['with'])],
  ['charges', new Set(['users', 'a'])],
  ['offers', new Set(['free'])],
]);

/**
 * Tags where a one-word name the tagger read as a person is written before what a service has or does ("[Shopify]'s
 * app store", "[Instagram] users", "[Kajabi] lets you", "[Preply] offers a free trial") once or more, and the text names
 * no person by it (nowhere inside a longer person's name nor after a title or an honorific: "Barack Obama ... Obama's
 * website"): that word is an organisation wherever it stands as a person.
 */
export function servicesAreNoPersons(tokens: readonly Token[], tags: readonly string[]): string[] {
  let firms: Set<string> | undefined;
  const spans = bioSpans(tags);
  for (const { from, to, type } of spans) {
    if (type !== 'PER' || to - from !== 1) continue;
    const after = isPossessive(textAt(tokens, to)) ? to + 1 : to;
    const next = textAt(tokens, after);
    const verb = after === to ? SERVICE_VERBS.get(next) : undefined;
    const object = textAt(tokens, after + 1);
    if (!SERVICE_NOUNS.has(next) && !(verb && (verb.has(object) || (object === 'a' && next === 'offers' && textAt(tokens, after + 2) === 'free')))) continue;
    (firms ??= new Set()).add((tokens[from] as Token).text);
  }
  return firms ? organisationsWhereNoPersons(tokens, tags, spans, firms) : (tags as string[]);
}

/**
 * `tags` with every one-word person span of a word of `firms` an organisation, but for the words the text names a
 * person by: inside a longer person's name, or after a title or an honorific.
 */
function organisationsWhereNoPersons(tokens: readonly Token[], tags: readonly string[], spans: ReadonlyArray<{ from: number; to: number; type: string }>, firms: Set<string>): string[] {
  for (const { from, to, type } of spans) {
    if (type !== 'PER') continue;
    const before = tokens[from - 1]?.text ?? '';
    for (let i = from; i < to; i++) {
      const word = (tokens[i] as Token).text;
      if (firms.has(word) && (to - from > 1 || HONORIFICS.has(before) || PERSON_TITLES.has(before))) firms.delete(word);
    }
  }
  if (firms.size === 0) return tags as string[];
  const out = [...tags];
  for (const { from, to, type } of spans) if (type === 'PER' && to - from === 1 && firms.has((tokens[from] as Token).text)) setSpan(out, from, to, 'ORG');
  return out;
}
