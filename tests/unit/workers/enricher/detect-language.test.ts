import { describe, expect, it } from 'vitest';
import { cld3Language, detectLanguage, normalizeLanguageTag, plainlyEnglish, SAMPLE_CHARS } from '../../../../src/workers/enricher/detect-language.js';
import { loadDeclarationPieces, loadHeldOutArticles, loadLabelledArticles, loadLanguageSamples } from '../../../fixtures/enrich/load.js';

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

describe(plainlyEnglish.name, () => {
  it('passes English articles, which CLD3 reads as English too', () => {
    const articles = [...loadLabelledArticles(), ...loadHeldOutArticles()].map((a) => `${a.title}\n${a.text}`.slice(0, SAMPLE_CHARS));
    const passed = articles.filter(plainlyEnglish);
    expect(passed.length).toBeGreaterThanOrEqual(0.9 * articles.length);
    for (const sample of passed) expect(cld3Language(sample)).toEqual({ language: 'en', reliable: true });
  });

  it('passes no text in another language: the declarations of human rights in about 500 languages, and the language fixture', () => {
    const pieces = loadDeclarationPieces(SAMPLE_CHARS);
    expect(pieces.size).toBeGreaterThan(400);
    // English, and Scots, which CLD3 reads as English as well.
    const english = pieces.get('eng') ?? [];
    expect(english.filter(plainlyEnglish).length).toBeGreaterThan(english.length / 2);
    const others = [...pieces].filter(([code]) => code !== 'eng' && code !== 'sco').flatMap(([code, texts]) => texts.map((t) => [code, t] as const));
    expect(others.length).toBeGreaterThan(5000);
    expect(others.filter(([, t]) => plainlyEnglish(t)).map(([code]) => code)).toEqual([]);
    expect(loadLanguageSamples().filter((s) => s.language !== 'en' && plainlyEnglish(s.text))).toEqual([]);
  });

  it('needs enough words, and "the" among them', () => {
    expect(plainlyEnglish('The cat sat on the mat and it was happy.')).toBe(false);
    // English function words without "the" (a list of short lines, a form).
    expect(plainlyEnglish(Array.from({ length: 8 }, () => 'it is as he was to be in a way').join(' '))).toBe(false);
  });

  it('answers English where CLD3 would read the opening post of a set of posts', () => {
    // One post in Arabic, then posts in English: CLD3 reads the whole as Sindhi, without confidence.
    const posts = [
      'نتيجة الامتحان طلعت اليوم والحمد لله نجحت في كل المواد',
      'Just got back from the match, the weather was awful but the team played well',
      'The new album is out on Friday and the tour starts in March',
      'Can not believe the price of the tickets for the final this year',
      'The bus was late again this morning, the third time this week',
    ].join('\n');
    expect(cld3Language(posts)?.language).not.toBe('en');
    expect(detectLanguage(posts)).toEqual({ language: 'en', source: 'detector', reliable: true });
    expect(detectLanguage(posts, 'en-GB')).toEqual({ language: 'en-GB', source: 'declared', reliable: true });
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
