import data from './data/mediatopics.json' with { type: 'json' };

/** One active IPTC Media Topic (derived vocabulary, see NOTICE). */
export type MediaTopic = {
  /** "medtop:20000645" */
  code: string;
  label: string;
  /** Parent code, null for the 17 top-level topics. */
  parent: string | null;
  /** 1 for top level. */
  depth: number;
  definition: string;
};

type Row = [string, string, string, number, string];

const build = (): ReadonlyMap<string, MediaTopic> => {
  const map = new Map<string, MediaTopic>();
  for (const row of data.rows as Row[]) {
    const [code, label, parent, depth, definition] = row;
    map.set(`medtop:${code}`, {
      code: `medtop:${code}`,
      label,
      parent: parent ? `medtop:${parent}` : null,
      depth,
      definition,
    });
  }
  return map;
};

/** Every active Media Topic by code. */
export const MEDIATOPICS: ReadonlyMap<string, MediaTopic> = build();

export const MEDIATOPIC_URI_BASE = 'http://cv.iptc.org/newscodes/mediatopic/';

/** The 17 top-level topics. */
export const TOP_LEVEL_TOPICS: readonly MediaTopic[] = [...MEDIATOPICS.values()].filter((t) => t.depth === 1);

/** Codes from `code` up to its top-level ancestor, `code` first; [] for an unknown code. */
export function ancestorsOf(code: string): string[] {
  const out: string[] = [];
  let current = MEDIATOPICS.get(code);
  while (current) {
    out.push(current.code);
    current = current.parent ? MEDIATOPICS.get(current.parent) : undefined;
  }
  return out;
}

/** The top-level ancestor of `code` (itself for a top-level code), or null when unknown. */
export function topLevelOf(code: string): string | null {
  const chain = ancestorsOf(code);
  return chain[chain.length - 1] ?? null;
}

/** "medtop:20000645" -> "http://cv.iptc.org/newscodes/mediatopic/20000645" */
export const mediaTopicUri = (code: string): string => `${MEDIATOPIC_URI_BASE}${code.replace(/^medtop:/, '')}`;
