/**
 * The plural of an acronym is a common noun, no name: "VPNs", "APIs", "LLMs",
 * "KPIs", "MEPs", "PCs", "UAVs" name kinds of things and people, and the
 * public sets leave them untagged (BTC's "MPs", "PDFs", "ATMs", WNUT-17's
 * "CDs", "DVRs", wikigold's "DJs", UNER-EWT's "FMs": O). The tagger read them
 * as persons, places or organisations by their capitals: over the 16,720
 * review texts 795 such one-word names in about 230 texts (Wikinews, WP
 * current events, the WCXB pages).
 */
import { type Token } from './tokens.js';
import { bioSpans } from './wire-conventions.js';

/** An acronym of two capitals or more and a plural's "s" ("VPNs", "MEPs", "IDs"). */
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;

/**
 * Tags without the one-word persons, places and organisations that are an
 * acronym's plural. Not where the text names the acronym itself as a name: the
 * "s" is then a possessive written without its apostrophe ("the FCC ... the
 * FCCs mandate", "the BNP ... the BNPs message").
 */
export function pluralAcronymsAreNoNames(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  let names: Set<string> | undefined;
  for (const { from, to } of bioSpans(tags)) {
    const word = (tokens[from] as Token).text;
    if (to - from !== 1 || !PLURAL_ACRONYM.test(word)) continue;
    names ??= new Set(bioSpans(tags).filter((s) => s.to - s.from === 1).map((s) => (tokens[s.from] as Token).text));
    if (names.has(word.slice(0, -1))) continue;
    out ??= [...tags];
    out[from] = 'O';
  }
  return out ?? (tags as string[]);
}
