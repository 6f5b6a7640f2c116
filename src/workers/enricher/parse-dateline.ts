/** A dateline that opens a story: "SEOUL, June 11 (Wire) -". */
export type Dateline = {
  /** The line as written, without the dash: "SEOUL, June 11 (Wire)". */
  raw: string;
  /** "SEOUL" / "Washington" */
  place: string;
  /** "June 11" when given. */
  date: string | null;
  /** "Reuters", "AP", "Wire" when given. */
  credit: string | null;
  /** Characters of the text the dateline takes, dash and following space included. */
  length: number;
};

const MONTH = '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// PLACE: an upper-case run ("BEIJING", "NEW DELHI", "ST. LOUIS", "WASHINGTON, D.C.") or a capitalized name ("Beijing").
const PLACE = "(\\p{Lu}[\\p{Lu}.'’ -]{1,40}?(?:,\\s*\\p{Lu}[\\p{Lu}.]{0,8})?|\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+){0,2}(?:,\\s*\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?)?)";
const DATE = `(?:,\\s*(${MONTH}\\s+\\d{1,2}(?:,\\s*\\d{4})?|\\d{1,2}\\s+${MONTH}(?:\\s+\\d{4})?))?`;
const CREDIT = '(?:\\s*\\(([^()\\n]{1,40})\\))?';
const DASH = '\\s*(?:—|–|--|-|:)\\s+';
const DATELINE_RE = new RegExp(`^\\s*${PLACE}${DATE}${CREDIT}${DASH}`, 'u');

/**
 * Parses the dateline at the start of `lead` ("BEIJING —", "SEOUL, June 11
 * (Wire) -", "WASHINGTON (AP) —"), or null when the lead has none. A
 * mixed-case place counts only with a date or credit, so "Beijing - the
 * capital..." prose is not taken for a dateline.
 */
export function parseDateline(lead: string): Dateline | null {
  const m = DATELINE_RE.exec(lead.slice(0, 160));
  if (!m) return null;
  const place = (m[1] ?? '').trim().replace(/[,\s]+$/, '');
  const date = m[2]?.trim() ?? null;
  const credit = m[3]?.trim() ?? null;
  const upper = place === place.toUpperCase() && /\p{Lu}{2}/u.test(place);
  if (!upper && !date && !credit) return null;
  if (place.split(/\s+/).length > 5) return null;
  const rawEnd = m[0].replace(/\s*(?:—|–|--|-|:)\s+$/u, '');
  return { raw: rawEnd.trim(), place, date, credit, length: m[0].length };
}
