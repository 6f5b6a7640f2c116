/**
 * Acronyms of common nouns are no names. The plural of an acronym names a kind
 * of things or people ("VPNs", "APIs", "LLMs", "MEPs", "UAVs"), and so do the
 * abbreviations news and web text write for common nouns ("AI", "GDP", "TV",
 * "SEO", "HR", "CRM", "R&D"); the public sets leave them untagged (BTC's "MPs",
 * "PDFs", "ATMs", WNUT-17's "CDs", "DVRs", wikigold's "DJs", UNER-EWT's "FMs":
 * O). The tagger read them as persons, places or organisations by their
 * capitals, and the document pass carried one such reading to every mention
 * of the word ("investing in [AI]" a place, then each "AI" of the page).
 */
import { type Token } from './tokens.js';
import { bioSpans } from './wire-conventions.js';

/** An acronym of two capitals or more and a plural's "s" ("VPNs", "MEPs", "IDs"). */
const PLURAL_ACRONYM = /^\p{Lu}{2,}s$/u;

/**
 * Abbreviations of common nouns, never a name alone: not those that are also an organisation's or a place's short name
 * ("PR" Puerto Rico, "PC" a party, "PTO" a patent office, "RAM" a make of truck).
 */
const COMMON_ACRONYMS: ReadonlySet<string> = new Set(
  (
    'AI GDP TV IT HR SEO VPN CRM UX UI DNS SQL ROI API GPS SaaS IoT LLM FAQ DIY R&D LNG BBQ Q&A CEO CFO COO CTO ' +
    'DSLR EV MBA B2B B2C KPI SUV ATM LED USB HVAC DVD CD GPU CPU SSD HDMI PDF URL HTML CSS'
  ).split(' '),
);

/**
 * Tags without the one-word persons, places and organisations that are an
 * acronym's plural or an abbreviation of a common noun. Not where the text names
 * the acronym itself as a name: the plural's "s" is then a possessive written
 * without its apostrophe ("the FCC ... the FCCs mandate", "the BNP ... the BNPs
 * message"), and an abbreviation in brackets after a name is that name's
 * ("Amnesty International (AI) ... AI condemned").
 */
export function commonAcronymsAreNoNames(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  let names: Set<string> | undefined;
  let defined: Set<string> | undefined;
  for (const { from, to } of bioSpans(tags)) {
    const word = (tokens[from] as Token).text;
    if (to - from !== 1) continue;
    const plural = PLURAL_ACRONYM.test(word);
    if (!plural && !COMMON_ACRONYMS.has(word)) continue;
    names ??= new Set(bioSpans(tags).filter((s) => s.to - s.from === 1).map((s) => (tokens[s.from] as Token).text));
    if (plural ? names.has(word.slice(0, -1)) : (defined ??= definedAfterNames(tokens, tags)).has(word)) continue;
    out ??= [...tags];
    out[from] = 'O';
  }
  return out ?? (tags as string[]);
}

/** The words the text writes in brackets right after a name ("Amnesty International (AI)"). */
function definedAfterNames(tokens: readonly Token[], tags: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 2; i + 1 < tokens.length; i++) {
    if (tokens[i - 1]?.text === '(' && tokens[i + 1]?.text === ')' && tags[i - 2] !== 'O') out.add((tokens[i] as Token).text);
  }
  return out;
}
