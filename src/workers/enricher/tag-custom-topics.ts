import type { Entities, Topic } from '../../store/types.js';
import { compilePhrases, matchPhrases, normalizedWords, type PhraseIndex } from './phrase-matcher.js';
import type { CustomTopic } from './topics-config.js';

const compiled = new WeakMap<readonly CustomTopic[], PhraseIndex>();

const indexFor = (topics: readonly CustomTopic[]): PhraseIndex => {
  let idx = compiled.get(topics);
  if (!idx) {
    idx = compilePhrases(
      topics.flatMap((t) => [
        ...t.phrases.map((p) => ({ key: t.code, phrase: p.text, weight: p.weight })),
        ...t.entities.map((e) => ({ key: t.code, phrase: e.name, weight: e.weight })),
      ]),
    );
    compiled.set(topics, idx);
  }
  return idx;
};

/**
 * Newsroom topics (config/topics.yaml) that the article's phrases and entities
 * support. Score = 1 - exp(-evidence / 3), evidence = sum over matched terms of
 * weight * (1 + ln count), times the topic's weight; title matches count double.
 */
export function tagCustomTopics(
  article: { title: string; text: string; words?: readonly string[]; titleWords?: readonly string[] },
  topics: readonly CustomTopic[],
  entities: Entities | null = null,
): Topic[] {
  if (topics.length === 0) return [];
  const index = indexFor(topics);
  const counts = new Map<string, Map<string, { weight: number; count: number }>>();
  const add = (words: readonly string[], factor: number) => {
    for (const hit of matchPhrases(words, index)) {
      const per = counts.get(hit.key) ?? new Map<string, { weight: number; count: number }>();
      const cur = per.get(hit.phrase) ?? { weight: hit.weight, count: 0 };
      cur.count += factor;
      per.set(hit.phrase, cur);
      counts.set(hit.key, per);
    }
  };
  add(article.titleWords ?? normalizedWords(article.title), 2);
  add(article.words ?? normalizedWords(article.text), 1);

  // Entities merged by the extractor ("Mr. Liu") count with their full mention count.
  const mentionsByName = new Map<string, number>();
  if (entities) {
    for (const e of [...entities.people, ...entities.places, ...entities.organisations]) {
      mentionsByName.set(e.name.toLowerCase(), e.mentions);
    }
  }

  const out: Topic[] = [];
  for (const t of topics) {
    const per = counts.get(t.code) ?? new Map<string, { weight: number; count: number }>();
    for (const e of t.entities) {
      const m = mentionsByName.get(e.name.toLowerCase());
      const key = e.name.toLowerCase();
      if (m && m > (per.get(key)?.count ?? 0)) per.set(key, { weight: e.weight, count: m });
    }
    let raw = 0;
    const evidence: Array<[string, number]> = [];
    for (const [term, { weight, count }] of per) {
      const c = weight * (1 + Math.log(count));
      raw += c;
      evidence.push([term, c]);
    }
    if (raw === 0) continue;
    const score = Number((1 - Math.exp((-raw * t.weight) / 3)).toFixed(3));
    if (score < t.minScore) continue;
    out.push({
      code: t.code,
      label: t.label,
      score,
      scheme: 'custom',
      evidence: evidence.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([term]) => term),
    });
  }
  return out.sort((a, b) => b.score - a.score);
}
