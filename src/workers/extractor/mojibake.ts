/**
 * Text that was UTF-8, read once as Latin-1 or Windows-1252 and written out
 * again as UTF-8 ("Earthâ\u0080\u0099s", "Investorâ€™s", "FranÃ§ais"): a page
 * whose own source holds it, so no choice of charset when decoding the page
 * undoes it. Each such sequence is read back as the bytes it stands for and
 * decoded again.
 *
 * Written here rather than taken from a library: the reference tool for this
 * (Python's ftfy) has no maintained JavaScript port, and the rule below is the
 * narrow core of what it fixes.
 */
import { CP1252_HIGH } from '../../lib/cp1252.js';

/** Windows-1252 characters and the byte each stands for (0x80–0x9F). */
const CP1252_BYTES = new Map<string, number>(CP1252_HIGH.map((ch, i) => [ch, 0x80 + i] as const).filter(([ch]) => ch !== '\ufffd'));

/** A character standing for a UTF-8 continuation byte (0x80–0xBF), as Latin-1 or as Windows-1252. */
const CONT = `[\\u0080-\\u00bf${[...CP1252_BYTES.keys()].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`;

/** Runs of lead bytes, each with its continuation bytes: two, three or four bytes of one UTF-8 character. */
const SEQUENCE = new RegExp(`(?:[\\u00c2-\\u00df]${CONT}|[\\u00e0-\\u00ef]${CONT}{2}|[\\u00f0-\\u00f4]${CONT}{3})+`, 'g');

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether a repaired character is one a page plausibly held: Latin letters
 * and signs, Greek, Cyrillic, punctuation and symbols, emoji; Hebrew, Arabic,
 * CJK and Hangul only within a run of two characters or more (one alone is as
 * likely "café’”" or "×" and a no-break space as Chinese or Hebrew). Anything else (a rare script from an unlucky
 * pair such as "ß’") means the sequence was real text.
 */
function plausible(cp: number, run: boolean): boolean {
  return (
    (cp >= 0xa0 && cp <= 0x24f) ||
    (cp >= 0x370 && cp <= 0x4ff) ||
    (cp >= 0x2000 && cp <= 0x2bff) ||
    (run && ((cp >= 0x590 && cp <= 0x6ff) || (cp >= 0x3000 && cp <= 0x9fff) || (cp >= 0xac00 && cp <= 0xd7af))) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0x1f000 && cp <= 0x1faff)
  );
}

/**
 * Every run of mis-decoded UTF-8 in `s` read back: only where the characters
 * stand for the bytes of valid UTF-8 characters of a plausible kind, so "Crème brûlée", Czech "píšeme" and German "Fuß’" stay as written.
 */
export function repairMojibakeRuns(s: string): string {
  SEQUENCE.lastIndex = 0;
  if (!SEQUENCE.test(s)) {
    return s;
  }
  SEQUENCE.lastIndex = 0;
  return s.replace(SEQUENCE, (seq) => {
    // A no-break space after a sign or letter ("×\u00a0", "Å\u00a0") is real text; after "Â" or "Ã" it is a byte of "\u00a0" or "à".
    if (/[^\u00c2\u00c3]\u00a0/.test(seq)) {
      return seq;
    }
    const bytes = new Uint8Array(seq.length);
    for (let i = 0; i < seq.length; i++) {
      const c = seq.charCodeAt(i);
      bytes[i] = c <= 0xff ? c : (CP1252_BYTES.get(seq[i] as string) as number);
    }
    let decoded: string;
    try {
      decoded = utf8.decode(bytes);
    } catch {
      return seq;
    }
    const cps = Array.from(decoded, (ch) => ch.codePointAt(0) as number);
    return cps.every((cp) => plausible(cp, cps.length > 1)) ? decoded : seq;
  });
}
