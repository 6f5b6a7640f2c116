/**
 * A party's label read as a person. Election results list each candidate's
 * party in its own table cell ("|| Greg A. Pierce || Democrat || Mobile ||"),
 * and news copy writes the label before a member's name ("Liberal Gerard
 * Kennedy", "Democrat Al Gore"). The tagger read "Democrat" alone as a person
 * 470 times in English Wikinews (468 in one results table) and "Green" 98
 * times, and took the label into the name. The public sets file a party's
 * label alone as an organisation ("Labour", "Tory", "Republican": B-ORG), as
 * the tagger already reads "Republican" in the same tables.
 */
import { startsCapitalized, type Token } from './tokens.js';
import { spanEnd } from './wire-conventions.js';

/** A party's label as a word: its member's noun or the party's short name. */
const PARTY_LABELS: ReadonlySet<string> = new Set(
  'Democrat Democrats Republican Republicans Libertarian Libertarians Green Greens Labour Tory Tories Liberal Liberals Conservative Conservatives'.split(' '),
);

/** Labels written before a member's name ("Democrat Al Gore"), singular only. */
const LABELS_BEFORE_NAMES: ReadonlySet<string> = new Set('Democrat Republican Libertarian Green Labour Tory Liberal Conservative'.split(' '));

/** Words after "Green" that make it the party's ("the Green party", "any Green candidate"), as a colour, a surname or a cause it is none ("Green card", "Green IT", "Green groups", "Green is not"). */
const GREEN_PARTY_NOUNS: ReadonlySet<string> = new Set('party Party candidate candidates member members leader MP MPs MSP MSPs senator senators Senator Senators representation message vote votes seat seats'.split(' '));
const WORD = /^[\p{L}\p{N}]/u;

/** Whether the word at i may be a party's label: "Green" only before a party's noun, a punctuation mark or the text's end. */
const maybeLabel = (tokens: readonly Token[], i: number): boolean => {
  if ((tokens[i] as Token).text !== 'Green') return true;
  const next = tokens[i + 1]?.text;
  return next === undefined || !WORD.test(next) || GREEN_PARTY_NOUNS.has(next);
};

/**
 * Tags where a party's label is no person: one word of PARTY_LABELS tagged a
 * person or a place alone is an organisation, and a person's name of three
 * words or more opening with a singular label ("Liberal Gerard Kennedy")
 * loses it to an organisation of its own. A label that is a word of a person
 * the text names in several words ("Michael Green ... Green met") is left.
 */
export function partyLabelsAreNoPersons(tokens: readonly Token[], tags: readonly string[]): string[] {
  let found = false;
  for (const t of tokens) if (PARTY_LABELS.has(t.text)) { found = true; break; }
  if (!found) return tags as string[];
  const inNames = new Set<string>();
  for (let i = 0; i < tags.length; i++) {
    if (tags[i] !== 'B-PER') continue;
    const j = spanEnd(tags, i);
    if (j - i < 2) continue;
    // The label a name opens with ("Liberal Gerard Kennedy") is no word of the person's.
    const from = j - i >= 3 && LABELS_BEFORE_NAMES.has((tokens[i] as Token).text) ? i + 1 : i;
    for (let k = from; k < j; k++) inNames.add((tokens[k] as Token).text);
  }
  const out = [...tags];
  for (let i = 0; i < out.length; i++) {
    const word = (tokens[i] as Token).text;
    const tag = out[i] as string;
    if (!PARTY_LABELS.has(word) || inNames.has(word)) continue;
    if (maybeLabel(tokens, i) && (tag === 'B-PER' || tag === 'B-LOC') && !(out[i + 1] ?? 'O').startsWith('I-')) out[i] = 'B-ORG';
    else if (tag === 'B-PER' && LABELS_BEFORE_NAMES.has(word) && out[i + 1] === 'I-PER' && out[i + 2] === 'I-PER') {
      const next = (tokens[i + 1] as Token).text;
      if (!startsCapitalized(next) || PARTY_LABELS.has(next)) continue;
      out[i] = 'B-ORG';
      out[i + 1] = 'B-PER';
    }
  }
  return out;
}
