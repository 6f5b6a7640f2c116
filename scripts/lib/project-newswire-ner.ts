/**
 * Newswire written for the project with its entities labelled inline (scripts/data/project-newswire-ner.txt; the
 * project's own licence, NOTICE): documents of about ten sentences, one sentence a line, each under a line "@@ <id>",
 * names written "[PER Liu Jianchao]", "[ORG Samsung Electronics]", "[LOC Seoul]", "[MISC French]". Read into the
 * CoNLL form of the public sets (tokens as wikigold's files split them, BIO tags). About a third of the documents (by
 * md5 of the id, as the project articles split) is a dev set that is only ever measured; the rest may be trained on
 * (train-ner --project-ner W).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type ConllSentence, REPO_ROOT } from './enrichment-data.js';
import { splitByIdThird } from './project-articles.js';

export const PROJECT_NEWSWIRE_NER_FILE = resolve(REPO_ROOT, 'scripts/data/project-newswire-ner.txt');

export const NEWSWIRE_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;

export type NewswireDoc = { id: string; sentences: ConllSentence[] };

/**
 * Words whose final period is part of them (CoNLL keeps "U.S.", "Ltd.", "Mr." whole): a word with a period inside
 * ("U.S.", "a.m.") or one of these abbreviations.
 */
const ABBREVIATIONS = new Set(
  'Mr Mrs Ms Dr St Inc Ltd Co Corp Cos Jr Sr No Nos Gen Col Lt Sgt Capt Cmdr Adm Maj Sen Rep Gov Prof Rev Fr Mt Ft Bros Jan Feb Mar Apr Aug Sep Sept Oct Nov Dec vs Ave Blvd Pty Bhd Plc AG SA NV'.split(
    ' ',
  ),
);

const isAbbreviation = (w: string): boolean => w.endsWith('.') && (/^(?:[A-Za-z]\.){2,}$/.test(w) || ABBREVIATIONS.has(w.slice(0, -1)));

/**
 * A whitespace-separated word split as the CoNLL files split text: opening brackets and quotes off its front;
 * closing punctuation, brackets and quotes off its end (a final period only where the word is no abbreviation); "'s",
 * "'" after an s and "n't" off as words of their own. Hyphens, figures ("2,000", "1.5", "$500", "3-1") and
 * abbreviations stay whole. Offsets are into the word.
 */
export function splitWord(word: string): Array<{ text: string; start: number; end: number }> {
  let from = 0;
  let to = word.length;
  const head: Array<{ text: string; start: number; end: number }> = [];
  const tail: Array<{ text: string; start: number; end: number }> = [];
  while (from < to && /["'(`]/.test(word[from] as string) && !(word[from] === "'" && to - from > 1 && /^'\d0s$/.test(word.slice(from, to)))) {
    head.push({ text: word[from] as string, start: from, end: from + 1 });
    from++;
  }
  for (;;) {
    const w = word.slice(from, to);
    if (!w) break;
    const last = w[w.length - 1] as string;
    if (w.length > 1 && (/[,;:?!)"]/.test(last) || (last === "'" && !/s'$/.test(w)) || (last === '.' && !isAbbreviation(w)))) {
      tail.unshift({ text: last, start: to - 1, end: to });
      to--;
      continue;
    }
    break;
  }
  const core = word.slice(from, to);
  const clitic = /^(.+?)('s|'S|n't|')$/.exec(core);
  const out = [...head];
  if (clitic && !(clitic[2] === "'" && !/s'$/i.test(core))) {
    const stem = clitic[1] as string;
    out.push({ text: stem, start: from, end: from + stem.length }, { text: clitic[2] as string, start: from + stem.length, end: to });
  } else if (core) out.push({ text: core, start: from, end: to });
  return [...out, ...tail];
}

/**
 * One labelled line read into tokens and BIO tags. Throws, naming `where`, on a bracket that opens no "[TYPE " label,
 * an unknown type, a label inside a label, an empty label, a "]" that closes none, a label left open, or a label's edge
 * inside a word ("[LOC Seoul]-based").
 */
export function parseLabelledLine(line: string, where = 'line'): ConllSentence {
  let text = '';
  const spans: Array<{ type: string; from: number; to: number }> = [];
  let open: { type: string; from: number } | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === '[') {
      if (open) throw new Error(`${where}: a label inside a label at column ${i + 1}: ${line}`);
      const m = /^\[([A-Z]+) /.exec(line.slice(i));
      if (!m) throw new Error(`${where}: "[" opens no "[TYPE " label at column ${i + 1}: ${line}`);
      const type = m[1] as string;
      if (!(NEWSWIRE_TYPES as readonly string[]).includes(type)) throw new Error(`${where}: unknown type ${type} at column ${i + 1} (${NEWSWIRE_TYPES.join(', ')}): ${line}`);
      open = { type, from: text.length };
      i += m[0].length - 1;
    } else if (c === ']') {
      if (!open) throw new Error(`${where}: "]" closes no label at column ${i + 1}: ${line}`);
      if (!text.slice(open.from).trim() || text.slice(open.from) !== text.slice(open.from).trim()) throw new Error(`${where}: an empty label or one with spaces at its edge at column ${i + 1}: ${line}`);
      spans.push({ type: open.type, from: open.from, to: text.length });
      open = null;
    } else text += c;
  }
  if (open) throw new Error(`${where}: a label left open: ${line}`);
  const words: string[] = [];
  const tags: string[] = [];
  const starts = new Set<number>();
  for (const m of text.matchAll(/\S+/g)) {
    for (const t of splitWord(m[0])) {
      const start = (m.index as number) + t.start;
      const end = (m.index as number) + t.end;
      const span = spans.find((s) => start < s.to && end > s.from);
      if (span && (start < span.from || end > span.to)) throw new Error(`${where}: a label's edge inside the word "${m[0]}": ${line}`);
      words.push(t.text);
      starts.add(start);
      tags.push(span ? `${start === span.from ? 'B' : 'I'}-${span.type}` : 'O');
    }
  }
  for (const s of spans) if (!starts.has(s.from)) throw new Error(`${where}: label ${s.type} covers no word: ${line}`);
  // A sentence ending in an abbreviation ("... in the U.S.") ends with a period of its own, as the CoNLL files write it.
  if (words.length && isAbbreviation(words[words.length - 1] as string)) {
    words.push('.');
    tags.push('O');
  }
  return { words, tags };
}

/**
 * Every document of the set, in file order: a line "@@ <id>", then its sentences, one a line, up to the next "@@" line
 * (blank lines skipped). Comment lines ("#") stand only before the first document. Throws on a malformed head, a
 * document without sentences, a repeated id or a malformed label (parseLabelledLine, with the line's number).
 */
export function readProjectNewswire(file = PROJECT_NEWSWIRE_NER_FILE): NewswireDoc[] {
  const out: NewswireDoc[] = [];
  const ids = new Set<string>();
  let current: NewswireDoc | null = null;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, k) => {
      if (line.startsWith('@@')) {
        if (current && !current.sentences.length) throw new Error(`${file}: ${current.id} has no sentence`);
        const m = /^@@ ([a-z0-9-]+)$/.exec(line.trimEnd());
        if (!m) throw new Error(`${file}:${k + 1}: not "@@ <id>": ${line}`);
        const id = m[1] as string;
        if (ids.has(id)) throw new Error(`${file}:${k + 1}: id given twice: ${id}`);
        ids.add(id);
        current = { id, sentences: [] };
        out.push(current);
      } else if (current) {
        if (line.trim()) current.sentences.push(parseLabelledLine(line.trim(), `${file}:${k + 1}`));
      } else if (line.trim() && !line.startsWith('#')) throw new Error(`${file}:${k + 1}: text before the first document: ${line}`);
    });
  if (current && !(current as NewswireDoc).sentences.length) throw new Error(`${file}: ${(current as NewswireDoc).id} has no sentence`);
  return out;
}

/**
 * The set as train-ner splits it: the dev third by id (the rule of the project articles, inProjectArticlesDev), only
 * ever measured, and the two thirds train-ner --project-ner W may train on; each in file order.
 */
export function splitProjectNewswire(docs: readonly NewswireDoc[] = readProjectNewswire()): { train: NewswireDoc[]; dev: NewswireDoc[] } {
  return splitByIdThird(docs);
}
