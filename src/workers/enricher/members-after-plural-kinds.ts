/**
 * Organisations named as a list after their kind in the plural: "the unions CGIL and UIL", "the carmakers BMW, Daimler
 * and Volkswagen", "the banks Barclays and HSBC". News lists persons and places after other nouns ("the ministers …",
 * "the cities …"), so each name of such a list is an organisation, however the tagger read it.
 */
import { DEMONYMS, GIVEN_NAMES, PLACES, WEEKDAYS_AND_MONTHS } from './gazetteer.js';
import { nameText } from './kind-nouns.js';
import { type WordStats, writtenLowercase } from './ner-features.js';
import { startsCapitalized, textAt, type Token } from './tokens.js';
import { setSpan, spanEnd } from './wire-conventions.js';

/** Organisations' kinds in the plural whose list of capitalized names after them names organisations. */
const PLURAL_KINDS: ReadonlySet<string> = new Set(
  (
    'companies firms banks lenders insurers retailers supermarkets airlines carriers carmakers automakers drugmakers ' +
    'chipmakers manufacturers newspapers magazines dailies tabloids broadcasters agencies regulators unions parties ' +
    'clubs bands networks channels charities organisations organizations startups brokerages utilities conglomerates'
  ).split(' '),
);

/** The most words of one name in such a list. */
const MEMBER_NAME_MAX = 4;

/** Where the name starting at `i` ends (its span, or its run of untagged capitalized words), or -1 where none starts. */
function memberEnd(tokens: readonly Token[], tags: readonly string[], i: number, stats: WordStats | undefined): number {
  const w = textAt(tokens, i);
  // A day or a month is no name here ("the parties Monday and Tuesday": when they met).
  if (!startsCapitalized(w) || writtenLowercase(w, stats) || WEEKDAYS_AND_MONTHS.has(w)) return -1;
  const tag = tags[i] as string;
  if (tag.startsWith('B-')) return spanEnd(tags, i);
  if (tag !== 'O') return -1;
  let j = i + 1;
  while (j < tokens.length && tags[j] === 'O' && startsCapitalized(textAt(tokens, j))) j++;
  return j;
}

/**
 * Tags as organisations the names of a list right after an organisation's kind in the plural ("The unions [CGIL] and
 * [UIL]"): two names or more, joined by commas and a last "and" / "or". A name the gazetteer knows as a place or a
 * people, or a person's name opening with a given name, stays as read; a list that does not close so is left whole.
 */
export function membersAfterPluralKinds(tokens: readonly Token[], tags: readonly string[], stats?: WordStats): string[] {
  let out: string[] | undefined;
  for (let k = 0; k + 3 < tokens.length; k++) {
    if (!PLURAL_KINDS.has(textAt(tokens, k)) || tags[k] !== 'O') continue;
    const members: Array<[number, number]> = [];
    let i = k + 1;
    let joined = false;
    let closed = false;
    for (;;) {
      const j = memberEnd(tokens, tags, i, stats);
      if (j < 0 || j - i > MEMBER_NAME_MAX) break;
      members.push([i, j]);
      if (joined) {
        closed = true;
        break;
      }
      const sep = textAt(tokens, j);
      if (sep === 'and' || sep === 'or') joined = true;
      else if (sep !== ',') break;
      i = j + 1;
    }
    if (!closed) continue;
    const last = members[members.length - 1] as [number, number];
    for (const [from, to] of members) {
      const name = nameText(tokens, from, to);
      const tag = tags[from] as string;
      if (tag === 'B-ORG' || PLACES.has(name) || DEMONYMS.has(name) || (tag === 'B-PER' && GIVEN_NAMES.has(textAt(tokens, from)) && to > from + 1)) continue;
      out ??= [...tags];
      setSpan(out, from, to, 'ORG');
    }
    k = last[1] - 1;
  }
  return out ?? (tags as string[]);
}
