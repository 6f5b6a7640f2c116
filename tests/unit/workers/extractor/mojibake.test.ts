import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../src/workers/extractor/extract-article.js';
import { repairMojibakeRuns } from '../../../../src/workers/extractor/mojibake.js';

/** UTF-8 text as a program that read its bytes as Latin-1 shows it. */
const asLatin1 = (s: string): string => Buffer.from(s, 'utf8').toString('latin1');
/** ... and as one that read them as Windows-1252 shows it ("â€™"; Node's own TextDecoder reads that name as Latin-1 here). */
const asCp1252 = (s: string): string => iconv.decode(Buffer.from(s, 'utf8'), 'windows-1252');

describe(repairMojibakeRuns.name, () => {
  it('reads back UTF-8 that was decoded as Latin-1 or Windows-1252', () => {
    for (const text of ['Earth’s natural systems', 'Français, Español', '“Quoted” — and … ⭐⭐', 'Zürich £5 ®', 'Привет, мир', 'Łódź ąę']) {
      expect(repairMojibakeRuns(asLatin1(text))).toBe(text);
    }
    expect(asCp1252('’')).toBe('â€™');
    // Windows-1252 has no character for the bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D ("”", "Ł" and "⭐" hold one): such text
    // comes out with U+FFFD and cannot be read back, so these texts avoid them.
    for (const text of ['Earth’s natural systems', 'Français, Español', '“Quoted“ — and …', 'Zürich £5 ®', 'Привет, мир', 'Wrocław ąę']) {
      expect(repairMojibakeRuns(asCp1252(text))).toBe(text);
    }
    // Mixed with correct text, as a page pieced together from two sources.
    expect(repairMojibakeRuns(`Earth${asCp1252('’')}s and Earth’s`)).toBe('Earth’s and Earth’s');
  });

  it('leaves real text alone, accents and rare pairs included', () => {
    for (const text of ['Crème brûlée à la française', 'píšeme, že ďábel', 'Fuß’', 'café’”', 'naïve Ôté', 'plain ASCII', 'Â lone capital', 'Rosa ×\u00a0medioccidentis', '90°\u00a0F']) {
      expect(repairMojibakeRuns(text)).toBe(text);
    }
  });
});

describe('extractArticle and mis-decoded UTF-8', () => {
  const paragraphs = (p: string): string =>
    Array.from({ length: 6 }, (_, i) => `<p>${p} The council met on day ${i + 1} to hear the residents of the valley about the flood defences and the new bridge.</p>`).join('');

  it('reads back mojibake in the markup and in entities, and says so', () => {
    const raw = extractArticle(`<html><head><title>Flood</title></head><body><article><h1>Flood</h1>${paragraphs(asCp1252('It’s “late“.'))}</article></body></html>`, 'https://news.test/a');
    expect(raw?.text).toContain('It’s “late“.');
    expect(raw?.text).not.toMatch(/â€/);
    expect(raw?.warnings.some((w) => /UTF-8 read as Latin-1/.test(w))).toBe(true);

    const entities = extractArticle(`<html><head><title>Flood</title></head><body><article><h1>Flood</h1>${paragraphs('It&acirc;&euro;&trade;s late.')}</article></body></html>`, 'https://news.test/b');
    expect(entities?.text).toContain('It’s late.');
    expect(entities?.warnings.some((w) => /UTF-8 read as Latin-1/.test(w))).toBe(true);
  });

  it('changes nothing and warns of nothing on a clean page', () => {
    const got = extractArticle(`<html><head><title>Flood</title></head><body><article><h1>Flood</h1>${paragraphs('Píšeme: crème brûlée.')}</article></body></html>`, 'https://news.test/c');
    expect(got?.text).toContain('Píšeme: crème brûlée.');
    expect(got?.warnings.some((w) => /UTF-8 read as Latin-1/.test(w))).toBe(false);
  });
});
