/**
 * Share indexes named in market news ("the S&P 500", "the FTSE 100 index", "the Nikkei average", "the Dow Jones
 * Industrial Average", "the Nasdaq Composite"): other names (MISC), as newswire annotation files them (the project's
 * newswire labels, scripts/data/project-newswire-ner.txt: "[MISC FTSE 100] index", "[MISC Nikkei] average"; wikigold's
 * training text leaves "the BEL20 index" untagged), not the organisation whose name the index carries.
 */
import type { Token } from './tokens.js';
import { setSpan, spanEnd, spanStart } from './wire-conventions.js';

/**
 * The words an index's name opens with, as tokens ("S&P", "Euro Stoxx", "S&P / ASX"). An index is known by them only
 * with its number after them (INDEX_NUMBERS: "S&P 500", "FTSE 100", "CAC 40") or a word of an index's kind
 * (INDEX_KINDS: "Nikkei average", "Hang Seng index", "Nasdaq Composite"); alone they are also a ratings agency ("S&P
 * cut its rating"), an exchange ("listed on the Nasdaq"), a publisher ("Dow Jones Newswires"), a bank ("Hang Seng
 * Bank") or a newspaper ("the Nikkei business daily"), and are left as the tagger read them.
 */
const INDEX_OPENERS: ReadonlyArray<readonly string[]> = [
  'S&P',
  'S&P / ASX',
  'S&P / TSX',
  "Standard & Poor 's",
  'Standard & Poor ’s',
  "Standard and Poor 's",
  'Standard and Poor ’s',
  'FTSE',
  'CAC',
  'Nikkei',
  'IBEX',
  'Ibex',
  'Russell',
  'Stoxx',
  'STOXX',
  'Euro Stoxx',
  'Euro STOXX',
  'ASX',
  'CSI',
  'Nifty',
  'NIFTY',
  'KOSPI',
  'Kospi',
  'DAX',
  'TecDAX',
  'MDAX',
  'Wilshire',
  'Nasdaq',
  'NASDAQ',
  'Dow Jones',
  'Dow',
  'Hang Seng',
  'TOPIX',
  'Topix',
  'Sensex',
  'SENSEX',
  'Bovespa',
  'Merval',
  'TSX',
  'AEX',
  'NZX',
  'Straits Times',
  'DJIA',
].map((s) => s.split(' '));

/** The first words of INDEX_OPENERS, to pass over every other word at once. */
const OPENING_WORDS: ReadonlySet<string> = new Set(INDEX_OPENERS.map((w) => w[0] as string));

/** The numbers of indexes' names ("S&P 500", "Nikkei 225", "Russell 2000"), not a level or a move ("the Nasdaq 2,141", "the NASDAQ 7.51"). */
const INDEX_NUMBERS: ReadonlySet<string> = new Set('20 25 30 35 40 50 100 150 200 225 250 300 350 400 500 600 1000 2000 3000 5000'.split(' '));

/** Words of an index's kind after its opening words ("Nikkei average", "S&P 500 Index", "Dow Jones industrials"). */
const INDEX_KINDS: ReadonlySet<string> = new Set('index Index INDEX indices indexes average Average averages composite Composite industrials Industrials'.split(' '));

/** Words of an index's kind written with its capital, and so part of its name ("S&P 500 Index", "Dow Jones Industrial Average", "Nasdaq Composite"). */
const NAMED_KINDS: ReadonlySet<string> = new Set('Index Average Composite Industrial Industrials Share'.split(' '));

/** The end of the opening words `words` at `i`, or -1 where they do not stand there. */
function openerEnd(tokens: readonly Token[], i: number, words: readonly string[]): number {
  for (let k = 0; k < words.length; k++) if (tokens[i + k]?.text !== words[k]) return -1;
  return i + words.length;
}

/**
 * The index's name that opens at token `i`, as [from, to), or null: the longest opening words there, then its number
 * (or the number joined on, "FTSE-100", "Nasdaq-100"), then capitalized words of its kind; and it is an index only where
 * a number or a word of its kind (INDEX_KINDS, in either case) follows the opening words.
 */
function indexAt(tokens: readonly Token[], i: number): [number, number] | null {
  const first = (tokens[i] as Token).text;
  const joined = /^(\S+)-(\d+)$/.exec(first);
  if (joined && INDEX_NUMBERS.has(joined[2] as string) && INDEX_OPENERS.some((w) => w.length === 1 && w[0] === joined[1])) return withKinds(tokens, i + 1, i, true);
  let end = -1;
  for (const words of INDEX_OPENERS) end = Math.max(end, openerEnd(tokens, i, words));
  if (end < 0) return null;
  const numbered = INDEX_NUMBERS.has(tokens[end]?.text ?? '');
  return withKinds(tokens, numbered ? end + 1 : end, i, numbered);
}

/** [from, to) carried on over capitalized words of an index's kind ("Industrial Average", "Index"), or null where neither a number stood nor a kind's word follows. */
function withKinds(tokens: readonly Token[], to: number, from: number, numbered: boolean): [number, number] | null {
  if (!numbered && !INDEX_KINDS.has(tokens[to]?.text ?? '') && !(/^[Ii]ndustrial$/.test(tokens[to]?.text ?? '') && INDEX_KINDS.has(tokens[to + 1]?.text ?? ''))) return null;
  let end = to;
  while (NAMED_KINDS.has(tokens[end]?.text ?? '')) end++;
  return [from, end];
}

/** The most words between an index named alone and the points it moved by ("the Nasdaq fell 6.83 points", "the DAX was up over 54 points"). */
const POINTS_WITHIN = 8;

/**
 * The index named by its opening words alone, as the whole of a name the tagger read, where its sentence goes on to
 * move it by points after it ("the [FTSE] had recovered 116 points", "the [Dow] having fallen by 65 points"; not "a 515
 * point drop on the TSX"), as [from, to), or null; not basis or percentage points, which rates and yields move by ("S&P
 * said spreads widened 40 basis points").
 */
function movedByPoints(tokens: readonly Token[], tags: readonly string[], i: number): [number, number] | null {
  // A person read by a surname an index shares scores points ("Russell scored 20 points"): no index.
  if (!(tags[i] as string).startsWith('B-') || tags[i] === 'B-PER') return null;
  const end = spanEnd(tags, i);
  if (!INDEX_OPENERS.some((words) => words.length === end - i && openerEnd(tokens, i, words) === end)) return null;
  for (let k = end; k < tokens.length && k <= end + POINTS_WITHIN; k++) {
    const word = (tokens[k] as Token).text;
    if (word === '.' || word === ';' || word === '?' || word === '!') return null;
    if (/^(?:points?|[\d.,]+-points?)$/.test(word)) return /^(?:basis|percentage)$/.test(tokens[k - 1]?.text ?? '') ? null : [i, end];
  }
  return null;
}

/**
 * Tags where a share index is named (an index's opening words with its number or a word of its kind: "[S&P] 500",
 * "the [FTSE] 100 index", "the [Dow Jones Industrial Average]", "the [Nasdaq Composite]", "the [Nikkei] average"; or
 * its opening words alone where its sentence moves it by points, movedByPoints): the index's name is one MISC span, with whatever name the tagger read inside it or running into it ("[BSE SENSEX]");
 * the opening words alone, which name firms and exchanges too ("S&P cut its rating", "on the Nasdaq", "Dow Jones
 * Newswires", "Dow Chemical", "Hang Seng Bank"), are left as read.
 */
export function shareIndexesAreMisc(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const word = (tokens[i] as Token).text;
    const dash = word.indexOf('-');
    if (!OPENING_WORDS.has(dash < 0 ? word : word.slice(0, dash))) continue;
    const now = out ?? tags;
    // A person's name that goes on with an index's word ("Jack Russell 20 years ago"): no index.
    if (now[i] === 'I-PER') continue;
    const found = indexAt(tokens, i) ?? movedByPoints(tokens, now, i);
    if (!found) continue;
    // A name the tagger ran into the index's name or out of it ("[BSE SENSEX]") goes with it.
    const from = spanStart(now, found[0]);
    let to = found[1];
    while (to < now.length && (now[to] as string).startsWith('I-')) to++;
    out ??= [...tags];
    setSpan(out, from, to, 'MISC');
    i = to - 1;
  }
  return out ?? (tags as string[]);
}
