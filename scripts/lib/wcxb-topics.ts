/**
 * Short web news with topics labelled by hand: the WCXB development pages (../shared/corpora/extraction-wcxb-dev, read
 * by path, CC BY 4.0) and the project's labels of them (scripts/data/wcxb-topics.tsv: page id, IPTC top-level code or
 * "none"). Each page is read as its headline and first sentence, as a feed item or wire alert gives a story.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT, SENTENCE_BREAK } from './enrichment-data.js';

export const WCXB_TOPIC_LABELS = resolve(REPO_ROOT, 'scripts/data/wcxb-topics.tsv');
export const WCXB_DEFAULT_DIR = resolve(REPO_ROOT, '../shared/corpora/extraction-wcxb-dev');

/** A paragraph shorter than this (a heading, a byline, a date) is not the story's lead. */
const MIN_LEAD_WORDS = 8;

/** Page id -> IPTC top-level code, or null where the page was read as no news topic. */
export function readTopicLabels(file = WCXB_TOPIC_LABELS): Map<string, string | null> {
  const out = new Map<string, string | null>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const [id, code] = line.split('\t');
    if (!id || !code) throw new Error(`${file}: not "id<TAB>code": ${line}`);
    if (out.has(id)) throw new Error(`${file}: page ${id} labelled twice`);
    out.set(id, code === 'none' ? null : code);
  }
  return out;
}

/** The first sentence of the body's first paragraph of MIN_LEAD_WORDS words or more ('' when there is none). */
export function firstSentence(body: string): string {
  const lead = body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .find((p) => p.split(' ').length >= MIN_LEAD_WORDS);
  return lead?.split(SENTENCE_BREAK)[0] ?? '';
}

export type LabelledHead = { id: string; title: string; text: string; code: string };

/** The labelled pages of the WCXB folder `dir` with their headline and reference body, pages labelled "none" left out; null when the folder is absent. */
function labelledPages(dir: string, labelsFile: string): Array<{ id: string; title: string; body: string; code: string }> | null {
  const pages = join(dir, 'pages');
  if (!existsSync(pages)) return null;
  const out: Array<{ id: string; title: string; body: string; code: string }> = [];
  for (const [id, code] of [...readTopicLabels(labelsFile)].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (!code) continue;
    const at = join(pages, id);
    if (!existsSync(join(at, 'meta.json'))) throw new Error(`${labelsFile}: page ${id} is not in ${pages}`);
    const meta = JSON.parse(readFileSync(join(at, 'meta.json'), 'utf8')) as { title?: string };
    out.push({ id, title: (meta.title ?? '').trim(), body: readFileSync(join(at, 'expected.txt'), 'utf8'), code });
  }
  return out;
}

/**
 * The labelled pages of the WCXB folder `dir` (pages/<id>/meta.json and expected.txt) as headline + first sentence,
 * pages labelled "none" left out; null when the folder is absent (the caller says so and goes on without them).
 */
export function readWcxbHeads(dir: string = WCXB_DEFAULT_DIR, labelsFile = WCXB_TOPIC_LABELS): LabelledHead[] | null {
  return labelledPages(dir, labelsFile)?.map((p) => ({ id: p.id, title: p.title, text: firstSentence(p.body), code: p.code })) ?? null;
}

/**
 * Whether a labelled head is in the part that may be trained on (about a third, by a hash of its headline and text, so
 * that a page given twice falls on one side); the other two thirds are only ever measured.
 */
export const inTrainingPart = (r: { title: string; text: string }): boolean => (createHash('md5').update(`${r.title}\n${r.text}`).digest()[1] as number) % 3 === 0;

/**
 * The labelled pages of the WCXB folder `dir` as whole texts (the reference body, expected.txt) of `minWords` words or
 * more, pages labelled "none" left out; null when the folder is absent. Long web articles outside politics and economy:
 * the topic classifier never trains on their bodies.
 */
export function readWcxbPages(dir: string = WCXB_DEFAULT_DIR, labelsFile = WCXB_TOPIC_LABELS, minWords = 300): LabelledHead[] | null {
  return (
    labelledPages(dir, labelsFile)
      ?.filter((p) => p.body.split(/\s+/).filter(Boolean).length >= minWords)
      .map((p) => ({ id: p.id, title: p.title, text: p.body, code: p.code })) ?? null
  );
}
