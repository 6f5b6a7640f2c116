import { MEDIATOPICS } from './workers/enricher/mediatopics.js';

let children: Map<string, string[]> | null = null;

/**
 * Every descendant of an IPTC Media Topic code (not the code itself), so that
 * a topic filter on "politics" also finds "election". Custom codes have none.
 */
export function mediaTopicDescendants(code: string): string[] {
  if (!children) {
    children = new Map();
    for (const t of MEDIATOPICS.values()) {
      if (t.parent) {
        const list = children.get(t.parent) ?? [];
        list.push(t.code);
        children.set(t.parent, list);
      }
    }
  }
  const out: string[] = [];
  const stack = [...(children.get(code) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    out.push(next);
    stack.push(...(children.get(next) ?? []));
  }
  return out;
}
