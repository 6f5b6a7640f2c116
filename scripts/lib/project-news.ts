/**
 * Short news written for the project (scripts/data/project-news.tsv; the project's own licence, NOTICE): a headline and
 * one or two sentences each, 40 per IPTC top level. About a third (by md5 of headline and text) is a dev set that is
 * only ever measured; the rest may be trained on (train-topics --project-news W).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './enrichment-data.js';

export const PROJECT_NEWS_FILE = resolve(REPO_ROOT, 'scripts/data/project-news.tsv');
/** Short technology news written for the project, in the same format, all trainable (no dev part). */
export const PROJECT_TECH_NEWS_FILE = resolve(REPO_ROOT, 'scripts/data/project-tech-news.tsv');
/** Short news of every top level written for the project (a headline and one sentence, wire-alert style), all trainable. */
export const PROJECT_SHORT_NEWS_FILE = resolve(REPO_ROOT, 'scripts/data/project-short-news.tsv');
/** More short news of every top level written for the project (a headline and one sentence, wire-brief style), all trainable. */
export const PROJECT_WIRE_BRIEFS_FILE = resolve(REPO_ROOT, 'scripts/data/project-wire-briefs.tsv');

export type ProjectNews = { title: string; text: string; code: string };

/** Every line of the set, in file order; throws on a malformed line or a repeated text. */
export function readProjectNews(file = PROJECT_NEWS_FILE): ProjectNews[] {
  const out: ProjectNews[] = [];
  const seen = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [code, title, text, ...rest] = line.split('\t');
    if (!code || !/^medtop:\d{2}000000$/.test(code) || !title || !text || rest.length) throw new Error(`${file}: not "code<TAB>headline<TAB>text": ${line}`);
    const key = `${title}\n${text}`;
    if (seen.has(key)) throw new Error(`${file}: given twice: ${title}`);
    seen.add(key);
    out.push({ title, text, code });
  }
  return out;
}

/** Whether an item is in the dev third (md5 of headline and text), which no model is trained on. */
export const inProjectNewsDev = (r: { title: string; text: string }): boolean => (createHash('md5').update(`${r.title}\n${r.text}`).digest()[2] as number) % 3 === 0;

/**
 * The set as train-topics splits it: the dev third, only ever measured (train-topics and bench:enrich -- models print
 * it), and the two thirds train-topics --project-news W may train on; each in file order.
 */
export function splitProjectNews(items: readonly ProjectNews[] = readProjectNews()): { train: ProjectNews[]; dev: ProjectNews[] } {
  return { train: items.filter((r) => !inProjectNewsDev(r)), dev: items.filter(inProjectNewsDev) };
}
