import type { Topic } from '../../store/types.js';
import { ancestorsOf, MEDIATOPICS } from './mediatopics.js';
import { compilePhrases, matchPhrases, normalizedWords, type PhraseEntry, type PhraseIndex } from './phrase-matcher.js';
import { TOPIC_LEXICON } from './topic-lexicon.js';

export type TagTopicsOptions = {
  /** At most this many topics (default 5). */
  maxTopics?: number;
  /** normalizedWords(title) and normalizedWords(text), when the caller already has them. */
  titleWords?: readonly string[];
  textWords?: readonly string[];
};

/** Evidence gathered per topic code: term -> weighted contribution. */
type Evidence = Map<string, number>;

const TITLE_FACTOR = 2;
// Generic IPTC labels that would match ordinary prose.
const GENERIC_LABELS = new Set(['people', 'media', 'culture', 'nature', 'values', 'family', 'leisure', 'lifestyle', 'economy', 'law', 'justice', 'crime', 'school', 'government', 'religion', 'health', 'education', 'employment', 'retirement', 'ceremony', 'celebrity', 'communities', 'mankind', 'products and services', 'business information']);

const buildIndex = (): PhraseIndex => {
  const entries: PhraseEntry[] = [];
  for (const [code, terms] of Object.entries(TOPIC_LEXICON)) {
    const key = `medtop:${code}`;
    if (!MEDIATOPICS.has(key)) continue;
    for (const raw of terms.split('|')) {
      const strong = raw.startsWith('!');
      const phrase = strong ? raw.slice(1) : raw;
      if (phrase) entries.push({ key, phrase, weight: strong ? 2 : 1 });
    }
  }
  // The vocabulary's own labels are evidence for deeper concepts.
  for (const t of MEDIATOPICS.values()) {
    if (t.depth < 2 || /[,()]/.test(t.label) || t.label.split(' ').length > 3) continue;
    if (GENERIC_LABELS.has(t.label.toLowerCase())) continue;
    entries.push({ key: t.code, phrase: t.label, weight: 2 });
  }
  return compilePhrases(entries);
};

let INDEX: PhraseIndex | null = null;
const index = (): PhraseIndex => (INDEX ??= buildIndex());

/** Collects evidence per code, propagated to ancestors (a term counts once per code, at its best weight). */
function gatherEvidence(titleWords: readonly string[], textWords: readonly string[]): Map<string, Evidence> {
  const counts = new Map<string, Map<string, { weight: number; count: number }>>();
  const add = (words: readonly string[], factor: number) => {
    for (const hit of matchPhrases(words, index())) {
      const perCode = counts.get(hit.key) ?? new Map<string, { weight: number; count: number }>();
      const cur = perCode.get(hit.phrase) ?? { weight: hit.weight, count: 0 };
      cur.count += factor;
      cur.weight = Math.max(cur.weight, hit.weight);
      perCode.set(hit.phrase, cur);
      counts.set(hit.key, perCode);
    }
  };
  add(titleWords, TITLE_FACTOR);
  add(textWords, 1);

  const evidence = new Map<string, Evidence>();
  for (const [code, terms] of counts) {
    for (const [term, { weight, count }] of terms) {
      const contribution = weight * (1 + Math.log(count));
      for (const ancestor of ancestorsOf(code)) {
        const ev = evidence.get(ancestor) ?? new Map<string, number>();
        ev.set(term, Math.max(ev.get(term) ?? 0, contribution));
        evidence.set(ancestor, ev);
      }
    }
  }
  return evidence;
}

const sum = (ev: Evidence): number => {
  let s = 0;
  for (const v of ev.values()) s += v;
  return s;
};

const topTerms = (ev: Evidence, n = 5): string[] =>
  [...ev.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([t]) => t);

/**
 * IPTC Media Topics for an article from keyword evidence: top-level topics and
 * deeper ones where the evidence supports them, 1–5 in all (none when there is
 * no evidence), each with a 0–1 score and the terms that support it.
 */
export function tagTopics(article: { title: string; text: string }, opts: TagTopicsOptions = {}): Topic[] {
  const maxTopics = opts.maxTopics ?? 5;
  const titleWords = opts.titleWords ?? normalizedWords(article.title);
  const textWords = opts.textWords ?? normalizedWords(article.text);
  const evidence = gatherEvidence(titleWords, textWords);
  if (evidence.size === 0) return [];

  // Longer articles carry more incidental terms: scale the evidence needed.
  const lengthFactor = Math.max(1, Math.sqrt(textWords.length / 250));
  const scoreOf = (raw: number, k: number) => Number((1 - Math.exp(-raw / (k * lengthFactor))).toFixed(3));

  // Each topic's top level given here, not spread into a copy later: V8 gives such a copy a map of its own, and every
  // read of its properties would then miss its inline cache.
  const scored = [...evidence.entries()].map(([code, ev]) => {
    const topic = MEDIATOPICS.get(code);
    const depth = topic?.depth ?? 1;
    return { code, ev, raw: sum(ev), distinct: ev.size, depth, label: topic?.label ?? code, top: depth > 1 ? (ancestorsOf(code).at(-1) as string) : code };
  });

  const tops = scored.filter((s) => s.depth === 1).sort((a, b) => b.raw - a.raw);
  const best = tops[0];
  if (!best) return [];
  const minTopRaw = 4 * lengthFactor;
  const keptTops = tops.filter((t, i) => i === 0 || (t.raw >= minTopRaw && t.raw >= 0.45 * best.raw && t.distinct >= 2)).slice(0, 3);
  const keptTopCodes = new Set(keptTops.map((t) => t.code));
  const topRaw = new Map(keptTops.map((t) => [t.code, t.raw]));

  const deeper = scored
    .filter((s) => s.depth > 1)
    .filter((s) => keptTopCodes.has(s.top))
    .filter((s) => s.distinct >= 2 && s.raw >= 4 * lengthFactor && s.raw >= 0.35 * (topRaw.get(s.top) ?? 0))
    .sort((a, b) => b.raw - a.raw || b.depth - a.depth);
  // A grouping concept with no terms of its own ("macro economics") gives way to a tagged child.
  const deeperCodes = new Set(deeper.map((d) => d.code));
  const groupingWithChild = new Set(
    deeper.filter((d) => !TOPIC_LEXICON[d.code.slice(7)] && [...deeperCodes].some((c) => MEDIATOPICS.get(c)?.parent === d.code)).map((d) => d.code),
  );
  const specific = deeper.filter((d) => !groupingWithChild.has(d.code));

  const out: Topic[] = keptTops.map((t) => ({
    code: t.code,
    label: t.label,
    score: scoreOf(t.raw, 8),
    scheme: 'medtop' as const,
    evidence: topTerms(t.ev),
  }));
  for (const d of specific) {
    if (out.length >= maxTopics) break;
    out.push({ code: d.code, label: d.label, score: scoreOf(d.raw, 6), scheme: 'medtop', evidence: topTerms(d.ev) });
  }
  return out.sort((a, b) => b.score - a.score).slice(0, maxTopics);
}

