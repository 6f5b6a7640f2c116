import { loadModule } from 'cld3-asm';
import { decideCloseLanguage } from './close-languages.js';

export type LanguageGuess = {
  /** BCP 47 tag, or null when the text gives no usable signal and no hint was declared. */
  language: string | null;
  /** 'detector': from the text; 'declared': the page's declared language (agreeing, or the text was too short to tell). */
  source: 'detector' | 'declared' | 'none';
  reliable: boolean;
};

/** Longest sample the detector sees: more text adds time, not accuracy. */
export const SAMPLE_CHARS = 1000;

// Google's CLD3 (compiled to WebAssembly, shipped in the package: nothing is
// downloaded). Loading takes a few hundred milliseconds once per process;
// detection is synchronous afterwards.
const identifier = (await loadModule()).create(0, SAMPLE_CHARS);

/** "en-US" -> "en", "ZH_hant" -> "zh". */
export const primarySubtag = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/** Normalizes a declared language attribute to BCP 47 casing ("en-us" -> "en-US"), null when it is not a tag. */
export function normalizeLanguageTag(tag: string | null | undefined): string | null {
  if (!tag) return null;
  const parts = tag.trim().replace(/_/g, '-').split('-').filter(Boolean);
  const [lang, ...rest] = parts;
  if (!lang || !/^[a-z]{2,3}$/i.test(lang)) return null;
  const out = [lang.toLowerCase()];
  for (const p of rest) {
    if (/^[a-z]{4}$/i.test(p)) out.push((p[0] as string).toUpperCase() + p.slice(1).toLowerCase());
    else if (/^([a-z]{2}|\d{3})$/i.test(p)) out.push(p.toUpperCase());
    else if (/^[a-z0-9]{1,8}$/i.test(p)) out.push(p.toLowerCase());
  }
  return out.join('-');
}

/** CLD3 codes that differ from BCP 47 usage: "iw" (old Hebrew), "fil", "zh-Latn"... */
const toBcp47 = (code: string): string => {
  if (code === 'iw') return 'he';
  if (code === 'jw') return 'jv';
  if (code === 'fil') return 'tl';
  return code.split('-')[0] ?? code;
};

/** CLD3's reading of `sample` alone (BCP 47 primary subtag), null when it cannot tell. */
export function cld3Language(sample: string): { language: string; reliable: boolean } | null {
  const result = sample.trim() ? identifier.findLanguage(sample) : null;
  return result && result.language !== 'und' ? { language: toBcp47(result.language), reliable: result.is_reliable } : null;
}

/** English function words: in English running text about a third of the words are among them. */
const ENGLISH_FUNCTION_WORDS = new Set(
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you were her she there been has their had we will would its said who i'.split(' '),
);

/**
 * Whether `sample` is plainly English, read from its words alone: at least
 * 30 words, a fifth of them English function words and at least 3 in 100
 * "the". Most English articles pass; no text in another language comes near
 * ("the" is at most 1.1 in 100 over 5,572 UDHR samples of about 500
 * languages). Such a sample is English without asking the detector (about
 * 0.6 ms of WebAssembly for 1,000 characters). Over the public sets
 * (`npm run bench:enrich -- language`) CLD3 reads 99 % of the samples that
 * pass as English, reliably; the others are English too, which CLD3 misreads
 * (current-events summaries dense with names read as Welsh or Dutch, ten
 * posts the first of which is in Arabic).
 */
export function plainlyEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/[\p{L}']+/gu);
  if (!words || words.length < 30) return false;
  let common = 0;
  let the = 0;
  for (const w of words) {
    if (ENGLISH_FUNCTION_WORDS.has(w)) {
      common++;
      if (w === 'the') the++;
    }
  }
  return common >= 0.2 * words.length && the >= 0.03 * words.length;
}

const ENGLISH = { language: 'en', reliable: true };

/**
 * Language of `text` (CLD3, offline; close languages by their marker words,
 * close-languages.ts), with the page's declared language as a
 * hint: kept when the detector agrees or cannot tell, overridden when the text
 * clearly says otherwise.
 */
export function detectLanguage(text: string, declared?: string | null): LanguageGuess {
  const hint = normalizeLanguageTag(declared);
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const result = plainlyEnglish(sample) ? ENGLISH : cld3Language(sample);
  // CLD3 confuses close languages (Indonesian and Malay, Croatian / Serbian / Bosnian...): close-languages.ts decides among them.
  const detected = result ? decideCloseLanguage(sample, result.language) : '';
  const reliable = Boolean(result?.reliable);
  if (!detected) {
    return hint ? { language: hint, source: 'declared', reliable: false } : { language: null, source: 'none', reliable: false };
  }
  if (hint && primarySubtag(hint) === detected) {
    return { language: hint, source: 'declared', reliable };
  }
  if (hint && !reliable) {
    // Too little or too mixed text to overrule what the page declares.
    return { language: hint, source: 'declared', reliable: false };
  }
  return { language: detected, source: 'detector', reliable };
}
