/**
 * Lines written all in capitals (wire headlines: "SOCCER - JAPAN BEAT SYRIA IN
 * ASIAN CUP OPENER.", "BRUSSELS 1996-08-22") and the capitals that open a line
 * before a comma, a bracket or a dash (datelines: "AL-AIN, United Arab
 * Emirates", "KINSHASA (Reuters) -") hide the capitalisation the tagger reads
 * names by. Before tagging, each word there is written the way it usually is:
 * as the same text writes it elsewhere (in capitals anywhere, so that speaker
 * labels such as "MARTINEZ-BELTRAN:" keep a name in capitals; other forms away
 * from a sentence's start), else by the word statistics' capitalisation bucket
 * (always, mostly or mixed: "Japan"; rarely or never: "beat"), an acronym the
 * gazetteer knows only in capitals staying so ("NBA"), and a fixture's "V"
 * or "VS" between two words in lower case. Only the case changes,
 * so offsets stay the same.
 *
 * Pure: text and tokens in, text out.
 */
import { codeCap, type NameGazetteer } from './ner-features.js';
import { tokenLines } from './ner-tokens.js';
import type { Token } from './tokens.js';

/** Capitalisation buckets (ner-features.ts CAP_BUCKETS) of words written capitalised. */
const CAPITALISED = new Set(['A', 'M', 'H']);
/** ... and of words written in lower case. */
const LOWER = new Set(['R', 'N']);

const hasLetters2 = (w: string) => /\p{L}.*\p{L}/u.test(w);
const isUpperWord = (w: string) => hasLetters2(w) && w === w.toUpperCase() && w !== w.toLowerCase();

/** "AL-AIN" -> "Al-Ain", "O'NEILL" -> "O'Neill", "DON'T" -> "Don't". */
export function capitalise(word: string): string {
  const lower = word.toLowerCase();
  let out = '';
  let upNext = true;
  for (let i = 0; i < lower.length; i++) {
    const c = lower[i] as string;
    out += upNext ? c.toUpperCase() : c;
    upNext = c === '-' || ((c === "'" || c === '’') && i === 1 && /\p{L}{2}/u.test(lower.slice(i + 1, i + 3)));
  }
  return out;
}

/**
 * The tokens of the line [from, to) that are written in capitals: the whole
 * line when no word in it has a lower-case letter and one word of two letters
 * or more is in capitals; else the words in capitals that open it when a comma,
 * a bracket or a dash follows them (a dateline); else none (`from`).
 */
function capsEnd(tokens: readonly Token[], from: number, to: number): number {
  let upper = 0;
  let lead = -1;
  for (let i = from; i < to; i++) {
    const w = (tokens[i] as Token).text;
    if (!/\p{L}/u.test(w)) {
      if (lead < 0) lead = i;
      continue;
    }
    if (w !== w.toUpperCase()) {
      if (lead < 0) lead = i;
      return lead > from && DATELINE_END.has((tokens[lead] as Token).text) && isUpperWord((tokens[lead - 1] as Token).text) ? lead : from;
    }
    if (isUpperWord(w)) upper++;
  }
  return upper >= 1 ? to : from;
}

/** What ends the place of a dateline. */
const DATELINE_END = new Set([',', '(', '-', '–', '—']);

/** What stands between the sides of a fixture, in capitals. */
const FIXTURE_JOINS = new Set(['V', 'V.', 'VS', 'VS.']);

const SENTENCE_END = new Set(['.', '!', '?', ':', '"', '“', '”']);

/**
 * `text` with its all-capitals lines written in ordinary case for the tagger
 * (the same length; the same text when it has none), and its tokens' texts to match.
 */
export function truecaseCapsLines(text: string, tokens: readonly Token[], gazetteer: NameGazetteer): { text: string; tokens: readonly Token[] } {
  const lines = tokenLines(text, tokens);
  const caps: Array<[number, number]> = [];
  for (const [f, t] of lines) {
    const end = capsEnd(tokens, f, t);
    if (end > f) caps.push([f, end]);
  }
  if (caps.length === 0) return { text, tokens };

  // How the rest of the text writes each word, away from a sentence's start.
  const inCaps = new Uint8Array(tokens.length);
  for (const [f, t] of caps) inCaps.fill(1, f, t);
  const seen = new Map<string, Map<string, number>>();
  for (const [f, t] of lines) {
    for (let i = f; i < t; i++) {
      const w = (tokens[i] as Token).text;
      // A sentence's first word is capitalised whatever it is; one in capitals is written so.
      if (inCaps[i] || !hasLetters2(w) || ((i === f || SENTENCE_END.has((tokens[i - 1] as Token).text)) && !isUpperWord(w))) continue;
      const key = w.toLowerCase();
      const forms = seen.get(key) ?? new Map<string, number>();
      forms.set(w, (forms.get(w) ?? 0) + 1);
      seen.set(key, forms);
    }
  }

  const formOf = (word: string): string => {
    const lower = word.toLowerCase();
    const forms = seen.get(lower);
    if (forms) return [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] as string;
    const cap = capitalise(word);
    const acronym = gazetteer.names.get(word) !== undefined && gazetteer.names.get(cap) === undefined;
    const code = gazetteer.stats?.get(lower);
    const bucket = code ? codeCap(code) : '?';
    if (CAPITALISED.has(bucket)) return acronym ? word : cap;
    if (LOWER.has(bucket)) return acronym && word.length <= 3 ? word : lower;
    // Unknown to the statistics: a name more often than not.
    return acronym ? word : cap;
  };

  let out = '';
  let at = 0;
  const cased = [...tokens];
  for (const [f, t] of caps) {
    for (let i = f; i < t; i++) {
      const tok = tokens[i] as Token;
      // "ENGLAND V PAKISTAN": the fixture's "v" or "vs" between two words, which a name is not.
      const fixture = FIXTURE_JOINS.has(tok.text) && i > f && i + 1 < t;
      if (!isUpperWord(tok.text) && !fixture) continue;
      let form = fixture ? tok.text.toLowerCase() : formOf(tok.text);
      // The line's first word starts a sentence.
      if (i === f && form === form.toLowerCase()) form = capitalise(form);
      if (form === tok.text || form.length !== tok.text.length) continue;
      out += text.slice(at, tok.start) + form;
      at = tok.end;
      // Written as every tokenizer writes a token: a copy by spreading has another hidden class, and the passes that read
      // tokens of both kinds read them through a slower, polymorphic or megamorphic, inline cache.
      cased[i] = { text: form, start: tok.start, end: tok.end };
    }
  }
  if (at === 0) return { text, tokens };
  return { text: out + text.slice(at), tokens: cased };
}
