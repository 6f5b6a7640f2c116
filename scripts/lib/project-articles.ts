/**
 * Long news articles written for the project (scripts/data/project-articles.txt; the project's own licence, NOTICE):
 * whole articles of about 180 to 300 words, a handful per IPTC top level. About a third (by md5 of the id) is a dev set
 * that is only ever measured; the rest may be trained on (train-topics --project-articles W).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPO_ROOT } from './enrichment-data.js';

export const PROJECT_ARTICLES_FILE = resolve(REPO_ROOT, 'scripts/data/project-articles.txt');

export type ProjectArticle = { id: string; title: string; text: string; code: string };

/**
 * Every article of the set, in file order: a line "@@ <code> <id>", the headline on the next line, then the body's
 * paragraphs (blank lines between them) up to the next "@@" line. Comment lines ("#") stand only before the first
 * article. Throws on a malformed head, an article without headline or body, or a repeated id.
 */
export function readProjectArticles(file = PROJECT_ARTICLES_FILE): ProjectArticle[] {
  const out: ProjectArticle[] = [];
  const ids = new Set<string>();
  let current: { id: string; code: string; lines: string[] } | null = null;
  const close = () => {
    if (!current) return;
    const [title, ...body] = current.lines.map((l) => l.trim()).filter((l, i) => i > 0 || l);
    const text = body.filter((l) => l).join('\n\n');
    if (!title || !text) throw new Error(`${file}: ${current.id} has no headline or no body`);
    out.push({ id: current.id, title, text, code: current.code });
  };
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('@@')) {
      close();
      const m = /^@@ (medtop:\d{2}000000) ([a-z0-9-]+)$/.exec(line.trimEnd());
      if (!m) throw new Error(`${file}: not "@@ <code> <id>": ${line}`);
      const [, code, id] = m as unknown as [string, string, string];
      if (ids.has(id)) throw new Error(`${file}: id given twice: ${id}`);
      ids.add(id);
      current = { id, code, lines: [] };
    } else if (current) current.lines.push(line);
    else if (line.trim() && !line.startsWith('#')) throw new Error(`${file}: text before the first article: ${line}`);
  }
  close();
  return out;
}

/** Whether an article is in the dev third (md5 of its id), which no model is trained on. */
export const inProjectArticlesDev = (r: { id: string }): boolean => (createHash('md5').update(r.id).digest()[2] as number) % 3 === 0;

/** Items with ids split by inProjectArticlesDev: the dev third, only ever measured, and the two thirds that may be trained on; each in order. */
export function splitByIdThird<T extends { id: string }>(items: readonly T[]): { train: T[]; dev: T[] } {
  return { train: items.filter((r) => !inProjectArticlesDev(r)), dev: items.filter(inProjectArticlesDev) };
}

/**
 * The set as train-topics splits it: the dev third by id, only ever measured (train-topics and bench:enrich -- models
 * print it), and the two thirds train-topics --project-articles W may train on; each in file order.
 */
export function splitProjectArticles(items: readonly ProjectArticle[] = readProjectArticles()): { train: ProjectArticle[]; dev: ProjectArticle[] } {
  return splitByIdThird(items);
}
