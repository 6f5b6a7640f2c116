/**
 * The mentions one tagger finds in a text and another does not, with the words
 * around each, for reading a change to the tagger by hand (bench/tagger-ab.ts
 * review).
 */

/** A mention as tagEntityMentions gives it: its kind and where it stands in the text. */
export type SpanMention = { kind: string; start: number; end: number };

/** The mentions only the old tagger finds (`gone`) and only the new one finds (`added`), as lines to read; empty when the two agree. */
export function mentionDiff(text: string, old: readonly SpanMention[], neu: readonly SpanMention[], context = 60): { gone: string[]; added: string[] } {
  const key = (m: SpanMention) => `${m.kind}:${m.start}:${m.end}`;
  const oldKeys = new Set(old.map(key));
  const newKeys = new Set(neu.map(key));
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const line = (m: SpanMention) =>
    `${m.kind.slice(0, 3)} ${flat(text.slice(Math.max(0, m.start - context), m.start))}[${text.slice(m.start, m.end)}]${flat(text.slice(m.end, m.end + context))}`;
  return { gone: old.filter((m) => !newKeys.has(key(m))).map(line), added: neu.filter((m) => !oldKeys.has(key(m))).map(line) };
}
