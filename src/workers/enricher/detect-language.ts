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
const SAMPLE_CHARS = 1000;

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

/**
 * Language of `text` (CLD3, offline; close languages by their marker words,
 * close-languages.ts), with the page's declared language as a
 * hint: kept when the detector agrees or cannot tell, overridden when the text
 * clearly says otherwise.
 */
export function detectLanguage(text: string, declared?: string | null): LanguageGuess {
  const hint = normalizeLanguageTag(declared);
  const sample = text.length > SAMPLE_CHARS ? text.slice(0, SAMPLE_CHARS) : text;
  const result = cld3Language(sample);
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
