import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inProjectArticlesDev } from '../../../scripts/lib/project-articles.js';
import { parseLabelledLine, readProjectNewswire, splitProjectNewswire, splitWord } from '../../../scripts/lib/project-newswire-ner.js';

const pairs = (line: string) => {
  const s = parseLabelledLine(line);
  return s.words.map((w, k) => `${w}/${s.tags[k]}`).join(' ');
};

describe(parseLabelledLine.name, () => {
  it('reads inline labels into tokens and BIO tags, punctuation split off as the CoNLL files split it', () => {
    expect(pairs('[PER Liu Jianchao] met officials of [ORG Samsung Electronics Co. Ltd.] in [LOC Seoul] on Tuesday.')).toBe(
      'Liu/B-PER Jianchao/I-PER met/O officials/O of/O Samsung/B-ORG Electronics/I-ORG Co./I-ORG Ltd./I-ORG in/O Seoul/B-LOC on/O Tuesday/O ./O',
    );
    expect(pairs('[LOC LONDON] ([ORG Reuters]) - [LOC Britain]\'s [MISC FTSE 100] fell 2.5 percent, or 1,000 points, to $500 in the [LOC U.S.]')).toBe(
      'LONDON/B-LOC (/O Reuters/B-ORG )/O -/O Britain/B-LOC \'s/O FTSE/B-MISC 100/I-MISC fell/O 2.5/O percent/O ,/O or/O 1,000/O points/O ,/O to/O $500/O in/O the/O U.S./B-LOC ./O',
    );
    expect(pairs('"We don\'t know," said [PER Ann Lee], the [ORG Tigers]\' well-known coach, in 1996-08-22 (a 3-1 win).')).toBe(
      '"/O We/O do/O n\'t/O know/O ,/O "/O said/O Ann/B-PER Lee/I-PER ,/O the/O Tigers/B-ORG \'/O well-known/O coach/O ,/O in/O 1996-08-22/O (/O a/O 3-1/O win/O )/O ./O',
    );
  });

  it('keeps two labels of one type side by side apart', () => {
    expect(pairs('[ORG Ajax] [ORG PSV] 2 1')).toBe('Ajax/B-ORG PSV/B-ORG 2/O 1/O');
  });

  it('rejects malformed brackets with an error that says what and where', () => {
    expect(() => parseLabelledLine('[ORG Acme met', 'f:3')).toThrow(/f:3: a label left open/);
    expect(() => parseLabelledLine('Acme] met', 'f:3')).toThrow(/"\]" closes no label at column 5/);
    expect(() => parseLabelledLine('[FIRM Acme] met')).toThrow(/unknown type FIRM/);
    expect(() => parseLabelledLine('[Acme] met')).toThrow(/"\[" opens no "\[TYPE " label/);
    expect(() => parseLabelledLine('[ORG Bank of [LOC Spain]]')).toThrow(/a label inside a label/);
    expect(() => parseLabelledLine('the [ORG ] met')).toThrow(/an empty label/);
    expect(() => parseLabelledLine('a [LOC Seoul]-based firm')).toThrow(/a label's edge inside the word "Seoul-based"/);
  });
});

describe(splitWord.name, () => {
  it('keeps abbreviations, figures and hyphenated words whole and splits clitics', () => {
    expect(splitWord('Inc.').map((t) => t.text)).toEqual(['Inc.']);
    expect(splitWord('U.N.,').map((t) => t.text)).toEqual(['U.N.', ',']);
    expect(splitWord('year.').map((t) => t.text)).toEqual(['year', '.']);
    expect(splitWord('("Acme\'s').map((t) => t.text)).toEqual(['(', '"', 'Acme', "'s"]);
    expect(splitWord('66.25,').map((t) => t.text)).toEqual(['66.25', ',']);
  });
});

describe(readProjectNewswire.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'newswire-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (text: string) => {
    const f = join(dir, `f${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(f, text);
    return f;
  };

  it('reads documents under their ids, a sentence a line, comments only before the first', () => {
    const docs = readProjectNewswire(write('# a comment\n@@ wire-001\n[LOC PARIS] 1996-08-22\nThe [ORG Bank of France] said.\n\n@@ wire-002\n[PER Ann Lee] won.\n'));
    expect(docs.map((d) => [d.id, d.sentences.length])).toEqual([
      ['wire-001', 2],
      ['wire-002', 1],
    ]);
    expect(docs[0]?.sentences[1]?.tags).toEqual(['O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O']);
  });

  it('names the file and line of a malformed label, and rejects repeated ids and empty documents', () => {
    const f = write('@@ wire-001\nfine.\n[ORG Acme met.\n');
    expect(() => readProjectNewswire(f)).toThrow(`${f}:3: a label left open`);
    expect(() => readProjectNewswire(write('@@ wire-001\na.\n@@ wire-001\nb.\n'))).toThrow(/id given twice/);
    expect(() => readProjectNewswire(write('@@ wire-001\n@@ wire-002\nb.\n'))).toThrow(/wire-001 has no sentence/);
    expect(() => readProjectNewswire(write('text\n@@ wire-001\nb.\n'))).toThrow(/text before the first document/);
  });
});

describe('scripts/data/project-newswire-ner.txt', () => {
  const docs = readProjectNewswire();
  const { train, dev } = splitProjectNewswire(docs);

  it('holds newswire documents of several sentences with people, places and many organisations', () => {
    expect(docs.length).toBeGreaterThanOrEqual(100);
    const tags = docs.flatMap((d) => d.sentences.flatMap((s) => s.tags));
    const count = (t: string) => tags.filter((x) => x === t).length;
    expect(count('B-ORG')).toBeGreaterThan(count('B-PER') / 2);
    for (const t of ['B-PER', 'B-LOC', 'B-ORG', 'B-MISC']) expect(count(t)).toBeGreaterThan(200);
  });

  it('puts every document in one part, the dev third being the ids the md5 rule picks', () => {
    expect(dev.map((d) => d.id)).toEqual(docs.filter(inProjectArticlesDev).map((d) => d.id));
    expect(train.map((d) => d.id)).toEqual(docs.filter((d) => !inProjectArticlesDev(d)).map((d) => d.id));
    expect(new Set([...train, ...dev].map((d) => d.id)).size).toBe(docs.length);
    expect(dev.length / docs.length).toBeGreaterThan(0.25);
    expect(dev.length / docs.length).toBeLessThan(0.42);
  });
});
