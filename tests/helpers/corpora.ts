/**
 * The corpora vendored for the tests (tests/fixtures/corpora/, licences in
 * NOTICE): the seed story, mozilla/readability's test pages (gzipped), the
 * gofeed test data and IPTC's ninjs schemas. Tests read them from here only,
 * never from outside the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const CORPORA = resolve(REPO_ROOT, 'tests/fixtures/corpora');
export const READABILITY_PAGES = resolve(CORPORA, 'readability-test-pages');
export const GOFEED_TESTDATA = resolve(CORPORA, 'gofeed-testdata');
export const SEED_STORY_PATH = resolve(CORPORA, 'seed/voa-2002-06-11.txt');
export const NINJS_SCHEMA_PATH = resolve(CORPORA, 'ninjs-schema/ninjs-schema_3.1.json');

/** Names of the readability test pages, sorted. */
export function readabilityPageNames(): string[] {
  return readdirSync(READABILITY_PAGES)
    .filter((n) => existsSync(resolve(READABILITY_PAGES, n, 'source.html.gz')))
    .sort();
}

/** One readability test page as fetched (`source.html`). */
export function readabilityPage(name: string): string {
  return gunzipSync(readFileSync(resolve(READABILITY_PAGES, name, 'source.html.gz'))).toString('utf8');
}

/** What Readability itself extracts from that page (`expected.html`). */
export function readabilityExpectedHtml(name: string): string {
  return gunzipSync(readFileSync(resolve(READABILITY_PAGES, name, 'expected.html.gz'))).toString('utf8');
}

/** The page's expected metadata (title, byline, excerpt, siteName, publishedTime, lang, dir). */
export function readabilityMetadata(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(READABILITY_PAGES, name, 'expected-metadata.json'), 'utf8')) as Record<string, unknown>;
}

/** IPTC's ninjs 3.1 JSON Schema. */
export function ninjsSchema(): Record<string, unknown> {
  return JSON.parse(readFileSync(NINJS_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
}
