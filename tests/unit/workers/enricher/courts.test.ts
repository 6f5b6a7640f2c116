import { describe, expect, it } from 'vitest';
import { expectBioKept, expectTagsLeft, namesAfterPass } from '../../../helpers/bio-tags.js';
import { courtsBySeat } from '../../../../src/workers/enricher/courts.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';

const run = (text: string, names: Record<string, string>): string[] => namesAfterPass(courtsBySeat, text, names);

describe(courtsBySeat.name, () => {
  it('makes a magistrates\' or coroners\' court one organisation with its seat and the apostrophe', () => {
    expect(run("he appeared at Westminster Magistrates ' Court on Monday", { 'Westminster Magistrates': 'ORG', Court: 'ORG' })).toEqual(["ORG[Westminster Magistrates ' Court]"]);
    expect(run('testified today in Banjul Magistrates ’ Court as part of the trial', { Banjul: 'LOC' })).toEqual(['ORG[Banjul Magistrates ’ Court]']);
    expect(run("the inquest at St Pancras Coroners ' Court heard", { 'St Pancras Coroners': 'LOC' })).toEqual(["ORG[St Pancras Coroners ' Court]"]);
  });

  it('makes the seat of a Crown Court a place and the court an organisation', () => {
    expect(run('convicted at Southwark Crown Court in October', { 'Southwark Crown Court': 'ORG' })).toEqual(['LOC[Southwark]', 'ORG[Crown Court]']);
    expect(run('both the Liverpool Magistrates \' Court and Liverpool Crown Court .', { 'Liverpool Magistrates': 'ORG', Court: 'ORG', 'Liverpool Crown Court': 'ORG' })).toEqual(["ORG[Liverpool Magistrates ' Court]", 'LOC[Liverpool]', 'ORG[Crown Court]']);
  });

  it('leaves courts without a seat, other courts and names that go on after "Court"', () => {
    expectTagsLeft(courtsBySeat, [
      ["the Magistrates ' Court fined him", { Court: 'ORG' }], // no seat
      ['tried in the Crown Court .', { 'Crown Court': 'ORG' }],
      ['the Durban Supreme Court ruled', { 'Durban Supreme Court': 'ORG' }],
      ['the Leeds Crown Court Service said', { 'Leeds Crown Court Service': 'ORG' }], // the name goes on
      ["Leeds Magistrates ' Court Service staff", { Leeds: 'LOC', 'Court Service': 'ORG' }],
    ]);
  });

  it('keeps the tags valid BIO', () => {
    const toks = nerTokenize("at Westminster Magistrates' Court and Leeds Crown Court , the Crown Court");
    expectBioKept(toks.length, 29, (tags) => courtsBySeat(toks, tags));
  });
});
