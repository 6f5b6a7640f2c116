import { describe, expect, it } from 'vitest';
import { expectBioKept, expectTagsLeft, tagsAt, tagsNaming } from '../../../helpers/bio-tags.js';
import { oilGradesAreMisc } from '../../../../src/workers/enricher/oil-grades.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';

describe(oilGradesAreMisc.name, () => {
  it('makes a grade before a grade word, and a name that is only a grade, MISC', () => {
    const text = 'Brent crude rose , Brent Crude futures fell , West Texas Intermediate for May delivery slid and Dubai crude gained .';
    const { toks, tags } = tagsNaming(text, { Brent: 'PER', 'Brent Crude': 'PER', 'West Texas Intermediate': 'ORG', Dubai: 'LOC' });
    const got = oilGradesAreMisc(toks, tags);
    expect(tagsAt(toks, got, 'Brent')).toEqual(['B-MISC', 'B-MISC']);
    expect(tagsAt(toks, got, 'Crude')).toEqual(['I-MISC']);
    expect(tagsAt(toks, got, 'Intermediate')).toEqual(['I-MISC']);
    expect(tagsAt(toks, got, 'Dubai')).toEqual(['B-MISC']);
    expect(tagsAt(toks, got, 'crude')).toEqual(['O', 'O']);
  });

  it('makes a grade named alone MISC once the text has named it a grade', () => {
    const text = 'Brent crude oil rose . NYMEX crude closed at $91.86 , while ICE Brent closed at $88.69 .';
    const { toks, tags } = tagsNaming(text, { Brent: 'PER', NYMEX: 'ORG' });
    const got = oilGradesAreMisc(toks, tags);
    expect(tagsAt(toks, got, 'Brent')).toEqual(['B-MISC', 'B-MISC']);
    expect(tagsAt(toks, got, 'NYMEX')).toEqual(['B-ORG']);
  });

  it('leaves persons, places and boroughs named without a grade word', () => {
    expectTagsLeft(oilGradesAreMisc, [
      ['Brent Sanders said crude prices rose .', { 'Brent Sanders': 'PER' }],
      ['Brent said crude prices rose .', { Brent: 'PER' }],
      ['flights to Dubai and Oman rose .', { Dubai: 'LOC', Oman: 'LOC' }],
      ['the London Borough of Brent voted , and West Texas farmers .', { 'London Borough of Brent': 'LOC', 'West Texas': 'LOC' }],
    ]);
  });

  it('keeps the tags valid BIO', () => {
    const toks = nerTokenize('ICE Brent Crude futures and WTI crude , West Texas Intermediate and Brent Sanders');
    expectBioKept(toks.length, 19, (tags) => oilGradesAreMisc(toks, tags));
  });
});
