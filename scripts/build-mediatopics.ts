/**
 * Builds src/workers/enricher/data/mediatopics.json from the IPTC Media Topics
 * vocabulary (CC BY 4.0, IPTC): active concepts only, US English labels and
 * definitions, parent links, depth. Run with:
 *   node --import tsx scripts/build-mediatopics.ts [path/to/mediatopic.json]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

type RawConcept = {
  qcode: string;
  prefLabel?: Record<string, string>;
  definition?: Record<string, string>;
  broader?: string[];
  retired?: string;
};

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? resolve(root, '../shared/corpora/iptc-mediatopics/mediatopic-2023-03-31-en-US.json');
const raw = JSON.parse(readFileSync(source, 'utf8')) as { dateReleased?: string; conceptSet: RawConcept[] };

const active = raw.conceptSet.filter((c) => !c.retired && c.prefLabel?.['en-US']);
const byCode = new Map(active.map((c) => [c.qcode, c]));
const parentOf = (c: RawConcept): string | null => {
  const uri = c.broader?.[0];
  if (!uri) return null;
  const code = `medtop:${uri.slice(uri.lastIndexOf('/') + 1)}`;
  return byCode.has(code) ? code : null;
};
const depthOf = (c: RawConcept): number => {
  let depth = 1;
  let p = parentOf(c);
  while (p) {
    depth += 1;
    p = parentOf(byCode.get(p) as RawConcept);
  }
  return depth;
};

// Compact rows: [code without prefix, label, parent code without prefix or "", depth, definition]
const rows = active
  .filter((c) => !c.broader || parentOf(c)) // drop concepts whose parent was retired
  .map((c) => [
    c.qcode.slice('medtop:'.length),
    c.prefLabel?.['en-US'] ?? '',
    (parentOf(c) ?? '').replace('medtop:', ''),
    depthOf(c),
    c.definition?.['en-US'] ?? '',
  ]);

const out = {
  source: 'IPTC Media Topics, release 2023-03-31, en-US (https://iptc.org/standards/media-topics/)',
  licence: 'CC BY 4.0 https://creativecommons.org/licenses/by/4.0/',
  changes: 'Active concepts only; columns reduced to code, label, parent, depth, definition.',
  released: raw.dateReleased ?? null,
  columns: ['code', 'label', 'parent', 'depth', 'definition'],
  rows,
};
const target = resolve(root, 'src/workers/enricher/data/mediatopics.json');
writeFileSync(target, `${JSON.stringify(out)}\n`);
console.log(`wrote ${rows.length} concepts to ${target}`);
