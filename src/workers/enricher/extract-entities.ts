import type { Entities, Entity } from '../../store/types.js';
import {
  DEMONYMS,
  GIVEN_NAMES,
  HONORIFICS,
  KNOWN_ORGS,
  NON_ENTITY_WORDS,
  ORG_HEAD_WORDS,
  PERSON_TITLES,
  PLACES,
} from './gazetteer.js';
import { sentenceStarts, STOPWORDS, type Token, tokenize } from './tokens.js';

export type EntityKind = 'person' | 'place' | 'organisation';

/** One typed mention before merging. */
export type Mention = { kind: EntityKind | 'unknown'; name: string; start: number; end: number; surnameOnly?: boolean };

export type ExtractEntitiesOptions = {
  /** Most entities kept per kind (by salience). Default 25. */
  maxPerKind?: number;
};

const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'da', 'van', 'von', 'der', 'al', 'bin', 'la', 'le', 'du', 'y', 'on']);
const PERSON_CONTEXT_AFTER = new Set(['said', 'says', 'told', 'added', 'adds', 'stated', 'noted', 'argued', 'wrote', 'announced', 'insisted', 'explained', 'who', 'whose']);
const PLACE_CONTEXT_BEFORE = new Set(['in', 'at', 'from', 'to', 'near', 'outside', 'across', 'throughout', 'into', 'visiting', 'visited']);

const isCapitalized = (w: string): boolean => /^[\p{Lu}]/u.test(w) || /^\p{N}+\p{Lu}/u.test(w);
const stripPossessive = (w: string): { word: string; possessive: boolean } => {
  const m = /^(.*?)(?:['’]s|s['’])$/u.exec(w);
  if (m && m[1] && m[1].length > 1) {
    return { word: w.endsWith("s'") || w.endsWith('s’') ? w.slice(0, -1) : (m[1] as string), possessive: true };
  }
  return { word: w, possessive: false };
};
const titleCase = (w: string): string => (w.length > 1 ? w[0] + w.slice(1).toLowerCase() : w);
const isAllCaps = (w: string): boolean => /^[\p{Lu}\p{N}.&'’-]+$/u.test(w) && /\p{Lu}{2}/u.test(w);

type Chunk = { tokens: Token[]; words: string[] };

/** Capitalized runs (with inner connectors like "of"), split at punctuation and line breaks. */
function chunkProperNouns(text: string, tokens: readonly Token[], lowercaseSeen: ReadonlySet<string>): Chunk[] {
  const starts = sentenceStarts(text);
  const chunks: Chunk[] = [];
  let cur: Chunk = { tokens: [], words: [] };
  const flush = () => {
    // Drop trailing connectors.
    while (cur.words.length && CONNECTORS.has(cur.words[cur.words.length - 1] as string)) {
      cur.words.pop();
      cur.tokens.pop();
    }
    if (cur.words.length) chunks.push(cur);
    cur = { tokens: [], words: [] };
  };
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    const prev = tokens[i - 1];
    const gap = prev ? text.slice(prev.end, tok.start) : '';
    const joined = cur.words.length > 0 && /^[ \u00a0]$/.test(gap);
    if (!joined) flush();
    const { word, possessive } = stripPossessive(tok.text);
    const cap = isCapitalized(word);
    if (cap) {
      const atSentenceStart = starts.has(tok.start) || starts.has(tok.start - 1) || /["“‘(]$/.test(text.slice(Math.max(0, tok.start - 1), tok.start));
      const lower = word.toLowerCase();
      const commonWord = STOPWORDS.has(lower) || NON_ENTITY_WORDS.has(word) || (atSentenceStart && lowercaseSeen.has(lower));
      if (commonWord && cur.words.length === 0 && !PLACES.has(word) && !KNOWN_ORGS.has(word) && !DEMONYMS.has(word)) {
        continue;
      }
      if (NON_ENTITY_WORDS.has(word) && !HONORIFICS.has(word) && !PERSON_TITLES.has(word)) {
        flush();
        continue;
      }
      cur.tokens.push({ text: word, start: tok.start, end: tok.start + word.length });
      cur.words.push(word);
      if (possessive) flush();
    } else if (cur.words.length > 0 && CONNECTORS.has(word) && tokens[i + 1] && isCapitalized(tokens[i + 1]?.text ?? '') && text.slice(tok.end, tokens[i + 1]?.start).trim() === '') {
      cur.tokens.push(tok);
      cur.words.push(word);
    } else {
      flush();
    }
  }
  flush();
  return chunks;
}

/** Looks a name up as written, then title-cased when it is in capitals ("BEIJING"). */
function lookup<T>(map: ReadonlyMap<string, T>, name: string): T | undefined {
  return map.get(name) ?? (isAllCaps(name) ? map.get(name.split(' ').map(titleCase).join(' ')) : undefined);
}

/** Types one segment of a chunk (a run of tokens without role words). */
function classify(words: string[], ctx: { before: string; after: string; afterTitle: boolean }): { kind: Mention['kind']; name: string } | null {
  const name = words.join(' ');
  if (!name) return null;
  const org = lookup(KNOWN_ORGS, name);
  if (org) return { kind: 'organisation', name: org };
  const place = lookup(PLACES, name);
  if (place) return { kind: 'place', name: place.canonical };
  if (DEMONYMS.has(name) || DEMONYMS.has(titleCase(name))) return null;
  if (words.some((w) => ORG_HEAD_WORDS.has(w)) && words.length >= 2) return { kind: 'organisation', name };
  if (words.length === 1 && ORG_HEAD_WORDS.has(words[0] as string)) return null;
  if (ctx.afterTitle) return { kind: 'person', name };
  if (isAllCaps(name) && words.length === 1 && name.length <= 6) return { kind: 'organisation', name };
  const first = words[0] as string;
  const allNameLike = words.every((w) => /^[\p{Lu}][\p{L}'’.-]*$/u.test(w) && !STOPWORDS.has(w.toLowerCase()));
  if (GIVEN_NAMES.has(first) && words.length >= 2 && allNameLike) return { kind: 'person', name };
  if (words.length >= 2 && words.length <= 4 && allNameLike && PERSON_CONTEXT_AFTER.has(ctx.after)) return { kind: 'person', name };
  if (words.length === 1 && PLACE_CONTEXT_BEFORE.has(ctx.before)) return { kind: 'unknown', name };
  if (words.length >= 2 && words.length <= 3 && allNameLike) return { kind: 'person', name };
  return { kind: 'unknown', name };
}

/** Splits a chunk at role words ("Chinese Foreign Ministry Spokesman Liu Jianchao") and types each part. */
function mentionsOfChunk(chunk: Chunk, text: string): Mention[] {
  const out: Mention[] = [];
  const words = chunk.words;
  const toks = chunk.tokens;
  const wordBefore = (i: number) => {
    const t = toks[i];
    if (!t) return '';
    const m = /(\p{L}+)\W*$/u.exec(text.slice(Math.max(0, t.start - 30), t.start));
    return m?.[1]?.toLowerCase() ?? '';
  };
  const wordAfter = (j: number) => {
    const t = toks[j];
    if (!t) return '';
    const m = /^\W*(\p{L}+)/u.exec(text.slice(t.end, t.end + 30));
    return m?.[1]?.toLowerCase() ?? '';
  };
  const emit = (from: number, to: number, afterTitle: boolean, honorific: boolean) => {
    // Trim connectors and role words at both ends.
    while (from < to && (CONNECTORS.has(words[from] as string) || HONORIFICS.has(words[from] as string))) from++;
    while (to > from && (CONNECTORS.has(words[to - 1] as string) || PERSON_TITLES.has(words[to - 1] as string))) to--;
    if (to <= from) return;
    const seg = words.slice(from, to);
    const startTok = toks[from] as Token;
    const endTok = toks[to - 1] as Token;
    // A demonym in front of an organisation stays ("Chinese Foreign Ministry"); in front of anything else it goes.
    const c = classify(seg, { before: wordBefore(from), after: wordAfter(to - 1), afterTitle });
    if (!c) {
      return;
    }
    if (c.kind === 'person' && honorific && seg.length === 1) {
      out.push({ kind: 'person', name: c.name, start: startTok.start, end: endTok.end, surnameOnly: true });
      return;
    }
    if (c.kind !== 'organisation' && c.kind !== 'place' && seg.length >= 2 && DEMONYMS.has(seg[0] as string)) {
      emit(from + 1, to, afterTitle, honorific);
      return;
    }
    out.push({ kind: c.kind, name: c.name, start: startTok.start, end: endTok.end });
  };

  // Whole-chunk gazetteer hits first.
  const whole = words.join(' ');
  if (lookup(KNOWN_ORGS, whole) || lookup(PLACES, whole)) {
    emit(0, words.length, false, false);
    return out;
  }
  // Person part: the longest suffix of non-role words that follows a role word or honorific.
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1] as string;
    if (PERSON_TITLES.has(w) || HONORIFICS.has(w) || ORG_HEAD_WORDS.has(w) || CONNECTORS.has(w) || DEMONYMS.has(w) || PLACES.has(w)) break;
    i--;
  }
  const roleBefore = i > 0 && i < words.length && (PERSON_TITLES.has(words[i - 1] as string) || HONORIFICS.has(words[i - 1] as string));
  if (roleBefore && words.length - i <= 4) {
    const honorific = HONORIFICS.has(words[i - 1] as string) && (i === 1 || !PERSON_TITLES.has(words[i - 2] as string) || HONORIFICS.has(words[i - 2] as string));
    // Everything before the role words is an organisation or place ("Chinese Foreign Ministry").
    let j = i - 1;
    while (j > 0 && (PERSON_TITLES.has(words[j - 1] as string) || HONORIFICS.has(words[j - 1] as string)) && !ORG_HEAD_WORDS.has(words[j - 1] as string)) j--;
    if (j > 0) emit(0, j, false, false);
    emit(i, words.length, true, honorific);
    return out;
  }
  // "Foreign Ministry spokesman" style: split where a known place or org ends and another name begins.
  emit(0, words.length, false, false);
  return out;
}

/** Words that occur in lowercase somewhere in the text (so a capitalized one at a sentence start is ordinary). */
function lowercaseWords(tokens: readonly Token[]): Set<string> {
  const s = new Set<string>();
  for (const t of tokens) if (/^\p{Ll}/u.test(t.text)) s.add(t.text.toLowerCase());
  return s;
}

type Group = { kind: EntityKind; name: string; mentions: number; offset: number; weight: number };

/**
 * People, places and organisations in an article: a proper-noun chunker typed
 * by gazetteers (countries, capitals, demonyms, organisation head words, person
 * titles), with variants merged ("Mr. Liu" -> "Liu Jianchao", "Foreign
 * Ministry" -> "Chinese Foreign Ministry", "U.S." -> "United States").
 */
export function extractEntities(article: { title: string; text: string }, opts: ExtractEntitiesOptions = {}): Entities {
  const text = article.text;
  const tokens = tokenize(text);
  const lowerSeen = lowercaseWords(tokens);
  const mentions: Mention[] = [];
  for (const chunk of chunkProperNouns(text, tokens, lowerSeen)) mentions.push(...mentionsOfChunk(chunk, text));
  return mergeMentions(mentions, article, opts.maxPerKind ?? 25);
}

/** Merges typed mentions into entities and scores their salience. Exported for tests. */
export function mergeMentions(mentions: readonly Mention[], article: { title: string; text: string }, maxPerKind = 25): Entities {
  const textLength = Math.max(1, article.text.length);
  const titleLower = article.title.toLowerCase();
  const groups = new Map<string, Group>();
  const keyOf = (kind: EntityKind, name: string) => `${kind}\u0000${name}`;
  const add = (kind: EntityKind, name: string, start: number) => {
    const key = keyOf(kind, name);
    const g = groups.get(key) ?? { kind, name, mentions: 0, offset: start, weight: 0 };
    g.mentions += 1;
    g.offset = Math.min(g.offset, start);
    // Early mentions weigh more (lead paragraph), later ones less.
    g.weight += 1 + 0.5 * (1 - start / textLength);
    groups.set(key, g);
  };

  const full = mentions.filter((m) => m.kind !== 'unknown' && !m.surnameOnly) as Array<Mention & { kind: EntityKind }>;
  for (const m of full) add(m.kind, m.name, m.start);

  // Full people names by each of their parts, to resolve "Liu" / "Mr. Liu".
  const peopleByPart = new Map<string, Set<string>>();
  for (const g of groups.values()) {
    if (g.kind !== 'person') continue;
    const parts = g.name.split(' ');
    for (const p of [parts[parts.length - 1], parts[0]]) {
      if (!p) continue;
      const set = peopleByPart.get(p) ?? new Set<string>();
      set.add(g.name);
      peopleByPart.set(p, set);
    }
  }
  // Organisations whose name ends a longer one ("Foreign Ministry" in "Chinese Foreign Ministry").
  const orgNames = [...groups.values()].filter((g) => g.kind === 'organisation').map((g) => g.name);
  for (const name of orgNames) {
    const longer = orgNames.filter((o) => o !== name && o.endsWith(` ${name}`));
    const target = longer[0];
    if (longer.length === 1 && target) {
      const from = groups.get(keyOf('organisation', name));
      const to = groups.get(keyOf('organisation', target));
      if (from && to) {
        to.mentions += from.mentions;
        to.weight += from.weight;
        to.offset = Math.min(to.offset, from.offset);
        groups.delete(keyOf('organisation', name));
      }
    }
  }

  for (const m of mentions) {
    if (m.kind !== 'unknown' && !m.surnameOnly) continue;
    const candidates = peopleByPart.get(m.name);
    if (candidates && candidates.size === 1) {
      add('person', [...candidates][0] as string, m.start);
    } else if (m.surnameOnly) {
      add('person', m.name, m.start);
    }
  }

  const entityOf = (g: Group): Entity => {
    const inTitle = titleLower.includes(g.name.toLowerCase()) ? 1.5 : 0;
    const salience = 1 - Math.exp(-(g.weight + inTitle) / 4);
    return { name: g.name, mentions: g.mentions, salience: Number(salience.toFixed(3)), offset: g.offset };
  };
  const byKind = (kind: EntityKind): Entity[] =>
    [...groups.values()]
      .filter((g) => g.kind === kind)
      .map(entityOf)
      .sort((a, b) => b.salience - a.salience || a.offset - b.offset)
      .slice(0, maxPerKind);
  return { people: byKind('person'), places: byKind('place'), organisations: byKind('organisation') };
}
