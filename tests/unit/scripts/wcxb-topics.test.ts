import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { firstSentence, inTrainingPart, readTopicLabels, readWcxbHeads, readWcxbPages } from '../../../scripts/lib/wcxb-topics.js';
import { TOP_LEVEL_TOPICS } from '../../../src/workers/enricher/mediatopics.js';

/** A page of a WCXB-layout folder: pages/<id>/meta.json and expected.txt. */
function writePage(dir: string, id: string, title: string, body: string): void {
  mkdirSync(join(dir, 'pages', id), { recursive: true });
  writeFileSync(join(dir, 'pages', id, 'meta.json'), JSON.stringify({ id, title }));
  writeFileSync(join(dir, 'pages', id, 'expected.txt'), body);
}

describe('scripts/data/wcxb-topics.tsv', () => {
  const labels = readTopicLabels();

  it('labels each of the 709 WCXB development pages once, with an IPTC top-level code or none', () => {
    expect(labels.size).toBe(709);
    const top = new Set(TOP_LEVEL_TOPICS.map((t) => t.code));
    for (const [id, code] of labels) {
      expect(id).toMatch(/^\d{4}$/);
      if (code !== null) expect(top.has(code), `${id} ${code}`).toBe(true);
    }
    // A cloud-computing explainer under science and technology (the computing convention), a diet page under health.
    expect(labels.get('0005')).toBe('medtop:13000000');
    expect(labels.get('0004')).toBe('medtop:07000000');
  });

  it('puts about a third of the labelled pages in the part that may be trained on', () => {
    const heads = [...labels.keys()].map((id) => ({ title: id, text: '' }));
    const share = heads.filter(inTrainingPart).length / heads.length;
    expect(share).toBeGreaterThan(0.28);
    expect(share).toBeLessThan(0.38);
    expect(heads.filter(inTrainingPart)).toEqual(heads.filter(inTrainingPart));
  });
});

describe(firstSentence.name, () => {
  it('reads the first sentence of the first paragraph long enough to be a lead, skipping headings and bylines', () => {
    const body = 'Top 10 picks\n\nBy Jane Doe\n\nApple reported record iPhone sales on Thursday, beating forecasts. Shares rose 4 percent.\n\nMore text here.';
    expect(firstSentence(body)).toBe('Apple reported record iPhone sales on Thursday, beating forecasts.');
  });

  it('gives the whole paragraph when it has one sentence, and nothing when no paragraph is long enough', () => {
    expect(firstSentence('The council voted to close three libraries in the north of the city')).toBe('The council voted to close three libraries in the north of the city');
    expect(firstSentence('Home\n\nLogin')).toBe('');
  });
});

describe(readWcxbHeads.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wcxb-topics-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const page = (id: string, title: string, body: string) => writePage(dir, id, title, body);
  page('0001', ' Arsenal sign a striker ', 'Arsenal have signed the Swedish striker for a club-record fee of 60 million pounds. He joins next week.');
  page('0002', 'Cookie policy', 'We use cookies to give you the best experience on this website. Accept them.');
  const labels = join(dir, 'labels.tsv');
  writeFileSync(labels, '# comment\n0001\tmedtop:15000000\n0002\tnone\n');

  it('reads each labelled page as its headline and first sentence, and leaves out pages labelled none', () => {
    expect(readWcxbHeads(dir, labels)).toEqual([{ id: '0001', title: 'Arsenal sign a striker', text: 'Arsenal have signed the Swedish striker for a club-record fee of 60 million pounds.', code: 'medtop:15000000' }]);
  });

  it('gives null when the folder is absent, and fails on a label for a page that is not there', () => {
    expect(readWcxbHeads(join(dir, 'absent'), labels)).toBeNull();
    const stray = join(dir, 'stray.tsv');
    writeFileSync(stray, '0003\tmedtop:04000000\n');
    expect(() => readWcxbHeads(dir, stray)).toThrow(/0003/);
    writeFileSync(stray, '0001\tmedtop:04000000\n0001\tnone\n');
    expect(() => readWcxbHeads(dir, stray)).toThrow(/twice/);
  });
});

describe(readWcxbPages.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'wcxb-pages-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const page = (id: string, title: string, body: string) => writePage(dir, id, title, body);
  const long = 'Espresso machines under 500 dollars heat water quickly and hold a steady pressure. '.repeat(30);
  page('0001', ' Best espresso machines ', `Our picks\n\n${long}`);
  page('0002', 'A short note', 'Only a few words here.');
  page('0003', 'Cookie policy', long);
  const labels = join(dir, 'labels.tsv');
  writeFileSync(labels, '0001\tmedtop:10000000\n0002\tmedtop:10000000\n0003\tnone\n');

  it('reads each labelled page of enough words as its headline and whole body, leaving out short pages and pages labelled none', () => {
    expect(readWcxbPages(dir, labels, 300)).toEqual([{ id: '0001', title: 'Best espresso machines', text: `Our picks\n\n${long}`, code: 'medtop:10000000' }]);
    expect(readWcxbPages(dir, labels, 3)?.map((p) => p.id)).toEqual(['0001', '0002']);
  });

  it('gives null when the folder is absent, and fails on a label for a page that is not there', () => {
    expect(readWcxbPages(join(dir, 'absent'), labels)).toBeNull();
    const stray = join(dir, 'stray.tsv');
    writeFileSync(stray, '0009\tmedtop:04000000\n');
    expect(() => readWcxbPages(dir, stray)).toThrow(/0009/);
  });
});
