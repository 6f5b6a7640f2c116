/**
 * Enricher benchmark: topic accuracy, entity precision/recall/F1, cluster
 * recall and false positives, language accuracy, and time per article, on the
 * labelled sets in tests/fixtures/enrich (and, for clustering, the readability
 * test pages in ../shared/corpora). Run: npm run bench:enrich [-- --verbose]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLabelledArticles, loadLanguageSamples, type LabelledArticle } from '../tests/fixtures/enrich/load.js';
import type { ExtractedArticle } from '../src/queues/contracts.js';
import { DUPLICATE_THRESHOLD, estimateSimilarity, fingerprint } from '../src/workers/enricher/cluster.js';
import { detectLanguage } from '../src/workers/enricher/detect-language.js';
import { enrichArticle } from '../src/workers/enricher/enrich-article.js';
import { extractEntityMentions } from '../src/workers/enricher/extract-entities.js';
import { topLevelOf } from '../src/workers/enricher/mediatopics.js';
import { tagTopics } from '../src/workers/enricher/tag-topics.js';
import { parseTopicsConfig } from '../src/workers/enricher/topics-config.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VERBOSE = process.argv.includes('--verbose');
const log = (...a: unknown[]) => console.log(...a);
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

const articles = loadLabelledArticles();

// ---------- topics ----------
function benchTopics(set: LabelledArticle[]) {
  let top1 = 0;
  let anyTop = 0;
  let deepHit = 0;
  let deepGold = 0;
  let deepPred = 0;
  let deepPredCorrect = 0;
  let count = 0;
  const tops = new Set<string>();
  for (const a of set) {
    const gold = a.topTopics;
    gold.forEach((g) => tops.add(g));
    const topics = tagTopics(a);
    count += topics.length;
    const predTops = topics.map((t) => topLevelOf(t.code)).filter((c): c is string => c !== null);
    const best = topics.find((t) => !t.code.slice(7).endsWith('000000') || true);
    const bestTop = best ? topLevelOf(best.code) : null;
    if (bestTop && gold.includes(bestTop)) top1++;
    if (gold[0] && predTops.includes(gold[0])) anyTop++;
    const predDeep = topics.filter((t) => !/000000$/.test(t.code)).map((t) => t.code);
    deepPred += predDeep.length;
    const goldDeepAll = new Set(a.deepTopics);
    deepGold += a.deepTopics.length;
    deepHit += a.deepTopics.filter((c) => predDeep.includes(c)).length;
    // A deeper prediction is right when it is a gold code or an ancestor of one.
    deepPredCorrect += predDeep.filter((c) => goldDeepAll.has(c) || a.deepTopics.some((g) => isAncestor(c, g))).length;
    if (VERBOSE && (!bestTop || !gold.includes(bestTop))) {
      log(`  topic miss ${a.id}: gold ${gold.join(' ')} got ${topics.map((t) => `${t.code}(${t.score})`).join(' ')}`);
    }
  }
  log('## Topics (IPTC Media Topics, labelled set)');
  log(`articles: ${set.length}, top-level topics covered: ${tops.size}`);
  log(`top-1 top-level accuracy (best-scored topic's top level is a gold top level): ${pct(top1 / set.length)}`);
  log(`primary top level among predicted: ${pct(anyTop / set.length)}`);
  log(`deeper gold codes found: ${pct(deepHit / Math.max(1, deepGold))} (${deepHit}/${deepGold}); deeper predictions correct (gold or its ancestor): ${pct(deepPredCorrect / Math.max(1, deepPred))} (${deepPredCorrect}/${deepPred})`);
  log(`topics per article: ${(count / set.length).toFixed(2)}`);
}

import { ancestorsOf } from '../src/workers/enricher/mediatopics.js';
const isAncestor = (a: string, b: string) => a !== b && ancestorsOf(b).includes(a);

// ---------- entities ----------
function benchEntities(set: LabelledArticle[]) {
  const kinds = ['person', 'place', 'organisation'] as const;
  const stat = Object.fromEntries(kinds.map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<(typeof kinds)[number], { tp: number; fp: number; fn: number }>;
  let goldTotal = 0;
  for (const a of set) {
    const pred = extractEntityMentions(a);
    const gold = a.mentions;
    goldTotal += gold.length;
    const key = (k: string, s: number, e: number) => `${k}:${s}:${e}`;
    const goldKeys = new Set(gold.map((g) => key(g.kind, g.start, g.end)));
    const predKeys = new Set(pred.map((p) => key(p.kind, p.start, p.end)));
    for (const p of pred) {
      const hit = goldKeys.has(key(p.kind, p.start, p.end));
      stat[p.kind][hit ? 'tp' : 'fp']++;
      if (!hit && VERBOSE) log(`  entity FP ${a.id}: ${p.kind} "${a.text.slice(p.start, p.end)}" -> ${p.entity}`);
    }
    for (const g of gold) {
      if (!predKeys.has(key(g.kind, g.start, g.end))) {
        stat[g.kind].fn++;
        if (VERBOSE) log(`  entity FN ${a.id}: ${g.kind} "${g.name}"`);
      }
    }
  }
  const prf = (s: { tp: number; fp: number; fn: number }) => {
    const p = s.tp / Math.max(1, s.tp + s.fp);
    const r = s.tp / Math.max(1, s.tp + s.fn);
    return { p, r, f: (2 * p * r) / Math.max(1e-9, p + r) };
  };
  const all = kinds.reduce((acc, k) => ({ tp: acc.tp + stat[k].tp, fp: acc.fp + stat[k].fp, fn: acc.fn + stat[k].fn }), { tp: 0, fp: 0, fn: 0 });
  log('## Entities (mention level: exact span and type)');
  log(`annotated mentions: ${goldTotal} in ${set.length} articles`);
  for (const k of kinds) {
    const m = prf(stat[k]);
    log(`${k.padEnd(12)} P ${pct(m.p)}  R ${pct(m.r)}  F1 ${pct(m.f)}`);
  }
  const m = prf(all);
  log(`${'all'.padEnd(12)} P ${pct(m.p)}  R ${pct(m.r)}  F1 ${pct(m.f)}`);
}

const [cmd] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
if (!cmd || cmd === 'topics') benchTopics(articles);
if (!cmd || cmd === 'entities') benchEntities(articles);
