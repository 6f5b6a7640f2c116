import type { Entities, Entity } from '../../store/types.js';
import {
  CLUB_HEADS,
  DEMONYMS,
  GIVEN_NAMES,
  HONORIFICS,
  RULE_ORGS,
  MISC_HEAD_FIRST,
  MISC_HEAD_WORDS,
  NAME_OPENERS,
  NAME_PREFIXES,
  NON_ENTITY_WORDS,
  ORG_HEAD_WORDS,
  RULE_PERSON_TITLES,
  PLACE_HEAD_FIRST,
  PLACE_HEAD_WORDS,
  PLACES,
} from './gazetteer.js';
import { sentenceStarts, startsCapitalized, startsLowercase, STOPWORDS, type Token, tokenize } from './tokens.js';

export type EntityKind = 'person' | 'place' | 'organisation';

/** One typed mention before merging. 'unknown' ones are resolved against the others (surnames, short forms) or by context. */
export type Mention = {
  kind: EntityKind | 'unknown';
  name: string;
  start: number;
  end: number;
  /** "Mr. Liu": a person's surname after an honorific. */
  surnameOnly: boolean;
  /** Preceded by "in", "at", "from"...: a place if nothing else claims it. */
  placeContext: boolean;
  /** An all-capitals short form ("ISRO"): an organisation if its initials match one, or the context says so. */
  acronym: boolean;
  orgContext: boolean;
  /** Follows "and" / "or": takes the kind of the name just before if nothing else claims it. */
  coordinated: boolean;
};

/**
 * A mention with every field set, in one order, so that all mentions share one shape (V8 reads a field of mentions
 * built with different optional fields through a megamorphic inline cache).
 */
export function newMention(kind: Mention['kind'], name: string, start: number, end: number, surnameOnly = false): Mention {
  return { kind, name, start, end, surnameOnly, placeContext: false, acronym: false, orgContext: false, coordinated: false };
}

const KNOWN_ORG_NAMES: ReadonlySet<string> = new Set(RULE_ORGS.values());

/** A mention as it ends up: its span and the merged entity's kind and name. */
export type ResolvedMention = { kind: EntityKind; entity: string; start: number; end: number };

export type ExtractEntitiesOptions = {
  /** Most entities kept per kind (by salience). Default 25. */
  maxPerKind?: number;
  /** tokenize(article.text), when the caller already has it. */
  tokens?: readonly Token[];
  /**
   * Keep only names the gazetteers know (countries, cities, regions, listed
   * organisations). For text not in English, where capitalization says less
   * (German capitalizes every noun) and the head words do not apply.
   */
  gazetteerOnly?: boolean;
};

const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'da', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'di', 'on', 'and', '&']);
/** Lowercase particles inside names: "Rio de Janeiro", "Lula da Silva", "Ludwig van Beethoven". */
const NAME_PARTICLES = new Set(['de', 'del', 'da', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'di']);
const NAME_PARTICLE = /^(?:al|el|ad|ash|as|bin|ibn|abu|van|von|de|da|di|du|le|la|der|den|ter|dos|das)-?\p{Lu}/u;
const PERSON_CONTEXT_AFTER = new Set(['said', 'says', 'told', 'added', 'adds', 'stated', 'noted', 'argued', 'wrote', 'announced', 'insisted', 'explained', 'who', 'whose', 'urged', 'warned', 'called']);
const PLACE_CONTEXT_BEFORE = new Set(['in', 'at', 'from', 'near', 'outside', 'across', 'throughout', 'into', 'visiting', 'visited', 'toward', 'towards']);
const PLACE_CONTEXT_AFTER = new Set(['region', 'province', 'state', 'county', 'district', 'river', 'city', 'town', 'village', 'area', 'valley', 'border', 'coast']);
const ORG_CONTEXT_AROUND = new Set(['union', 'party', 'agency', 'group', 'company', 'authority', 'service', 'regulator', 'firm', 'bank', 'organization', 'organisation', 'alliance', 'network', 'institute', 'broadcaster', 'the']);
const CONNECTOR_AFTER = new Set(['House', 'Republic', 'Kingdom', 'Federation', 'Bank', 'Isle', 'City', 'Gulf', 'Bay', 'Sea', 'Province', 'State', 'States', 'Council']);
const HYPHEN_SUFFIX = /^(.+?)-(?:based|born|led|backed|owned|run|made|bound|style|area|wide|listed|registered|headquartered)$/u;

function isCapitalized(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 97 && c <= 122) return w.length > 3 && (w[2] === '-' || w[3] === '-' || w.startsWith('bin') || w.startsWith('ibn')) && NAME_PARTICLE.test(w);
  if (c >= 48 && c <= 57) return /^\p{N}+\p{Lu}/u.test(w);
  return /^\p{Lu}/u.test(w);
}
const isJoinGap = (text: string, end: number, start: number): boolean => start === end + 1 && (text[end] === ' ' || text[end] === '\u00a0');
const titleCase = (w: string): string => (w.length > 1 ? (w[0] as string) + w.slice(1).toLowerCase() : w);
const isAllCaps = (w: string): boolean => /^[\p{Lu}\p{N}.&'’-]+$/u.test(w) && /\p{Lu}{2}/u.test(w);
const isAcronym = (w: string): boolean => /^[\p{Lu}][\p{Lu}\p{N}&.]{1,6}$/u.test(w) && /\p{Lu}{2}|\p{Lu}\.\p{Lu}/u.test(w);

function stripPossessive(w: string): { word: string; possessive: boolean } {
  const last = w[w.length - 1];
  if (w.length > 3 && last === 's' && (w[w.length - 2] === "'" || w[w.length - 2] === '’')) return { word: w.slice(0, -2), possessive: true };
  if (w.length > 3 && (last === "'" || last === '’') && w[w.length - 2] === 's') return { word: w.slice(0, -1), possessive: true };
  return { word: w, possessive: false };
}

/** Looks a name up as written, then title-cased when it is in capitals ("BEIJING"). */
function lookup<T>(map: ReadonlyMap<string, T>, name: string): T | undefined {
  return map.get(name) ?? (isAllCaps(name) && name.length > 3 ? map.get(name.split(' ').map(titleCase).join(' ')) : undefined);
}

type Chunk = { tokens: Token[]; words: string[] };

const mayConnect = (prev: string): boolean =>
  ORG_HEAD_WORDS.has(prev) || PLACE_HEAD_WORDS.has(prev) || PLACE_HEAD_FIRST.has(prev) || RULE_PERSON_TITLES.has(prev) || CONNECTOR_AFTER.has(prev);

/** The marks after which a capitalized word is read as at a sentence's start: a quote or an opening bracket. */
const OPENING_MARKS: ReadonlySet<string> = new Set(['"', '“', '‘', '(']);

/** Capitalized runs (with inner connectors like "of"), split at punctuation and line breaks. */
function chunkProperNouns(text: string, tokens: readonly Token[], lowercaseSeen: ReadonlySet<string>): Chunk[] {
  const starts = sentenceStarts(text);
  const chunks: Chunk[] = [];
  let cur: Chunk = { tokens: [], words: [] };
  const flush = () => {
    while (cur.words.length && CONNECTORS.has(cur.words[cur.words.length - 1] as string)) {
      cur.words.pop();
      cur.tokens.pop();
    }
    if (cur.words.length) chunks.push(cur);
    cur = { tokens: [], words: [] };
  };
  for (let i = 0; i < tokens.length; i++) {
    const raw = tokens[i] as Token;
    // Not tokens[-1] at the first token: V8 reads index -1 as a property's name, and the read then takes the slow,
    // generic path for every token.
    const prev = i > 0 ? tokens[i - 1] : undefined;
    if (cur.words.length > 0 && !(prev && isJoinGap(text, prev.end, raw.start))) flush();
    const { word: w0, possessive } = stripPossessive(raw.text);
    const hyphen = w0.includes('-') ? HYPHEN_SUFFIX.exec(w0) : null;
    const word = hyphen ? (hyphen[1] as string) : w0;
    const tok: Token = { text: word, start: raw.start, end: raw.start + word.length };
    const next = tokens[i + 1];
    const nextJoined = next !== undefined && isJoinGap(text, raw.end, next.start);
    if (isCapitalized(word)) {
      const atSentenceStart = starts.has(raw.start) || (raw.start > 0 && OPENING_MARKS.has(text[raw.start - 1] as string));
      // Lowercased only at a sentence's start, where it is read.
      const lower = atSentenceStart ? word.toLowerCase() : '';
      const known = PLACES.has(word) || RULE_ORGS.has(word) || DEMONYMS.has(word);
      const common = NON_ENTITY_WORDS.has(word) || (atSentenceStart && (STOPWORDS.has(lower) || lowercaseSeen.has(lower)));
      if (NAME_OPENERS.has(word) && cur.words.length === 0) {
        if (nextJoined && isCapitalized(next?.text ?? '')) {
          cur.tokens.push(tok);
          cur.words.push(word);
        }
        continue;
      }
      if (common && cur.words.length === 0 && !known && !(nextJoined && NAME_PREFIXES.has(`${word} ${next?.text ?? ''}`))) continue;
      const startsName = nextJoined && NAME_PREFIXES.has(`${word} ${next?.text ?? ''}`);
      if (common && cur.words.length === 0 && startsName) {
        cur.tokens.push(tok);
        cur.words.push(word);
        continue;
      }
      if (NON_ENTITY_WORDS.has(word) && !HONORIFICS.has(word) && !RULE_PERSON_TITLES.has(word) && !known && !startsName) {
        flush();
        continue;
      }
      cur.tokens.push(tok);
      cur.words.push(word);
      // "Seoul's embassy" ends the name; "Longshoremen's Association" goes on.
      const nextWord = next ? stripPossessive(next.text).word : '';
      const continues = possessive && nextJoined && (ORG_HEAD_WORDS.has(nextWord) || PLACE_HEAD_WORDS.has(nextWord)) && !PLACES.has(word) && !RULE_ORGS.has(word);
      if (hyphen || (possessive && !continues)) flush();
    } else if (
      cur.words.length > 0 &&
      CONNECTORS.has(word) &&
      nextJoined &&
      isCapitalized(next?.text ?? '') &&
      (word === 'and' || word === '&' || NAME_PARTICLES.has(word) || mayConnect(cur.words[cur.words.length - 1] as string) || cur.words.length >= 2)
    ) {
      cur.tokens.push(tok);
      cur.words.push(word);
    } else {
      flush();
    }
  }
  flush();
  return splitAtAnd(chunks);
}

/** "China and South Korea" is two names; "Food and Drug Administration" is one. */
function splitAtAnd(chunks: Chunk[]): Chunk[] {
  const out: Chunk[] = [];
  for (const c of chunks) {
    const idx = c.words.findIndex((w) => w === 'and' || w === '&');
    if (idx < 0) {
      out.push(c);
      continue;
    }
    const before = c.words.slice(0, idx);
    const after = c.words.slice(idx + 1);
    const whole = c.words.join(' ');
    const keep =
      RULE_ORGS.has(whole) ||
      PLACES.has(whole) ||
      (after.length > 0 && ORG_HEAD_WORDS.has(after[after.length - 1] as string) && !before.some((w) => ORG_HEAD_WORDS.has(w) || PLACES.has(w) || RULE_ORGS.has(w)));
    if (keep) {
      out.push(c);
    } else {
      if (before.length) out.push({ words: before, tokens: c.tokens.slice(0, idx) });
      if (after.length) out.push(...splitAtAnd([{ words: after, tokens: c.tokens.slice(idx + 1) }]));
    }
  }
  return out;
}

type Context = { before: string; after: string; afterTitle: boolean };

/** Types one segment of a chunk (a run of tokens without role words). Null: not an entity we keep. */
function classify(words: string[], ctx: Context): { kind: Mention['kind']; name: string; acronym?: boolean } | null {
  const name = words.join(' ');
  if (!name) return null;
  const first = words[0] as string;
  const last = words[words.length - 1] as string;
  const org = lookup(RULE_ORGS, name);
  if (org) return { kind: 'organisation', name: org };
  const place = lookup(PLACES, name);
  if (place) return { kind: 'place', name: place.canonical };
  if (DEMONYMS.has(name) || DEMONYMS.has(titleCase(name)) || DEMONYMS.has(last)) return null;
  if (words.length >= 2 && DEMONYMS.has(first)) {
    const rest = words.slice(1).join(' ');
    if (RULE_ORGS.has(rest) || ORG_HEAD_WORDS.has(last)) return { kind: 'organisation', name };
  }
  if (words.length >= 2 && RULE_ORGS.has(first) && !PLACE_HEAD_WORDS.has(last)) return { kind: 'organisation', name };
  if (MISC_HEAD_WORDS.has(last) || MISC_HEAD_FIRST.has(first)) return null;
  if (words.length >= 2 && (PLACE_HEAD_WORDS.has(last) || PLACE_HEAD_FIRST.has(first))) return { kind: 'place', name };
  const ofAt = words.indexOf('of');
  const headBeforeOf = ofAt > 0 ? (words[ofAt - 1] as string) : '';
  if (PLACE_HEAD_WORDS.has(headBeforeOf) && !ORG_HEAD_WORDS.has(headBeforeOf)) return { kind: 'place', name };
  if (words.length >= 2 && words.some((w) => ORG_HEAD_WORDS.has(w))) return { kind: 'organisation', name };
  // "NordCell", "ZipRecruiter", "AstraZeneca": inner capitals make a brand.
  if (words.length === 1 && /^\p{Lu}\p{Ll}+\p{Lu}\p{L}*$/u.test(first)) return { kind: 'organisation', name };
  if (words.length === 1 && /\p{Ll}(?:bank|tech|soft)$/u.test(first)) return { kind: 'organisation', name };
  if (words.length === 1 && (ORG_HEAD_WORDS.has(first) || PLACE_HEAD_WORDS.has(first) || RULE_PERSON_TITLES.has(first))) return null;
  if (ctx.afterTitle) return { kind: 'person', name };
  // "Los Angeles Lakers", "Boston Celtics": a place name followed by a name is a team or a company.
  if (words.length >= 2 && words.length <= 3 && PLACES.get(words.slice(0, -1).join(' '))?.kind === 'place' && !PERSON_CONTEXT_AFTER.has(ctx.after)) {
    return { kind: 'organisation', name };
  }
  if (words.length === 1 && isAcronym(first)) return { kind: 'unknown', name, acronym: true };
  const nameLike = words.every((w) => /^[\p{Lu}][\p{L}'’.-]*$/u.test(w) || NAME_PARTICLE.test(w) || CONNECTORS.has(w));
  if (GIVEN_NAMES.has(first) && words.length >= 2 && words.length <= 4 && nameLike) return { kind: 'person', name };
  if (words.length >= 2 && words.length <= 4 && nameLike && PERSON_CONTEXT_AFTER.has(ctx.after)) return { kind: 'person', name };
  if (words.length === 1) return { kind: 'unknown', name };
  // "United States Embassies": a place name followed by something else is not a person.
  if (PLACES.has(first) || PLACES.has(words.slice(0, 2).join(' '))) return { kind: 'unknown', name };
  if (words.length <= 3 && nameLike && !words.some((w) => CONNECTORS.has(w))) return { kind: 'person', name };
  return { kind: 'unknown', name };
}

const isLetter = (ch: string): boolean => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch > '\u007f' && /\p{L}/u.test(ch));

/** The lowercased word just before `from` (dir -1) or just after it (dir 1), skipping spaces, punctuation and a possessive 's. */
function neighbourWord(text: string, from: number, dir: -1 | 1): string {
  let i = from;
  if (dir === 1 && (text[i] === "'" || text[i] === '’') && text[i + 1] === 's') i += 2;
  const limit = 30;
  let skipped = 0;
  if (dir === 1) {
    while (i < text.length && !isLetter(text[i] as string) && skipped++ < limit) i++;
    const start = i;
    while (i < text.length && isLetter(text[i] as string)) i++;
    return text.slice(start, i).toLowerCase();
  }
  i -= 1;
  while (i >= 0 && !isLetter(text[i] as string) && skipped++ < limit) i--;
  const end = i + 1;
  while (i >= 0 && isLetter(text[i] as string)) i--;
  return text.slice(i + 1, end).toLowerCase();
}

const OCCUPATION_SUFFIX = /^\p{Lu}\p{Ll}+(?:er|or|ist|ian|ant|ent)$/u;

/** True when `start` opens a sentence or paragraph. */
function sentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '"' || text[i] === '“')) i--;
  return i < 0 || text[i] === '\n' || text[i] === '.' || text[i] === '!' || text[i] === '?';
}

/** Splits a chunk at role words ("Chinese Foreign Ministry Spokesman Liu Jianchao") and types each part. */
function mentionsOfChunk(chunk: Chunk, text: string): Mention[] {
  const out: Mention[] = [];
  const { words, tokens: toks } = chunk;
  const wordBefore = (i: number) => {
    const t = toks[i];
    return t ? neighbourWord(text, t.start, -1) : '';
  };
  const wordAfter = (j: number) => {
    const t = toks[j];
    return t ? neighbourWord(text, t.end, 1) : '';
  };
  const emit = (from: number, to: number, afterTitle: boolean, honorific: boolean) => {
    while (from < to && (CONNECTORS.has(words[from] as string) || HONORIFICS.has(words[from] as string))) from++;
    const gazetteerName = words.slice(from, to).join(' ');
    const known = RULE_ORGS.has(gazetteerName) || PLACES.has(gazetteerName);
    while (
      !known &&
      to > from &&
      (CONNECTORS.has(words[to - 1] as string) ||
        (RULE_PERSON_TITLES.has(words[to - 1] as string) && !ORG_HEAD_WORDS.has(words[to - 1] as string) && !CONNECTORS.has(words[to - 2] ?? '')))
    ) {
      to--;
    }
    if (to <= from) return;
    const seg = words.slice(from, to);
    const startTok = toks[from] as Token;
    const endTok = toks[to - 1] as Token;
    const before = wordBefore(from);
    const after = wordAfter(to - 1);
    const c = classify(seg, { before, after, afterTitle });
    if (!c) {
      // "South Korean President" -> nothing; "Chinese Jane Doe" style leading demonyms are dropped and the rest retried.
      if (seg.length >= 2 && DEMONYMS.has(seg[0] as string)) emit(from + 1, to, afterTitle, honorific);
      return;
    }
    if (c.kind === 'person' && honorific && seg.length === 1) {
      out.push(newMention('person', c.name, startTok.start, endTok.end, true));
      return;
    }
    if (c.kind !== 'organisation' && c.kind !== 'place' && seg.length >= 2 && DEMONYMS.has(seg[0] as string)) {
      emit(from + 1, to, afterTitle, honorific);
      return;
    }
    // Names not canonicalized by a gazetteer keep their written form ("St. Peter's Square").
    const written = c.name === seg.join(' ') ? text.slice(startTok.start, endTok.end) : c.name;
    const m = newMention(c.kind, written, startTok.start, endTok.end);
    if (c.kind === 'unknown') {
      if (PLACE_CONTEXT_BEFORE.has(before) || PLACE_CONTEXT_AFTER.has(after)) m.placeContext = true;
      if (before === 'and' || before === 'or') m.coordinated = true;
      if (c.acronym) {
        m.acronym = true;
        if (ORG_CONTEXT_AROUND.has(before) || ORG_CONTEXT_AROUND.has(after) || PERSON_CONTEXT_AFTER.has(after)) m.orgContext = true;
      }
    }
    out.push(m);
  };

  const whole = words.join(' ');
  if (lookup(RULE_ORGS, whole) || lookup(PLACES, whole)) {
    emit(0, words.length, false, false);
    return out;
  }
  // "Conductor Riccardo Muti" at a sentence start: an occupation noun before a name works as a role word.
  const firstTok = toks[0] as Token;
  if (
    words.length >= 3 &&
    OCCUPATION_SUFFIX.test(words[0] as string) &&
    !RULE_PERSON_TITLES.has(words[0] as string) &&
    !ORG_HEAD_WORDS.has(words[0] as string) &&
    !PLACES.has(words[0] as string) &&
    sentenceInitial(text, firstTok.start) &&
    words.slice(1).every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !ORG_HEAD_WORDS.has(w) && !PLACE_HEAD_WORDS.has(w))
  ) {
    emit(1, words.length, true, false);
    return out;
  }
  // Person part: the longest suffix of non-role words that follows a role word or an honorific.
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1] as string;
    if (RULE_PERSON_TITLES.has(w) || HONORIFICS.has(w) || ORG_HEAD_WORDS.has(w) || (CONNECTORS.has(w) && !NAME_PARTICLES.has(w)) || DEMONYMS.has(w) || PLACES.has(w) || RULE_ORGS.has(w)) break;
    i--;
  }
  const roleWord = words[i - 1] as string;
  const roleBefore = i > 0 && i < words.length && (RULE_PERSON_TITLES.has(roleWord) || HONORIFICS.has(roleWord)) && !ORG_HEAD_WORDS.has(roleWord);
  if (roleBefore && words.length - i <= 6) {
    const honorific = HONORIFICS.has(roleWord);
    // Everything before the role words is an organisation or place ("Chinese Foreign Ministry").
    let j = i - 1;
    while (j > 0 && (RULE_PERSON_TITLES.has(words[j - 1] as string) || HONORIFICS.has(words[j - 1] as string) || CONNECTORS.has(words[j - 1] as string)) && !ORG_HEAD_WORDS.has(words[j - 1] as string)) j--;
    if (j > 0) emit(0, j, false, false);
    emit(i, words.length, true, honorific);
    return out;
  }
  // "Archbishop of Canterbury Justin Welby": a title phrase, then a name that starts with a given name.
  if (i > 0 && CONNECTORS.has(roleWord) && words.slice(0, i).some((w) => RULE_PERSON_TITLES.has(w))) {
    const g = words.findIndex((w, k) => k > i && GIVEN_NAMES.has(w));
    if (g > 0 && words.length - g >= 2) {
      emit(g, words.length, true, false);
      return out;
    }
  }
  // "Roy Herbst of Yale Cancer Center": a person name, "of", an organisation.
  const ofIdx = words.indexOf('of');
  if (ofIdx > 0 && !mayConnect(words[ofIdx - 1] as string)) {
    out.push(...mentionsOfChunk({ words: words.slice(0, ofIdx), tokens: toks.slice(0, ofIdx) }, text));
    out.push(...mentionsOfChunk({ words: words.slice(ofIdx + 1), tokens: toks.slice(ofIdx + 1) }, text));
    return out;
  }
  emit(0, words.length, false, false);
  return out;
}

/** Words that occur in lowercase somewhere in the text (so a capitalized one at a sentence start is ordinary). */
function lowercaseWords(tokens: readonly Token[]): Set<string> {
  const s = new Set<string>();
  for (const t of tokens) if (startsLowercase(t.text)) s.add(t.text.toLowerCase());
  return s;
}

type Group = { kind: EntityKind; name: string; mentions: number; offset: number; weight: number };

/**
 * People, places and organisations in an article: a proper-noun chunker typed
 * by gazetteers (countries, capitals, demonyms, organisation and place head
 * words, person titles), with variants merged ("Mr. Liu" -> "Liu Jianchao",
 * "Foreign Ministry" -> "Chinese Foreign Ministry", "U.S." -> "United States").
 */
export function extractEntities(article: { title: string; text: string }, opts: ExtractEntitiesOptions = {}): Entities {
  let mentions = findMentions(article.text, opts.tokens);
  if (opts.gazetteerOnly) {
    mentions = mentions.filter((m) => (m.kind === 'place' && PLACES.has(m.name)) || (m.kind === 'organisation' && KNOWN_ORG_NAMES.has(m.name)));
  }
  return mergeMentions(mentions, article, opts.maxPerKind ?? 25).entities;
}

/** Typed proper-noun mentions of `text` before merging. */
export function findMentions(text: string, tokens: readonly Token[] = tokenize(text)): Mention[] {
  const lowerSeen = lowercaseWords(tokens);
  const mentions: Mention[] = [];
  for (const chunk of chunkProperNouns(text, tokens, lowerSeen)) mentions.push(...mentionsOfChunk(chunk, text));
  return mentions;
}

/** Every resolved mention with its span and the entity it was merged into (for evaluation). */
export function extractEntityMentions(article: { title: string; text: string }): ResolvedMention[] {
  return mergeMentions(findMentions(article.text), article, Number.MAX_SAFE_INTEGER).resolved;
}

const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .filter(startsCapitalized)
    .map((w) => w[0])
    .join('');

/** Last words of an organisation's name that its first word alone stands for: company forms and kinds, parties, universities ("Newmont Mining", "Republican Party", "Yale University"). */
const SHORT_FORM_HEADS: ReadonlySet<string> = new Set(
  'Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC Co Co. Company Group Holdings Party University Foods Airlines Airways Motors Mining Pharmaceuticals Industries Enterprises Brands Petroleum'.split(' '),
);

/** Merges typed mentions into entities and scores their salience. */
export function mergeMentions(
  mentions: readonly Mention[],
  article: { title: string; text: string },
  maxPerKind = 25,
): { entities: Entities; resolved: ResolvedMention[] } {
  const merged = groupMentions(mentions, article.text);
  return { entities: entitiesOf(merged.groups, article.title, maxPerKind), resolved: resolvedOf(merged) };
}

/**
 * mergeMentions' resolved mentions alone, without the entities' salience and ranking (the tagger reads the rules'
 * mentions so, as features).
 */
export function resolveMentions(mentions: readonly Mention[], text: string): ResolvedMention[] {
  return resolvedOf(groupMentions(mentions, text));
}

type MergedMentions = { groups: Map<string, Group>; assigned: Array<{ key: string; start: number; end: number }> };

/** Typed mentions merged into groups (one per entity), and each mention's group by its key. */
function groupMentions(mentions: readonly Mention[], text: string): MergedMentions {
  const textLength = Math.max(1, text.length);
  const groups = new Map<string, Group>();
  const keyOf = (kind: EntityKind, name: string) => `${kind}\u0000${name}`;
  const assigned: Array<{ key: string; start: number; end: number }> = [];
  const add = (kind: EntityKind, name: string, start: number, end: number) => {
    const key = keyOf(kind, name);
    assigned.push({ key, start, end });
    const g = groups.get(key) ?? { kind, name, mentions: 0, offset: start, weight: 0 };
    g.mentions += 1;
    g.offset = Math.min(g.offset, start);
    // Early mentions (the lead) weigh more than late ones.
    g.weight += 1 + 0.5 * (1 - start / textLength);
    groups.set(key, g);
  };
  const move = (fromKey: string, toKey: string) => {
    const from = groups.get(fromKey);
    const to = groups.get(toKey);
    if (!from || !to || from === to) return;
    for (const a of assigned) if (a.key === fromKey) a.key = toKey;
    to.mentions += from.mentions;
    to.weight += from.weight;
    to.offset = Math.min(to.offset, from.offset);
    groups.delete(fromKey);
  };

  for (const m of mentions) {
    if (m.kind !== 'unknown' && !m.surnameOnly) add(m.kind, m.name, m.start, m.end);
  }

  // A multi-word "person" that is a known person's full name plus more stays; one that ends another's name merges.
  const people = () => [...groups.values()].filter((g) => g.kind === 'person');
  const byPart = new Map<string, Set<string>>();
  const multiWord = people().filter((g) => g.name.includes(' '));
  // "President Obama" typed on its own merges into "Barack Obama" when that is the only match.
  for (const g of people()) {
    if (g.name.includes(' ')) continue;
    const matches = multiWord.filter((m) => m.name.endsWith(` ${g.name}`) || m.name.startsWith(`${g.name} `));
    if (matches.length === 1 && matches[0]) move(keyOf('person', g.name), keyOf('person', matches[0].name));
  }
  for (const g of people()) {
    const parts = g.name.split(' ');
    for (const p of new Set([parts[parts.length - 1], parts[0]])) {
      if (!p || parts.length < 2) continue;
      const set = byPart.get(p) ?? new Set<string>();
      set.add(g.name);
      byPart.set(p, set);
    }
  }
  // Organisations whose name ends a longer one ("Foreign Ministry" in "Chinese Foreign Ministry").
  const orgNames = [...groups.values()].filter((g) => g.kind === 'organisation').map((g) => g.name);
  for (const name of orgNames) {
    const longer = orgNames.filter((o) => o !== name && o.endsWith(` ${name}`));
    if (longer.length === 1 && longer[0]) move(keyOf('organisation', name), keyOf('organisation', longer[0]));
  }
  // An organisation called by its first word ("Kestrel" for "Kestrel Foods", "Northgate" for "Northgate Athletic"): the
  // one name of two words the text gives it, ending in a company's form or kind, a party's or a club's head word; not a
  // name known on its own ("Google" beside "Google News", "Oracle" beside "Oracle University").
  for (const name of orgNames) {
    if (name.includes(' ') || RULE_ORGS.has(name)) continue;
    const fuller = orgNames.filter((o) => {
      const [first, head, ...more] = o.split(' ');
      return first === name && head !== undefined && more.length === 0 && (SHORT_FORM_HEADS.has(head) || CLUB_HEADS.has(head));
    });
    if (fuller.length === 1 && fuller[0]) move(keyOf('organisation', name), keyOf('organisation', fuller[0]));
  }
  // Organisations and places by their last word ("the Lakers") and by their initials ("ISRO").
  const orgByLast = new Map<string, Set<string>>();
  const orgByInitials = new Map<string, string>();
  for (const g of groups.values()) {
    if (g.kind !== 'organisation') continue;
    const parts = g.name.split(' ');
    if (parts.length >= 2) {
      const last = parts[parts.length - 1] as string;
      if (!ORG_HEAD_WORDS.has(last)) {
        const set = orgByLast.get(last) ?? new Set<string>();
        set.add(g.name);
        orgByLast.set(last, set);
      }
      const ini = initialsOf(g.name);
      if (ini.length >= 2) orgByInitials.set(ini, g.name);
    }
  }

  for (const m of mentions) {
    if (m.kind !== 'unknown' && !m.surnameOnly) continue;
    const person = byPart.get(m.name);
    if (person && person.size === 1) {
      add('person', [...person][0] as string, m.start, m.end);
      continue;
    }
    if (m.surnameOnly) {
      add('person', m.name, m.start, m.end);
      continue;
    }
    const org = orgByLast.get(m.name);
    if (org && org.size === 1) {
      add('organisation', [...org][0] as string, m.start, m.end);
      continue;
    }
    if (m.acronym) {
      const full = orgByInitials.get(m.name.replace(/\./g, ''));
      if (full) add('organisation', full, m.start, m.end);
      else if (m.orgContext) add('organisation', m.name, m.start, m.end);
      continue;
    }
    if (m.placeContext && !m.name.includes(' ')) {
      add('place', m.name, m.start, m.end);
      continue;
    }
    if (m.coordinated) {
      const prev = [...assigned].reverse().find((a) => a.end <= m.start && m.start - a.end <= 6);
      const g = prev ? groups.get(prev.key) : undefined;
      if (g && g.kind === 'place') add('place', m.name, m.start, m.end);
    }
  }

  return { groups, assigned };
}

/** Every mention with its span and the entity it was merged into, in text order. */
function resolvedOf({ groups, assigned }: MergedMentions): ResolvedMention[] {
  const resolved: ResolvedMention[] = [];
  for (const a of assigned) {
    const g = groups.get(a.key);
    if (g) resolved.push({ kind: g.kind, entity: g.name, start: a.start, end: a.end });
  }
  resolved.sort((x, y) => x.start - y.start);
  return resolved;
}

/** The entities of each kind, most salient first (a name in the title weighs more), at most `maxPerKind`. */
function entitiesOf(groups: ReadonlyMap<string, Group>, title: string, maxPerKind: number): Entities {
  const titleLower = title.toLowerCase();
  const entityOf = (g: Group): Entity => {
    const inTitle = titleLower.includes(g.name.toLowerCase()) ? 1.5 : 0;
    const salience = 1 - Math.exp(-(g.weight + inTitle) / 4);
    return { name: g.name, mentions: g.mentions, salience: Number(salience.toFixed(3)), offset: g.offset };
  };
  // Each list pushed into an array literal, not made by filter and map: V8 gives an empty array from those its map for
  // small integers (PACKED_SMI_ELEMENTS) and a full one its map for objects, so every site that reads the lists (the
  // newsroom topics' spread, the keywords) met two maps and threw its optimized code away on the first empty list. The
  // literal's allocation site learns the objects' kind from the first entity, and the empty lists after it share it.
  const byKind = (kind: EntityKind): Entity[] => {
    const list: Entity[] = [];
    for (const g of groups.values()) if (g.kind === kind) list.push(entityOf(g));
    return list.sort((a, b) => b.salience - a.salience || a.offset - b.offset).slice(0, maxPerKind);
  };
  return { people: byKind('person'), places: byKind('place'), organisations: byKind('organisation') };
}
