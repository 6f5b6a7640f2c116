/** Reads the attributes of one start tag (HTML or XML) without a DOM. Pure. */

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
