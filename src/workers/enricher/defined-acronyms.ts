/**
 * Acronyms that a story defines in brackets after an organisation's name:
 * "the Australian Securities and Investments Commission (ASIC)", "Electronic
 * Data Systems (EDS)". The tagger reads the long name as an organisation but
 * types the acronym's own mentions by the word's sound ("ASIC said" a place,
 * "the PSNI" MISC), and harmonize's majority can then carry the wrong type
 * over the story. The definition decides: every mention of the acronym alone
 * in the story is the organisation.
 */
import { KNOWN_ORGS, ORG_HEAD_WORDS, PLACES } from './gazetteer.js';
import { lineBreakAfter } from './ner-tokens.js';
import { startsCapitalized, type Token } from './tokens.js';
import { beginTag, insideTag, setSpan } from './wire-conventions.js';

/** Words after an organisation's head word inside its name ("Police Service of Northern Ireland", "Department of Foreign Affairs"). */
const HEAD_FOLLOWERS: ReadonlySet<string> = new Set(['of', 'for', 'on']);

/**
 * Whether the name reads as an organisation's own: a known one, or one whose
 * head word ("Commission", "Systems"; not "District", as in "Central Business
 * District (CBD)") ends it or comes before "of" / "for" / "on" (not "Group
 * Representation Constituencies (GRC)", Singapore's constituencies).
 */
const organisationName = (name: readonly string[]): boolean =>
  KNOWN_ORGS.has(name.join(' ')) ||
  name.some((w, k) => w !== 'District' && ORG_HEAD_WORDS.has(w) && (k === name.length - 1 || HEAD_FOLLOWERS.has(name[k + 1] as string)));

/** An acronym in capitals (two to eight, "&" inside: "ASIC", "COMESA", "J&K"). */
const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,7}$/u;

/**
 * Whether `acronym` abbreviates the words `name`: it starts with the first
 * word's initial and its letters are, in order, capitals of the name ("Department
 * of Foreign Affairs and Trade" DFAT, "Securities and Exchange Board of India" SEBI).
 */
export function abbreviates(acronym: string, name: readonly string[]): boolean {
  const letters = acronym.replace(/&/g, '');
  const capitals = name.flatMap((w) => [...w].filter((c) => /\p{Lu}/u.test(c)));
  if (letters.length < 2 || capitals[0] !== letters[0] || name[0]?.[0] !== letters[0]) return false;
  let at = 0;
  for (const c of capitals) if (c === letters[at]) at++;
  return at === letters.length;
}

/** Last words of the names of treaties, laws and awards ("Nuclear Non-Proliferation Treaty (NPT)", "Detainee Treatment Act (DTA)"): MISC, as their acronyms. */
const MISC_HEADS: ReadonlySet<string> = new Set('Treaty Act Agreement Agreements Convention Declaration Accord Accords Protocol Charter Medal Prize Award'.split(' '));

/**
 * Tags where each mention of an acronym alone that the text defines after an
 * organisation's name ("Name (ACR)") is that organisation: the tagger's
 * places, persons and MISC of that word become organisations, and so does the
 * word untagged. Not when the name is a place the gazetteer knows ("New South
 * Wales (NSW)") or the acronym stands inside a longer name. An acronym defined
 * after a MISC name of a treaty, a law or an award is MISC as the name is (the
 * tagger read "NPT", "FISA", "DTA" as organisations).
 */
export function typeDefinedAcronyms(tokens: readonly Token[], tags: readonly string[]): string[] {
  const defined = new Map<string, 'ORG' | 'MISC'>();
  for (let i = 1; i + 2 < tokens.length; i++) {
    const before = tags[i - 1] as string;
    const type = before.slice(2);
    if ((tokens[i] as Token).text !== '(' || (tokens[i + 2] as Token).text !== ')' || (type !== 'ORG' && type !== 'MISC')) continue;
    let from = i - 1;
    const inside = insideTag(type);
    while (from > 0 && tags[from] === inside) from--;
    const acronym = (tokens[i + 1] as Token).text;
    const name = tokens.slice(from, i).map((t) => t.text);
    if (!ACRONYM.test(acronym) || PLACES.has(name.join(' ')) || !abbreviates(acronym, name)) continue;
    if (type === 'ORG' ? organisationName(name) : MISC_HEADS.has(name[name.length - 1] as string)) defined.set(acronym, type);
  }
  if (defined.size === 0) return tags as string[];
  const out = [...tags];
  for (let i = 0; i < out.length; i++) {
    const type = defined.get((tokens[i] as Token).text);
    if (!type) continue;
    const tag = out[i] as string;
    const alone = (tag === 'O' || tag.startsWith('B-')) && !(out[i + 1] ?? 'O').startsWith('I-');
    if (alone && tag !== beginTag(type)) setSpan(out, i, i + 1, type);
  }
  return out;
}

/** The most capitalized words taken in before a name to match its acronym. */
const LEAD_MAX = 3;
/** Lowercase words that link the parts of a name ("Liberation Tigers of Tamil Eelam", "Agency for International Development", "Sudan People's Liberation Army"). */
const NAME_LINKS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'on', 'in', "'s", '’s', 'de', 'du', 'des', 'la', 'del', 'di', 'y', 'et']);
/** The initials of a name's capitalized words ("Brain Injury Rehabilitation Trust": "BIRT"; "Bank of England": "BE"). */
const initials = (words: readonly string[]): string => words.filter((w) => startsCapitalized(w)).map((w) => w[0]).join('');

/**
 * Tags where a name followed by its acronym in brackets starts where the
 * acronym says: when the tagger left the name's first words out ("The Brain
 * [Injury Rehabilitation Trust] (BIRT)"), the untagged capitalized words
 * right before it (up to three, not a sentence's "The") join it, if the
 * acronym's letters are then exactly the initials of the name's capitalized
 * words. A name whose acronym already starts with its initial is left as it is.
 */
export function extendNamesToTheirAcronyms(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 1; i + 2 < tokens.length; i++) {
    const before = (out ?? tags)[i - 1] as string;
    if ((tokens[i] as Token).text !== '(' || (tokens[i + 2] as Token).text !== ')' || before === 'O') continue;
    const acronym = (tokens[i + 1] as Token).text;
    if (!ACRONYM.test(acronym)) continue;
    out = extendNameToItsAcronym(text, tokens, tags, out, i, before.slice(2), acronym);
  }
  return out ?? (tags as string[]);
}

/**
 * extendNamesToTheirAcronyms' part for one acronym, in brackets at `i`, after a
 * name of `type`: `out` (a copy of `tags` made when first needed) with the
 * name taken back to the words the acronym's letters stand for. A function of
 * its own, called too rarely for V8 to inline or optimize it, so that a first
 * case that unseen text brings (a linking word, an untagged head word) throws
 * away no optimized code of the loop over every token.
 */
function extendNameToItsAcronym(
  text: string,
  tokens: readonly Token[],
  tags: readonly string[],
  out: string[] | undefined,
  i: number,
  type: string,
  acronym: string,
): string[] | undefined {
  let from = i - 1;
  const inside = insideTag(type);
  while (from > 0 && (out ?? tags)[from] === inside) from--;
  const letters = acronym.replace(/&/g, '');
  const words = tokens.slice(from, i).map((t) => t.text);
  if (words[0]?.[0] === letters[0]) return out;
  let capitalized = 0;
  let linked = false;
  let whole = type;
  for (let k = 1; capitalized < LEAD_MAX && from - k >= 0; k++) {
    const w = (tokens[from - k] as Token).text;
    if (lineBreakAfter(text, tokens, from - k)) break;
    // A linking word inside the name ("Liberation Tigers of [Tamil Eelam] (LTTE)"); a possessive written apart, as tokenized
    // text writes it, reads as two tokens ("Sudan People ' s").
    if (NAME_LINKS.has(w)) {
      linked = true;
      continue;
    }
    if (w === 's' && /^['’]$/.test(tokens[from - k - 1]?.text ?? '')) {
      linked = true;
      k++;
      continue;
    }
    // The words before may be untagged, or a name of the same type the tagger found apart ("[Liberation Tigers] of [Tamil
    // Eelam]"); across a linking word, an untagged word only if it is an organisation's head word ("Association of [University
    // Teachers]", not "Member of [Parliament] (MP)", a title).
    // A place's name ending it may close an organisation's ("[Organisation for Security and Cooperation] in [Europe] (OSCE)"):
    // the whole is the organisation.
    const tag = (out ?? tags)[from - k] as string;
    const orgBeforePlace = type === 'LOC' && linked && tag.endsWith('-ORG');
    if (!startsCapitalized(w) || w === 'The' || (tag !== 'O' && tag.slice(2) !== type && !orgBeforePlace) || (linked && tag === 'O' && !ORG_HEAD_WORDS.has(w))) break;
    if (orgBeforePlace) whole = 'ORG';
    capitalized++;
    if (initials([...tokens.slice(from - k, from).map((t) => t.text), ...words]) === letters) {
      out ??= [...tags];
      setSpan(out, from - k, i, whole);
      break;
    }
  }
  return out;
}
