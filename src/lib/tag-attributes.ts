/** Reads one start tag (HTML or XML) without a DOM: where it ends, and its attributes. Pure. */

import { decodeEntities } from './html-entities.js';

/** Attributes of a start tag such as `<link rel="alternate" href=/feed>`; names lower-cased, values entity-decoded. */
export function tagAttributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  const body = tag.replace(/^<\s*[^\s/>]+/, '').replace(/\/?>$/, '');
  const re = /([^\s"'=<>`/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const name = (m[1] ?? '').toLowerCase();
    if (name !== '' && !(name in out)) {
      out[name] = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    }
  }
  return out;
}

/** The index of the `>` that ends the tag opening at `from` (quoted values may hold one), or -1; one pass, at most 1 MB. */
export function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from, last = Math.min(html.length, from + 1_000_000); i < last; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i;
    }
  }
  return -1;
}
