/**
 * Install-time tuning of linkedom (run by `npm install` as postinstall).
 *
 * linkedom's EventTarget constructor gives every node — each element, text
 * node and attribute — its own listener Map in a module-level WeakMap. The
 * extractor never adds a listener, yet those entries cost about an eighth
 * of its CPU time per page (the WeakMap insert and the garbage collector's
 * ephemeron work). This rewrites the constructor to create the Map on the
 * first addEventListener instead; every other use already tolerates a
 * missing Map. Behaviour is unchanged (tests/unit/extractor/linkedom-tuning
 * checks both the tuning and event dispatch).
 *
 * Idempotent. When linkedom's source no longer matches (a new version), it
 * says so and changes nothing: the extractor still works, only slower.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MARKER = '/* telex: listener maps created lazily */';

const EDITS = [
  ['  constructor() {\n    wm.set(this, new Map);\n  }', `  constructor() {\n    ${MARKER}\n  }`],
  [
    '  addEventListener(type, listener, options) {\n    const map = wm.get(this);',
    '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);',
  ],
  ['    const map = wm.get(this);\n    if (map.has(type)) {', '    const map = wm.get(this);\n    if (map && map.has(type)) {'],
];

/** Applies the edits to one copy of event-target.js; returns what happened. */
export function tuneSource(source) {
  if (source.includes(MARKER)) {
    return { status: 'already', source };
  }
  let out = source;
  for (const [from, to] of EDITS) {
    if (!out.includes(from)) {
      return { status: 'unknown', source };
    }
    out = out.replace(from, to);
  }
  return { status: 'tuned', source: out };
}

function main() {
  let dir;
  try {
    // Wherever npm placed it (hoisted or not), as Telex's code will load it.
    dir = dirname(createRequire(import.meta.url).resolve('linkedom/package.json'));
  } catch {
    return;
  }
  for (const flavour of ['esm', 'cjs']) {
    const file = resolve(dir, flavour, 'interface/event-target.js');
    if (!existsSync(file)) {
      continue;
    }
    const result = tuneSource(readFileSync(file, 'utf8'));
    if (result.status === 'tuned') {
      writeFileSync(file, result.source);
    } else if (result.status === 'unknown') {
      console.warn(`telex: linkedom ${flavour}/interface/event-target.js is not the expected version; left as is (extraction works, slower)`);
    }
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
