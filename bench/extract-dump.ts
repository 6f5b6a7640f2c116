/**
 * `bench:extract --dump DIR`: where each page's extracted text is written, so that two trees' outputs (a run with
 * `--before`, or two runs) can be read side by side and diffed by hand (`diff -r DIR/before DIR/linkedom`).
 */
import { join } from 'node:path';

/**
 * The folder a mode's texts go to: DIR itself when the run has one mode, else DIR/<mode> (DIR/linkedom, DIR/before,
 * DIR/readability-jsdom), so that the modes of one run do not write over each other.
 */
export const dumpDirFor = (dump: string, mode: string, modes: readonly string[]): string => (modes.length > 1 ? join(dump, mode) : dump);

/** The file of one page's text in a mode's folder: `<id>.txt`, the id kept to letters, digits, dots, dashes and underscores. */
export const dumpFile = (dir: string, id: string): string => join(dir, `${id.replace(/[^\w.-]/g, '_')}.txt`);

/** What is written for a page: its text and a final line break; an empty file when the extractor returned nothing. */
export const dumpText = (text: string | null | undefined): string => (text ? `${text}\n` : '');
