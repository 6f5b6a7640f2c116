/**
 * Feed date parsing (pure): RFC 822 / 1123 and their common broken variants,
 * ISO 8601 / RFC 3339 and a few American forms. Never depends on the host's
 * time zone: a date without a zone is read as UTC.
 */

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
  // a few non-English abbreviations seen in real feeds
  mär: 2, mrz: 2, mai: 4, okt: 9, dez: 11, fév: 1, fev: 1, avr: 3, juin: 5, juil: 6, aoû: 7, aou: 7, déc: 11,
  ene: 0, abr: 3, ago: 7, dic: 11, set: 8, out: 9, gen: 0, giu: 5, lug: 6,
};

/** Offsets in minutes of the zone names that feeds actually use. */
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0, bst: 60, ist: 330, cet: 60, met: 60, cest: 120, mest: 120, eet: 120,
  eest: 180, msk: 180, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480,
  pdt: -420, akst: -540, akdt: -480, hst: -600, ast: -240, adt: -180, nzst: 720, nzdt: 780, aest: 600,
  aedt: 660, acst: 570, awst: 480, jst: 540, kst: 540, hkt: 480, sgt: 480, wib: 420,
  // RFC 822 military zones (only the unambiguous ones)
  a: -60, m: -720, n: 60, y: 720,
};

function monthIndex(name: string): number | undefined {
  const key = name.toLowerCase().replace(/\.$/, '');
  return MONTHS[key.slice(0, 3)] ?? MONTHS[key.slice(0, 4)] ?? MONTHS[key];
}

function zoneOffset(zone: string | undefined): number | null | undefined {
  if (zone === undefined || zone === '') {
    return undefined;
  }
  const m = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2}):?(\d{2})?$/i.exec(zone);
  if (m) {
    const hours = Number(m[2]);
    const minutes = Number(m[3] ?? '0');
    if (hours > 14 || minutes > 59) {
      return null;
    }
    return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
  }
  const named = ZONES[zone.toLowerCase()];
  return named ?? null;
}

function expandYear(y: string): number {
  const n = Number(y);
  if (y.length <= 2) {
    return n < 50 ? 2000 + n : 1900 + n;
  }
  return n;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  millis: number,
  offsetMinutes: number,
): string | null {
  if (
    !Number.isFinite(year) || year < 1900 || year > 2200 || month < 0 || month > 11 || day < 1 || day > 31 ||
    hour > 24 || minute > 59 || second > 60
  ) {
    return null;
  }
  const ms = Date.UTC(year, month, day, hour, minute, Math.min(second, 59), millis) - offsetMinutes * 60_000;
  const d = new Date(ms);
  // reject overflow such as 31 February
  if (Number.isNaN(ms) || new Date(Date.UTC(year, month, day)).getUTCDate() !== day) {
    return null;
  }
  return d.toISOString();
}

const ISO =
  /^(\d{4})-?(\d{2})(?:-?(\d{2}))?(?:[T\s]+(\d{1,2}):?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?$/i;

const RFC822 =
  /^(?:[A-Za-zÀ-ÿ]+\.?,?\s*)?(\d{1,2})(?:st|nd|rd|th)?[\s-]+([A-Za-zÀ-ÿ]+\.?)[\s-]+(\d{2,4}),?(?:[\sT]+(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.(\d+))?)?\s*(am|pm)?)?\s*(?:\(?([A-Za-z]{1,5}|(?:GMT|UTC|UT)?\s*[+-]\d{1,2}:?\d{2})\)?)?(?:\s*\(.*\))?$/;

const AMERICAN =
  /^(?:[A-Za-z]+\.?,\s*|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+)?([A-Za-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}),?(?:\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?)?\s*(?:([A-Za-z]{1,5}|(?:GMT|UTC)?\s*[+-]\d{1,2}:?\d{2}))?$/i;

/** Same as RFC822 but with the year after the time (asctime / broken RSS generators). */
const ASCTIME =
  /^(?:[A-Za-z]+,\s*|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s+)?([A-Za-z]+)\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(?:([A-Za-z]{1,5}|[+-]\d{4})\s+)?(\d{4})$/i;

function hour12(hour: number, ampm: string | undefined): number {
  if (!ampm) {
    return hour;
  }
  const pm = ampm.toLowerCase() === 'pm';
  return (hour % 12) + (pm ? 12 : 0);
}

/**
 * Parses a feed date into an ISO 8601 UTC string ("2014-07-06T12:56:00.000Z"),
 * or returns null when the value is empty or cannot be understood.
 */
export function parseFeedDate(value: string | null | undefined): string | null {
  if (typeof value !== 'string') {
    return null;
  }
  const s = value.replace(/\s+/g, ' ').trim();
  if (s === '' || s.length > 100) {
    return null;
  }

  let m = ISO.exec(s);
  if (m) {
    const offset = m[8] ? zoneOffset(m[8].toUpperCase() === 'Z' ? 'Z' : m[8]) : 0;
    if (offset === null) {
      return null;
    }
    const frac = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return build(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? '1'), Number(m[4] ?? '0'), Number(m[5] ?? '0'),
      Number(m[6] ?? '0'), Math.min(frac, 999), offset ?? 0);
  }

  m = RFC822.exec(s);
  if (m) {
    const month = monthIndex(m[2] ?? '');
    const offset = zoneOffset(m[9]);
    if (month === undefined || offset === null) {
      return null;
    }
    const frac = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return build(expandYear(m[3] ?? ''), month, Number(m[1]), hour12(Number(m[4] ?? '0'), m[8]),
      Number(m[5] ?? '0'), Number(m[6] ?? '0'), Math.min(frac, 999), offset ?? 0);
  }

  m = AMERICAN.exec(s);
  if (m) {
    const month = monthIndex(m[1] ?? '');
    const offset = zoneOffset(m[8]);
    if (month === undefined || offset === null) {
      return null;
    }
    return build(Number(m[3]), month, Number(m[2]), hour12(Number(m[4] ?? '0'), m[7]), Number(m[5] ?? '0'),
      Number(m[6] ?? '0'), 0, offset ?? 0);
  }

  m = ASCTIME.exec(s);
  if (m) {
    const month = monthIndex(m[1] ?? '');
    const offset = zoneOffset(m[6]);
    if (month === undefined || offset === null) {
      return null;
    }
    return build(Number(m[7]), month, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? '0'), 0, offset ?? 0);
  }

  // Unix epoch seconds (some generators emit these).
  if (/^\d{9,10}$/.test(s)) {
    return new Date(Number(s) * 1000).toISOString();
  }
  return null;
}
