/** Dates as pages write them for readers: "Dec 16, 2025", "16th December 2025", "2025-12-16", "2025/4/29", "12.12.2025", "08/19/2025". */

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};
/** The number (1-12) of a month's name or abbreviation as MONTH_WORD matches it, any case; undefined for other words. */
export const monthNumber = (word: string): number | undefined => MONTHS[word.toLowerCase()];

/**
 * The opening letters of a month's name, as a regular-expression source (no capture group), for patterns that take
 * the rest of the word as pages spell it ("Sept.", "Febuary"); MONTH_WORD takes the names whole.
 */
export const MONTH_START = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)';
/** A month's name or its abbreviation, as a regular-expression source (no capture group). */
export const MONTH_WORD = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const MONTH = `(${MONTH_WORD})`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '((?:19|20)\\d{2})';
/** After a written year: no more digits, unless they are the hour glued to it ("November 11, 20228:23 PM"). */
const YEAR_END = '(?!\\d(?!\\d?:\\d\\d))';

/**
 * Months in the other languages news is written in, day first: Spanish, Portuguese, French, Italian, German,
 * Dutch; names and the abbreviations sites print ("04-ago-2021", "3. Mär. 2024", "12 déc. 2025").
 */
const OTHER_MONTHS: Record<string, number> = {
  enero: 1, ene: 1, janeiro: 1, janvier: 1, janv: 1, gennaio: 1, gen: 1, januar: 1, 'jänner': 1, januari: 1,
  febrero: 2, fevereiro: 2, fev: 2, 'février': 2, 'févr': 2, fevrier: 2, febbraio: 2, februar: 2, februari: 2,
  marzo: 3, 'março': 3, marco: 3, mars: 3, 'märz': 3, 'mär': 3, maart: 3, mrt: 3,
  abril: 4, abr: 4, avril: 4, avr: 4, aprile: 4,
  mayo: 5, maio: 5, mai: 5, maggio: 5, mag: 5, mei: 5,
  junio: 6, junho: 6, juin: 6, giugno: 6, giu: 6, juni: 6,
  julio: 7, julho: 7, juillet: 7, juil: 7, luglio: 7, lug: 7, juli: 7,
  agosto: 8, ago: 8, 'août': 8, aout: 8, augustus: 8,
  septiembre: 9, setiembre: 9, setembro: 9, set: 9, septembre: 9, settembre: 9,
  octubre: 10, outubro: 10, out: 10, octobre: 10, ottobre: 10, ott: 10, oktober: 10, okt: 10,
  noviembre: 11, novembro: 11, novembre: 11,
  diciembre: 12, dic: 12, dezembro: 12, dez: 12, 'décembre': 12, 'déc': 12, decembre: 12, dicembre: 12, dezember: 12,
};
/** Any month's name, English or other, longest first so that "marzo" is not read as "mar". */
const ANY_MONTH = `(${[...Object.keys(MONTHS), ...Object.keys(OTHER_MONTHS)].sort((a, b) => b.length - a.length).join('|')})`;

/**
 * One pattern, each form in its own capture groups: month-day-year, day-month-year, ISO, numeric; then day,
 * month's name and year in any of the languages above, with spaces ("4 de agosto de 2021", "3. März 2024")
 * or one of "-", "." and "/" between them ("04-ago-2021", "04.Apr.2019").
 */
const WRITTEN = new RegExp(
  [
    `\\b${MONTH}\\.? ${DAY},? ${YEAR}${YEAR_END}`,
    `\\b${DAY} ${MONTH}\\.?,? ${YEAR}${YEAR_END}`,
    `(?<!\\d)${YEAR}([-/.])(\\d{1,2})\\8(\\d{1,2})(?!\\d)`,
    `(?<![\\d./-])(\\d{1,2})([./-])(\\d{1,2})\\12${YEAR}(?!\\d)`,
    `(?<![\\d./-])(\\d{1,2})(?:\\.? (?:de )?|([-./]))${ANY_MONTH}\\.?(?:,? (?:de )?|\\16)${YEAR}${YEAR_END}`,
  ].join('|'),
  'giu',
);

/** Words before a date that say which date it is. */
const UPDATED = /(?:updated|updates|modified|revised|reviewed|edited)\b[^\d]{0,14}$/i;

export type WrittenDate = {
  /** YYYY-MM-DD. */
  day: string;
  /** The alternative reading of an ambiguous numeric date (03/04/2025), else null. */
  alt: string | null;
  /** The words before the date call it an update or a review. */
  updated: boolean;
  /** Set when the date is inside a sentence of prose ("the deadline is April 15, 2025"): a date the text talks about. */
  inSentence?: true;
};

/** A label or a connective a dateline puts before its date ("Published on", "By Jane Doe on", "as of"). */
const DATE_LEAD = /\b(?:on|at|by|dated?|as of|updated|published|posted|modified|revised|reviewed|edited|released|issued)\s*:?\s*$/i;
const WEEKDAY = /(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s*$/i;

/**
 * The date at `index` of `text` sits in a sentence: the clause before it on its line (since a sentence's end or
 * a separator) has five words or more and ends in a lowercase word that is not a date's label ("is", "through").
 */
function inSentence(text: string, index: number): boolean {
  const lead = text.slice(text.lastIndexOf('\n', index - 1) + 1, index).replace(WEEKDAY, '');
  const clause = lead.split(/[.!?:;]\s|[|•·—–(]/).pop() ?? '';
  const words = clause.match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.length >= 5 && /\p{Ll}+\s*$/u.test(clause) && !DATE_LEAD.test(clause);
}

const pad = (n: number): string => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2099) {
    return null;
  }
  const t = Date.UTC(y, m - 1, d);
  return new Date(t).getUTCDate() === d ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/**
 * The dates written in `text`, in order, at most `max`. Year-first numeric
 * dates are year-month-day; day-month-year ones are read month-first with
 * slashes and day-first with dots or hyphens, the other reading kept in
 * `alt` when both are valid.
 */
export function writtenDates(raw: string, max = 6): WrittenDate[] {
  const out: WrittenDate[] = [];
  // Words of two elements read without a space between them ("Mental HealthDECEMBER 22, 2022",
  // "Kathryn GiuffridaMar 5, 2025"): a capital after a lowercase letter starts a new word.
  const text = raw.replace(/(\p{Ll})(?=\p{Lu})/gu, '$1 ');
  WRITTEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = WRITTEN.exec(text)) !== null && out.length < max) {
    let day: string | null = null;
    let alt: string | null = null;
    if (m[1]) {
      day = valid(Number(m[3]), MONTHS[m[1].toLowerCase()] ?? 0, Number(m[2]));
    } else if (m[5]) {
      day = valid(Number(m[6]), MONTHS[m[5].toLowerCase()] ?? 0, Number(m[4]));
    } else if (m[7]) {
      day = valid(Number(m[7]), Number(m[9]), Number(m[10]));
    } else if (m[15]) {
      const word = (m[17] as string).toLowerCase();
      day = valid(Number(m[18]), MONTHS[word] ?? OTHER_MONTHS[word] ?? 0, Number(m[15]));
    } else if (m[11]) {
      const a = Number(m[11]);
      const b = Number(m[13]);
      const y = Number(m[14]);
      const monthFirst = valid(y, a, b);
      const dayFirst = valid(y, b, a);
      if (m[12] === '/') {
        day = monthFirst ?? dayFirst;
        alt = monthFirst && dayFirst && monthFirst !== dayFirst ? dayFirst : null;
      } else {
        day = dayFirst ?? monthFirst;
        alt = monthFirst && dayFirst && monthFirst !== dayFirst ? monthFirst : null;
      }
    }
    if (day) {
      const d: WrittenDate = { day, alt, updated: UPDATED.test(text.slice(Math.max(0, m.index - 40), m.index)) };
      if (inSentence(text, m.index)) {
        d.inSentence = true;
      }
      out.push(d);
    }
  }
  return out;
}
