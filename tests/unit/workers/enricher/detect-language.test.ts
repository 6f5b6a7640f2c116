import { describe, expect, it } from 'vitest';
import { detectLanguage, normalizeLanguageTag } from '../../../../src/workers/enricher/detect-language.js';
import { loadLanguageSamples } from '../../../fixtures/enrich/load.js';

describe(detectLanguage.name, () => {
  it('identifies short paragraphs in at least 10 languages', () => {
    const samples = loadLanguageSamples();
    expect(new Set(samples.map((s) => s.language)).size).toBeGreaterThanOrEqual(10);
    const wrong = samples.filter((s) => detectLanguage(s.text).language !== s.language);
    expect(wrong.length / samples.length).toBeLessThanOrEqual(0.03);
  });

  it('keeps the declared tag when the text agrees', () => {
    expect(detectLanguage('Le gouvernement a annoncé mardi une nouvelle réforme des retraites.', 'fr-fr')).toEqual({
      language: 'fr-FR',
      source: 'declared',
      reliable: true,
    });
  });

  it('overrules a wrong declared language when the text is clear', () => {
    expect(detectLanguage('Die Regierung hat am Dienstag eine neue Reform der Renten angekündigt.', 'en').language).toBe('de');
  });

  it('falls back to the declared language when the text is too short to tell', () => {
    expect(detectLanguage('ok', 'de').language).toBe('de');
    expect(detectLanguage('', 'pt-BR')).toEqual({ language: 'pt-BR', source: 'declared', reliable: false });
  });

  it('returns null when there is neither text nor hint', () => {
    expect(detectLanguage('   ').language).toBeNull();
  });
});

describe(normalizeLanguageTag.name, () => {
  it('normalizes casing and separators and rejects non-tags', () => {
    expect(normalizeLanguageTag('EN_us')).toBe('en-US');
    expect(normalizeLanguageTag('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(normalizeLanguageTag('english')).toBeNull();
    expect(normalizeLanguageTag(null)).toBeNull();
  });
});
