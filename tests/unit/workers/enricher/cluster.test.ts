import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { BANDS, DUPLICATE_THRESHOLD, estimateSimilarity, fingerprint, SIGNATURE_SIZE } from '../../../../src/workers/enricher/cluster.js';
import { loadLabelledArticles, loadSameSubjectStories } from '../../../fixtures/enrich/load.js';
import { seedText } from './seed-story.js';

const seed = seedText();
const paragraphs = seed.split('\n\n');

const sharesBand = (a: string[], b: string[]) => a.some((k) => b.includes(k));

describe(fingerprint.name, () => {
  it('returns a fixed-size signature and one key per band when the text has words', () => {
    const fp = fingerprint(seed);
    expect(fp.signature).toHaveLength(SIGNATURE_SIZE);
    expect(fp.bands).toHaveLength(BANDS);
    expect(new Set(fp.bands).size).toBe(BANDS);
    expect(fp.signature.every((v) => Number.isInteger(v) && v >= 0 && v <= 0xffffffff)).toBe(true);
  });

  it('gives the signatures and band keys stored articles were written with', () => {
    // Stored fingerprints are compared with new ones: any change to the shingles, the seeds
    // or the mixer silently splits every stored cluster. Digests of the values as first shipped.
    const digest = (text: string) => createHash('sha256').update(JSON.stringify(fingerprint(text))).digest('hex').slice(0, 16);
    expect(digest(seed)).toBe('246df80f3d869543');
    expect(digest('Zürich, 3. März (Agentur) – Die Schweizer Nationalbank hält den Leitzins bei 1,75 Prozent; ÉÇÀ ß ǅ İstanbul 東京 ١٢٣ 😀 emoji word.')).toBe('4af41c03d5414824');
    expect(digest('Two words')).toBe('d005cfb7f21639a9');
    expect(digest('LONDON (Reuters) - Short.')).toBe('b6f27369f356f9b4');
    expect(digest('one')).toBe('53eddf00e1b015e1');
  });

  it('is deterministic when called twice', () => {
    expect(fingerprint(seed)).toEqual(fingerprint(seed));
  });

  it('has no band keys when the text is empty', () => {
    expect(fingerprint('').bands).toEqual([]);
    expect(fingerprint('  \n ').bands).toEqual([]);
  });

  it('matches a wire copy when the dateline, credit line and last paragraph differ', () => {
    const copy = `SEOUL, June 11 (Wire) - ${paragraphs.slice(0, -1).join('\n\n')}\n\n(Reporting by a correspondent; editing by the desk)`;
    const a = fingerprint(seed);
    const b = fingerprint(copy);
    expect(sharesBand(a.bands, b.bands)).toBe(true);
    expect(estimateSimilarity(a.signature, b.signature)).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
  });

  it('matches a copy when a few words are edited', () => {
    const copy = seed
      .replace('increasingly awkward', 'increasingly difficult')
      .replace('At least 17 refugees', 'At least seventeen refugees')
      .replace('barbed-wire fences', 'razor-wire fences')
      .replace('Tuesday morning', 'on Tuesday');
    const a = fingerprint(seed);
    const b = fingerprint(copy);
    expect(sharesBand(a.bands, b.bands)).toBe(true);
    expect(estimateSimilarity(a.signature, b.signature)).toBeGreaterThan(0.7);
  });

  it('does not match a different story on the same subject', () => {
    const other = [
      'Nine North Koreans who climbed into the South Korean embassy compound in Beijing arrived in Seoul on Friday after China let them leave through the Philippines.',
      'South Korean officials said the group, including two children, was in good health. China had insisted the refugees were illegal migrants, not asylum seekers.',
      'Rights groups say tens of thousands of North Koreans hide in northeastern China, fearing arrest and repatriation to the North, where they could face harsh punishment.',
      'The foreign ministry in Seoul thanked Beijing for what it called a humanitarian decision and said talks on the remaining cases would continue.',
    ].join('\n\n');
    const a = fingerprint(seed);
    const b = fingerprint(other);
    expect(estimateSimilarity(a.signature, b.signature)).toBeLessThan(DUPLICATE_THRESHOLD);
  });
});

describe('clustering over the labelled set', () => {
  const articles = loadLabelledArticles();
  const fps = new Map(articles.map((a) => [a.id, fingerprint(a.text)]));

  it('matches every copy with a new dateline and the last paragraph cut', () => {
    for (const a of articles) {
      const paras = a.text.split('\n\n');
      const copy = `LONDON (Wire) - ${paras.slice(0, Math.max(1, paras.length - 1)).join('\n\n')}`;
      const fp = fingerprint(copy);
      const orig = fps.get(a.id) as { bands: string[]; signature: number[] };
      expect(sharesBand(fp.bands, orig.bands), a.id).toBe(true);
      expect(estimateSimilarity(fp.signature, orig.signature), a.id).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    }
  });

  it('keeps distinct stories on the same subject apart', () => {
    for (const s of loadSameSubjectStories()) {
      const orig = fps.get(s.relatedTo) as { signature: number[] };
      expect(estimateSimilarity(fingerprint(s.text).signature, orig.signature), s.relatedTo).toBeLessThan(DUPLICATE_THRESHOLD);
    }
  });

  it('keeps every pair of distinct labelled articles apart', () => {
    const list = [...fps.values()];
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        expect(estimateSimilarity((list[i] as { signature: number[] }).signature, (list[j] as { signature: number[] }).signature)).toBeLessThan(DUPLICATE_THRESHOLD);
      }
    }
  });
});

describe(estimateSimilarity.name, () => {
  it('returns 1 for identical signatures and 0 for different sizes or empty ones', () => {
    const s = fingerprint(seed).signature;
    expect(estimateSimilarity(s, s)).toBe(1);
    expect(estimateSimilarity(s, s.slice(1))).toBe(0);
    expect(estimateSimilarity([], [])).toBe(0);
  });

  it('returns the share of equal positions', () => {
    expect(estimateSimilarity([1, 2, 3, 4], [1, 2, 0, 0])).toBe(0.5);
  });
});
