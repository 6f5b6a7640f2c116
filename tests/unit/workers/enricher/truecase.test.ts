import { describe, expect, it } from 'vitest';
import { wordStatsCode, type NameGazetteer } from '../../../../src/workers/enricher/ner-features.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { tagEntities, tagEntityMentions } from '../../../../src/workers/enricher/tag-entities.js';
import { capitalise, truecaseCapsLines } from '../../../../src/workers/enricher/truecase.js';

/** A gazetteer of a few names, with capitalisation buckets (0 always ... 4 never capitalised) for a few words. */
function gazetteer(names: string[], buckets: Record<string, number>): NameGazetteer {
  const codes = new Map(Object.entries(buckets).map(([w, b]) => [w, wordStatsCode(1, b)]));
  return {
    names: { get: (k: string) => (names.includes(k) ? 'LOC' : undefined) },
    maxLength: { get: () => 1 },
    stats: { get: (w: string) => codes.get(w), coarse: [0, 1] },
  };
}

const truecased = (text: string, gaz: NameGazetteer) => truecaseCapsLines(text, nerTokenize(text), gaz);

describe('capitalise', () => {
  it('capitalises each part of a hyphenated word and the name after a one-letter prefix', () => {
    expect(capitalise('AL-AIN')).toBe('Al-Ain');
    expect(capitalise("O'NEILL")).toBe("O'Neill");
    expect(capitalise("DON'T")).toBe("Don't");
    expect(capitalise('JAPAN')).toBe('Japan');
  });
});

describe('truecaseCapsLines', () => {
  const gaz = gazetteer(['NATO', 'Nato', 'NBA', 'Japan'], { japan: 0, beat: 4, in: 4, cup: 2, the: 4, us: 4, nato: 1 });

  it('writes a line in capitals by the word statistics, keeping acronyms the gazetteer knows in capitals', () => {
    const text = 'JAPAN BEAT SYRIA IN THE CUP\nThe match was close.';
    const out = truecased(text, gaz);
    expect(out.text).toBe('Japan beat Syria in the Cup\nThe match was close.');
    expect(out.text.length).toBe(text.length);
    expect(out.tokens.map((t) => t.text).slice(0, 6)).toEqual(['Japan', 'beat', 'Syria', 'in', 'the', 'Cup']);
    // "NBA" is known in capitals only; "NATO" in both forms, so it follows the statistics.
    expect(truecased('NBA TEAMS MEET NATO', gaz).text).toBe('NBA Teams Meet Nato');
  });

  it('prefers how the same text writes the word elsewhere, away from the start of a sentence', () => {
    const text = 'BEAT THE HEAT IN MCALLEN\nThe heat in McAllen broke records. Heat stroke cases rose.';
    expect(truecased(text, gaz).text.split('\n')[0]).toBe('Beat the heat in McAllen');
  });

  it('keeps a word in capitals that the text writes in capitals elsewhere, even opening a line (speaker labels)', () => {
    const text = 'SERGIO MARTINEZ-BELTRAN, BYLINE: It was a Saturday.\nMARTINEZ-BELTRAN: Most people here are teachers.';
    expect(truecased(text, gaz).text.split('\n')[0]).toBe('Sergio MARTINEZ-BELTRAN, BYLINE: It was a Saturday.');
  });

  it('starts the line with a capital and leaves short acronyms the statistics call lower-case', () => {
    expect(truecased('US TROOPS IN JAPAN', gazetteer(['US'], { us: 4, troops: 4, in: 4, japan: 0 })).text).toBe('US troops in Japan');
    expect(truecased('BEAT THE BEST', gaz).text).toBe('Beat the Best');
  });

  it("writes a fixture's V or VS between two words in lower case, a V ending the line as it is", () => {
    const g = gazetteer([], { japan: 0, syria: 0 });
    expect(truecased('JAPAN V SYRIA\nJAPAN VS. SYRIA', g).text).toBe('Japan v Syria\nJapan vs. Syria');
    expect(truecased('HENRY V', g).text).toBe('Henry V');
  });

  it('reads a line of one word in capitals, and the capitals that open a dateline before a comma, a bracket or a dash', () => {
    const g = gazetteer(['AP'], { brussels: 0, seoul: 0, reuters: 0 });
    expect(truecased('BRUSSELS 1996-08-22\nThe talks ended.', g).text.split('\n')[0]).toBe('Brussels 1996-08-22');
    expect(truecased('AL-AIN, United Arab Emirates 1996-12-06', g).text).toBe('Al-Ain, United Arab Emirates 1996-12-06');
    expect(truecased('SEOUL (AP) - Talks began.', g).text).toBe('Seoul (AP) - Talks began.');
    // Capitals before a colon or inside a line are not a dateline.
    expect(truecased('EXCLUSIVE: Talks began.', g).text).toBe('EXCLUSIVE: Talks began.');
    expect(truecased('Talks in SEOUL began.', g).text).toBe('Talks in SEOUL began.');
  });

  it('leaves text without lines in capitals, and single capitalised words, as they are', () => {
    const text = 'The NBA and NATO met in Japan.\nUS officials said so.';
    const tokens = nerTokenize(text);
    const out = truecaseCapsLines(text, tokens, gaz);
    expect(out.text).toBe(text);
    expect(out.tokens).toBe(tokens);
  });
});

describe('the committed tagger on wire headlines in capitals', () => {
  const text = 'SOCCER - JAPAN BEAT SYRIA IN ASIAN CUP OPENER.\nJapan began the defence of their title with a 2-1 win over Syria on Friday.';
  it('finds the names of a headline in capitals, in ordinary case at their offsets', () => {
    const mentions = tagEntityMentions(text);
    const headline = mentions.filter((m) => m.end <= text.indexOf('\n'));
    expect(headline.map((m) => `${m.kind}:${m.name}`)).toEqual(expect.arrayContaining(['place:Japan', 'place:Syria']));
    for (const m of headline) expect(text.slice(m.start, m.end).toLowerCase()).toBe(m.name.toLowerCase());
  });

  it('merges a headline name with the same name in the story', () => {
    const places = tagEntities({ title: '', text }).places;
    expect(places.find((p) => p.name === 'Japan')?.mentions).toBe(2);
    expect(places.some((p) => p.name === 'JAPAN')).toBe(false);
  });
});
