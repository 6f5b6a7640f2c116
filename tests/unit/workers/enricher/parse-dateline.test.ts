import { describe, expect, it } from 'vitest';
import { parseDateline } from '../../../../src/workers/enricher/parse-dateline.js';

describe(parseDateline.name, () => {
  it('parses a bare upper-case place with an em dash', () => {
    expect(parseDateline('BEIJING — China said on Tuesday')).toEqual({ raw: 'BEIJING', place: 'BEIJING', date: null, credit: null, length: 10 });
  });

  it('parses place, date and credit', () => {
    expect(parseDateline('SEOUL, June 11 (Wire) - South Korea said')).toMatchObject({ raw: 'SEOUL, June 11 (Wire)', place: 'SEOUL', date: 'June 11', credit: 'Wire' });
    expect(parseDateline('NEW DELHI, 11 June (Reuters) - India')).toMatchObject({ place: 'NEW DELHI', date: '11 June', credit: 'Reuters' });
    expect(parseDateline('WASHINGTON (AP) -- The')).toMatchObject({ place: 'WASHINGTON', credit: 'AP' });
    expect(parseDateline('Kabul, Afghanistan (AP) — Taliban')).toMatchObject({ place: 'Kabul, Afghanistan', credit: 'AP' });
  });

  it('reports the length of the dateline so callers can strip it', () => {
    const lead = 'PARIS: The French government';
    const d = parseDateline(lead);
    expect(lead.slice(d?.length ?? 0)).toBe('The French government');
  });

  it('returns null when the lead has no dateline', () => {
    expect(parseDateline('China and South Korea are discussing the fate of 17 refugees.')).toBeNull();
    expect(parseDateline('Beijing - the capital - is tense.')).toBeNull();
    expect(parseDateline('')).toBeNull();
  });
});
