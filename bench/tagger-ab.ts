/**
 * The entity tagger of this tree against the one of an earlier commit, in one
 * process: `check` compares their outputs (tagged entities, resolved mentions,
 * BIO tags, training features) over the enrich fixtures, the WCXB expected
 * texts and the NER sets in ../shared/corpora, and enrichArticle's record (as
 * JSON) over those texts, the language samples and the Wikinews articles of the
 * topic sets, with the topic classifier's class scores unrounded (textScores), and fails on any difference; `equivalent` is the test for a
 * change that only sums the same float32 weights in another order (ties and
 * last bits may go the other way): on every set the tagger is measured on (bench:enrich models and entities)
 * the entity F1 of each type must print the same (0.1) and fewer than 0.05 %
 * of tokens may change tag, and it prints the counts (and, for information,
 * those of the other texts `check` reads); `speed` times both, alternated, on
 * the 68 articles made 800 words long (as bench:enrich speed does); `review`
 * lists every mention one tree's tagEntityMentions finds and the other's does
 * not, with the words around it, over the review texts (the Wikinews and WP
 * current events articles of ../shared/corpora/enrichment/topics, the WCXB
 * dev expected texts and the enrich fixtures), for reading a change by hand
 * and counting what it gets right and wrong (`--only REGEX` keeps the ids it
 * matches: wn, wpce, wcxb, fx).
 *
 * The earlier tree: git archive COMMIT src package.json | tar -x -C DIR && ln -s "$PWD/node_modules" DIR/node_modules
 * Run: node --expose-gc --import tsx bench/tagger-ab.ts check|equivalent|speed|review --old DIR/src [--rounds N] [--corpus DIR] [--only REGEX]
 *
 * Loading order favours one copy by a few per cent: run speed a second time
 * with the trees swapped (--old src --new DIR/src) and take the geometric mean
 * of the two ratios.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHeldOutArticles, loadLabelledArticles, loadLanguageSamples, type LabelledArticle } from '../tests/fixtures/enrich/load.js';
import { conllDocs, corpusDir, emptyScores, ENTITY_TYPES, type EntityScores, NER_MEASURED_SETS, prf, readConll, readJsonl, scoreSentence } from '../scripts/lib/enrichment-data.js';
import { parseTopicsConfig } from '../src/workers/enricher/topics-config.js';
import { textsOfWords } from './lib/long-texts.js';
import { mentionDiff } from './lib/mention-diff.js';
import { stringFlag } from './lib/rng.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string): string | undefined => stringFlag(args, name);
const mode = args[0] ?? 'check';
const oldSrc = opt('old');
if (!oldSrc) throw new Error('give --old DIR/src (the src directory of the earlier commit)');
const newSrc = resolve(opt('new') ?? resolve(ROOT, 'src'));
const rounds = Number(opt('rounds') ?? 6);

type Tagger = {
  tag: typeof import('../src/workers/enricher/tag-entities.js');
  tokens: typeof import('../src/workers/enricher/ner-tokens.js');
  enrich: typeof import('../src/workers/enricher/enrich-article.js');
  topics: typeof import('../src/workers/enricher/classify-topics.js');
};
const load = async (src: string): Promise<Tagger> => {
  const dir = resolve(src, 'workers/enricher');
  return { tag: await import(resolve(dir, 'tag-entities.ts')), tokens: await import(resolve(dir, 'ner-tokens.ts')), enrich: await import(resolve(dir, 'enrich-article.ts')), topics: await import(resolve(dir, 'classify-topics.ts')) };
};
const neu = await load(newSrc);
const old = await load(resolve(oldSrc));
const customTopics = parseTopicsConfig(readFileSync(resolve(ROOT, 'config/topics.yaml'), 'utf8'));

const labelled = loadLabelledArticles();
// 800-word articles: each labelled article followed by the next ones until 800 words (as bench/enrich.ts speed).
const long = textsOfWords(labelled.map((a) => a.text)).map((text, i) => ({ title: (labelled[i] as LabelledArticle).title, text }));
const extracted = (i: number, title: string, text: string) => ({
  feedId: 'bench', url: `http://127.0.0.1/${i}`, canonicalUrl: `http://127.0.0.1/${i}`, title, byline: null, dateline: null,
  publishedAt: null, modifiedAt: null, fetchedAt: '2026-01-01T00:00:00.000Z', siteName: null, language: 'en', excerpt: null,
  leadImage: null, text, html: '', wordCount: text.split(/\s+/).length, extraction: { method: 'readability' as const, warnings: [] },
});

if (mode === 'check') {
  const corpora = resolve(ROOT, '../shared/corpora');
  const texts = [...labelled, ...loadHeldOutArticles(), ...long].map((a) => ({ title: a.title, text: a.text }));
  const wcxb = resolve(corpora, 'extraction-wcxb-dev/pages');
  if (existsSync(wcxb)) for (const d of readdirSync(wcxb)) { const p = resolve(wcxb, d, 'expected.txt'); if (existsSync(p)) texts.push({ title: d, text: readFileSync(p, 'utf8') }); }
  const docs: ReturnType<typeof conllDocs> = [];
  for (const f of ['wikigold/all.conll', 'btc/train.conll', 'btc/dev.conll', 'btc/test.conll', 'wnut17/train.conll', 'wnut17/dev.conll', 'wnut17/test.conll', 'uner-ewt/dev.conll', 'uner-ewt/test.conll']) {
    const p = resolve(corpora, 'enrichment/ner', f);
    if (existsSync(p)) docs.push(...conllDocs(readConll(p), f.startsWith('wikigold') ? 10 : 1));
  }
  let compared = 0;
  let differ = 0;
  const same = (what: string, a: unknown, b: unknown) => {
    compared++;
    const x = JSON.stringify(a);
    const y = JSON.stringify(b);
    if (x !== y && ++differ <= 10) console.log(`differs: ${what}\n  old ${x.slice(0, 300)}\n  new ${y.slice(0, 300)}`);
  };
  const [tn, to] = [neu.tag.entityTagger(), old.tag.entityTagger()];
  for (const t of texts) {
    same(`tagEntities ${t.title}`, old.tag.tagEntities(t), neu.tag.tagEntities(t));
    same(`tagEntities maxPerKind 3 ${t.title}`, old.tag.tagEntities(t, { maxPerKind: 3 }), neu.tag.tagEntities(t, { maxPerKind: 3 }));
    same(`tagEntityResolved ${t.title}`, old.tag.tagEntityResolved(t), neu.tag.tagEntityResolved(t));
    const tokens = neu.tokens.nerTokenize(t.text);
    const ranges = neu.tag.sentenceRanges(t.text, tokens);
    same(`documentFeatures ${t.title}`, old.tag.documentFeatures(t.text, tokens, ranges, to.gazetteer), neu.tag.documentFeatures(t.text, tokens, ranges, tn.gazetteer));
  }
  for (const d of docs) {
    same(`labelTokens ${d.text.slice(0, 60)}`, old.tag.labelTokens(d.text, d.tokens, d.ranges, to), neu.tag.labelTokens(d.text, d.tokens, d.ranges, tn));
    same(`tagEntities ${d.text.slice(0, 60)}`, old.tag.tagEntities({ title: '', text: d.text }), neu.tag.tagEntities({ title: '', text: d.text }));
    same(`documentFeatures ${d.text.slice(0, 60)}`, old.tag.documentFeatures(d.text, d.tokens, d.ranges, to.gazetteer), neu.tag.documentFeatures(d.text, d.tokens, d.ranges, tn.gazetteer));
  }
  // The stored record over every text above, the language samples (other languages' path) and the Wikinews articles (the topic sets' full articles).
  const wikinews = resolve(corpora, 'enrichment/topics/wikinews-politics-economy/articles.jsonl');
  const records = [...texts, ...loadLanguageSamples().map((l) => ({ title: l.language, text: l.text })), ...(existsSync(wikinews) ? readJsonl(wikinews) : [])];
  records.forEach((a, i) => same(`enrichArticle ${a.title}`, old.enrich.enrichArticle(extracted(i, a.title, a.text), { customTopics }), neu.enrich.enrichArticle(extracted(i, a.title, a.text), { customTopics })));
  // The topic classifier's class scores as computed, before the record rounds its probabilities.
  const [mn, mo] = [neu.topics.topicModel(), old.topics.topicModel()];
  records.forEach((a) => same(`textScores ${a.title}`, [...old.topics.textScores(mo, a).scores], [...neu.topics.textScores(mn, a).scores]));
  console.log(`${texts.length} texts, ${records.length - texts.length} language samples and Wikinews articles, and ${docs.length} NER documents: ${compared} comparisons, ${differ} differences`);
  process.exit(differ ? 1 : 0);
}

if (mode === 'review') {
  const corpora = resolve(ROOT, '../shared/corpora');
  const texts: Array<{ id: string; text: string }> = [];
  for (const [prefix, set] of [['wn', 'wikinews-politics-economy'], ['wpce', 'wp-current-events']] as const) {
    const p = resolve(corpora, 'enrichment/topics', set, 'articles.jsonl');
    if (existsSync(p)) readJsonl(p).forEach((r, i) => texts.push({ id: `${prefix}:${i}`, text: r.text }));
    else console.error(`not found, left out: ${p}`);
  }
  const wcxb = resolve(corpora, 'extraction-wcxb-dev/pages');
  if (existsSync(wcxb)) {
    for (const d of readdirSync(wcxb).sort()) {
      const p = resolve(wcxb, d, 'expected.txt');
      if (existsSync(p)) texts.push({ id: `wcxb:${d}`, text: readFileSync(p, 'utf8') });
    }
  } else console.error(`not found, left out: ${wcxb}`);
  [...labelled, ...loadHeldOutArticles()].forEach((a, i) => texts.push({ id: `fx:${i}`, text: a.text }));
  const only = opt('only');
  const keep = only ? new RegExp(only) : null;
  let read = 0;
  let changed = 0;
  let gone = 0;
  let added = 0;
  for (const t of texts) {
    if (keep && !keep.test(t.id)) continue;
    read++;
    const d = mentionDiff(t.text, old.tag.tagEntityMentions(t.text), neu.tag.tagEntityMentions(t.text));
    if (!d.gone.length && !d.added.length) continue;
    changed++;
    gone += d.gone.length;
    added += d.added.length;
    console.log(`== ${t.id}`);
    for (const l of d.gone) console.log(`  - ${l}`);
    for (const l of d.added) console.log(`  + ${l}`);
  }
  console.log(`${read} texts read, ${changed} changed: ${gone} mentions gone, ${added} added`);
  process.exit(0);
}

if (mode === 'equivalent') {
  type Tally = { tokens: number; changed: number; docs: number; docsChanged: number };
  const tally = (): Tally => ({ tokens: 0, changed: 0, docs: 0, docsChanged: 0 });
  const count = (t: Tally, a: readonly string[], b: readonly string[]) => {
    let c = 0;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) c++;
    t.tokens += a.length;
    t.changed += c;
    t.docs++;
    if (c) t.docsChanged++;
  };
  const rate = (t: Tally) => `${t.changed} of ${t.tokens} tokens changed tag (${((100 * t.changed) / Math.max(1, t.tokens)).toFixed(4)} %), in ${t.docsChanged} of ${t.docs} texts`;
  const f1 = (x: { tp: number; fp: number; fn: number }) => (prf(x).f * 100).toFixed(1);
  const LIMIT = 0.0005;
  let failed = false;
  const verdict = (name: string, scores: Record<string, string[]>, t: Tally) => {
    const same = Object.values(scores).every(([a, b]) => a === b);
    const ok = same && t.changed < LIMIT * t.tokens;
    if (!ok) failed = true;
    const cells = Object.entries(scores).map(([k, [a, b]]) => `${k} ${a}${a === b ? '' : ` -> ${b}`}`);
    console.log(`${ok ? 'same' : 'DIFFERS'}  ${name}: F1 ${cells.join(', ')}; ${rate(t)}`);
  };
  const total = tally();
  // bench:enrich models: the public NER sets, BIO tags scored per span (exact span and type).
  const dir = corpusDir(args);
  console.log(`## Public NER sets (bench:enrich models, ${dir})`);
  for (const [name, file, size] of NER_MEASURED_SETS) {
    const [so, sn] = [emptyScores(), emptyScores()];
    const t = tally();
    for (const d of conllDocs(readConll(resolve(dir, file)), size)) {
      const a = old.tag.labelTokens(d.text, d.tokens, d.ranges);
      const b = neu.tag.labelTokens(d.text, d.tokens, d.ranges);
      scoreSentence(so, d.tags, a);
      scoreSentence(sn, d.tags, b);
      count(t, a, b);
    }
    const scores: Record<string, string[]> = {};
    for (const k of [...ENTITY_TYPES, 'all'] as const) scores[k] = [f1((so as EntityScores)[k]), f1((sn as EntityScores)[k])];
    verdict(name, scores, t);
    for (const k of ['tokens', 'changed', 'docs', 'docsChanged'] as const) total[k] += t[k];
  }
  // bench:enrich entities: the fixture articles, resolved mentions scored by exact span and kind; tags over the tagger's tokens.
  console.log('## Fixture articles (bench:enrich entities)');
  for (const [name, set] of [['development set', labelled], ['held-out set', loadHeldOutArticles()]] as const) {
    const kinds = ['person', 'place', 'organisation'] as const;
    const stats = [0, 1].map(() => Object.fromEntries([...kinds, 'all'].map((k) => [k, { tp: 0, fp: 0, fn: 0 }])) as Record<string, { tp: number; fp: number; fn: number }>);
    const t = tally();
    for (const a of set) {
      [old, neu].forEach((tg, v) => {
        const st = stats[v] as Record<string, { tp: number; fp: number; fn: number }>;
        const key = (k: string, x: number, y: number) => `${k}:${x}:${y}`;
        const gold = new Set(a.mentions.map((g) => key(g.kind, g.start, g.end)));
        const pred = tg.tag.tagEntityResolved(a);
        const predKeys = new Set(pred.map((p) => key(p.kind, p.start, p.end)));
        for (const p of pred) for (const k of [p.kind, 'all']) (st[k] as { tp: number; fp: number })[gold.has(key(p.kind, p.start, p.end)) ? 'tp' : 'fp']++;
        for (const g of a.mentions) if (!predKeys.has(key(g.kind, g.start, g.end))) for (const k of [g.kind, 'all']) (st[k] as { fn: number }).fn++;
      });
      const tokens = neu.tokens.nerTokenize(a.text);
      count(t, old.tag.labelTokens(a.text, tokens), neu.tag.labelTokens(a.text, tokens));
    }
    const scores: Record<string, string[]> = {};
    for (const k of [...kinds, 'all']) scores[k] = [f1((stats[0] as Record<string, { tp: number; fp: number; fn: number }>)[k]!), f1((stats[1] as Record<string, { tp: number; fp: number; fn: number }>)[k]!)];
    verdict(name, scores, t);
    for (const k of ['tokens', 'changed', 'docs', 'docsChanged'] as const) total[k] += t[k];
  }
  console.log(`measured sets together: ${rate(total)}`);
  // For information: the other texts `check` reads (training sets, WCXB expected texts, 800-word articles).
  const other = tally();
  const corpora = resolve(ROOT, '../shared/corpora');
  for (const f of ['wikigold/all.conll', 'btc/train.conll', 'wnut17/train.conll', 'wnut17/dev.conll']) {
    const p = resolve(dir, 'ner', f);
    if (!existsSync(p)) continue;
    for (const d of conllDocs(readConll(p), f.startsWith('wikigold') ? 10 : 1)) count(other, old.tag.labelTokens(d.text, d.tokens, d.ranges), neu.tag.labelTokens(d.text, d.tokens, d.ranges));
  }
  const texts = long.map((a) => a.text);
  const wcxb = resolve(corpora, 'extraction-wcxb-dev/pages');
  if (existsSync(wcxb)) for (const d of readdirSync(wcxb)) { const p = resolve(wcxb, d, 'expected.txt'); if (existsSync(p)) texts.push(readFileSync(p, 'utf8')); }
  for (const text of texts) {
    const tokens = neu.tokens.nerTokenize(text);
    count(other, old.tag.labelTokens(text, tokens), neu.tag.labelTokens(text, tokens));
  }
  console.log(`other texts (training sets, WNUT-17 dev, WCXB expected texts, 800-word articles): ${rate(other)}`);
  console.log(failed ? 'NOT EQUIVALENT' : `equivalent: every measured set's F1 the same to 0.1, and fewer than ${LIMIT * 100} % of its tokens changed tag`);
  process.exit(failed ? 1 : 0);
}

// ---------- speed ----------
const cpuMs = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const runs: Record<string, (a: { title: string; text: string }, i: number) => unknown> = {
  'tag old': (a) => old.tag.tagEntities(a),
  'tag new': (a) => neu.tag.tagEntities(a),
  'enrich old': (a, i) => old.enrich.enrichArticle(extracted(i, a.title, a.text), { customTopics }),
  'enrich new': (a, i) => neu.enrich.enrichArticle(extracted(i, a.title, a.text), { customTopics }),
};
const batch = (k: string) => { const c0 = cpuMs(); long.forEach((a, i) => runs[k]?.(a, i)); return (cpuMs() - c0) / long.length; };
for (let w = 0; w < 2; w++) for (const k of Object.keys(runs)) batch(k);
// CPU time is counted in scheduler ticks: taken over whole batches, old and new alternated.
const cpu: Record<string, number[]> = {};
for (let r = 0; r < rounds; r++) {
  const order = r % 2 ? ['tag new', 'tag old', 'enrich new', 'enrich old'] : ['tag old', 'tag new', 'enrich old', 'enrich new'];
  for (const k of order) { (globalThis as { gc?: () => void }).gc?.(); (cpu[k] ??= []).push(batch(k)); }
}
// Per article, old and new alternated, the fastest of 9 runs each: the estimate of the cost on a core of its own.
const fastest: Record<string, number> = {};
for (const pair of [['tag old', 'tag new'], ['enrich old', 'enrich new']] as const) {
  long.forEach((a, i) => {
    const best: Record<string, number> = {};
    for (let r = 0; r < 9; r++) {
      for (const k of r % 2 ? [pair[1], pair[0]] : pair) {
        const t0 = performance.now();
        runs[k]?.(a, i);
        best[k] = Math.min(best[k] ?? Infinity, performance.now() - t0);
      }
    }
    for (const k of pair) fastest[k] = (fastest[k] ?? 0) + (best[k] as number) / long.length;
  });
}
const median = (x: readonly number[]) => [...x].sort((a, b) => a - b)[Math.floor(x.length / 2)] as number;
const words = Math.round(long.reduce((s, a) => s + a.text.split(/\s+/).length, 0) / long.length);
console.log(`${long.length} articles of ${words} words, ${rounds} alternated rounds`);
for (const k of Object.keys(runs)) console.log(`${k.padEnd(10)} CPU ${median(cpu[k] as number[]).toFixed(2)} ms/article (median of rounds), fastest of 9: ${(fastest[k] as number).toFixed(2)} ms`);
const ratio = (what: string) => median((cpu[`${what} new`] as number[]).map((x, r) => x / (cpu[`${what} old`] as number[])[r]!));
console.log(`new / old: tagging CPU ${ratio('tag').toFixed(3)}, fastest ${((fastest['tag new'] as number) / (fastest['tag old'] as number)).toFixed(3)}; enrichArticle CPU ${ratio('enrich').toFixed(3)}, fastest ${((fastest['enrich new'] as number) / (fastest['enrich old'] as number)).toFixed(3)}`);
const os = await import('node:os');
console.log(`load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.cpus().length} cores`);
