import { describe, expect, it } from 'vitest';
import { KNOWN_ORGS } from '../../../../src/workers/enricher/gazetteer.js';
import { expectBioKept, tagsNaming } from '../../../helpers/bio-tags.js';
import { CAP_BUCKETS, type WordStats, wordStatsCode } from '../../../../src/workers/enricher/ner-features.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { tagEntityMentions } from '../../../../src/workers/enricher/tag-entities.js';
import { beginTag, bioSpans, clearSpan, deskSlugLength, insideTag, insideTagOf, isResultVerb, leaderboardLineNames, resultSentenceNames, scorecardLineNames, setSpan, shortRowNameEnd, spanEnd, spanStart, tableLineNames, wireConventions, wireConventionTags } from '../../../../src/workers/enricher/wire-conventions.js';

const words = (line: string) => nerTokenize(line).map((t) => t.text);
/** The names of a line as text, or null when it is no table line. */
const namesOf = (line: string) => {
  const w = words(line);
  return tableLineNames(w)?.map(([a, b]) => w.slice(a, b).join(' ')) ?? null;
};
const kindsOf = (text: string) => tagEntityMentions(text).map((m) => `${m.kind}:${text.slice(m.start, m.end)}`);

describe('spanStart and spanEnd', () => {
  const tags = ['B-ORG', 'I-ORG', 'I-ORG', 'O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC'];
  it('finds the span around a tag from either end', () => {
    expect([0, 1, 2].map((k) => spanStart(tags, k))).toEqual([0, 0, 0]);
    expect(spanStart(tags, 5)).toBe(4);
    expect(spanStart(tags, 7)).toBe(6);
    expect(spanStart(tags, 3)).toBe(3);
    expect(spanEnd(tags, 0)).toBe(3);
    expect(spanEnd(tags, 4)).toBe(6);
    expect(spanEnd(tags, 6)).toBe(8);
  });
  it('stops at the text start when the tags open inside a span', () => {
    expect(spanStart(['I-ORG', 'I-ORG', 'O'], 1)).toBe(0);
  });
  it('stops at the last tag when a span ends the text', () => {
    expect(spanEnd(['O', 'B-PER', 'I-PER'], 1)).toBe(3);
    expect(spanEnd(['B-LOC'], 0)).toBe(1);
  });
});

describe('tableLineNames', () => {
  it('reads results lines in their usual forms', () => {
    expect(namesOf('Aberdeen 1 Hibernian 2')).toEqual(['Aberdeen', 'Hibernian']);
    expect(namesOf('Celtic 3 (1) Dundee United 0 (0)')).toEqual(['Celtic', 'Dundee United']);
    expect(namesOf('Brighton and Hove Albion 2 Leeds United 2 (after extra time)')).toEqual(['Brighton and Hove Albion', 'Leeds United']);
    expect(namesOf('Arsenal 2-0 Chelsea')).toEqual(['Arsenal', 'Chelsea']);
    expect(namesOf('Arsenal 2 - 0 Chelsea')).toEqual(['Arsenal', 'Chelsea']);
    expect(namesOf('DETROIT 4 Kansas City 1')).toEqual(['DETROIT', 'Kansas City']);
    expect(namesOf('Arsenal v Chelsea')).toEqual(['Arsenal', 'Chelsea']);
    expect(namesOf('Los Angeles Lakers vs. Boston Celtics')).toEqual(['Los Angeles Lakers', 'Boston Celtics']);
    expect(namesOf('Dinner at Home')).toBeNull();
  });

  it("reads a summary line with each side's scorers in brackets", () => {
    expect(namesOf('PSV Eindhoven 3 (Nilis 12, Jonk 45, Cocu 70) Vitesse Arnhem 1 (Gillhaus 60)')).toEqual(['PSV Eindhoven', 'Vitesse Arnhem']);
    expect(namesOf('Ajax 2 (van Hooijdonk 30, Musampa 80) Feyenoord 0')).toEqual(['Ajax', 'Feyenoord']);
    // Brackets that hold no scorer and their minute are no summary.
    expect(namesOf('Ajax 2 (in the rain) Feyenoord 0')).toBeNull();
    // The match's notes after a full stop; a line that goes on in prose after the second score is none.
    expect(namesOf('Ajax Amsterdam 4 ( Litmanen 12 , Babangida 88 ) NAC Breda 1 ( Arnold 50 ) . Halftime 2-0 . Attendance 47,000 .')).toEqual(['Ajax Amsterdam', 'NAC Breda']);
    expect(namesOf('Feyenoord 2 (Cruyff 75) Willem II Tilburg 0. Halftime 1-0.')).toEqual(['Feyenoord', 'Willem II Tilburg']);
    expect(namesOf('Feyenoord 2 (Cruyff 75) Willem II Tilburg 0 and more')).toBeNull();
  });

  it('reads the players of a leaderboard line: a score, then names separated by commas, each with a country in brackets or not', () => {
    const names = (line: string) => {
      const words = nerTokenize(line).map((t) => t.text);
      return leaderboardLineNames(words)?.map(([f, t]) => words.slice(f, t).join(' ')) ?? null;
    };
    expect(names('65 Tiger Woods, Nolan Henke')).toEqual(['Tiger Woods', 'Nolan Henke']);
    expect(names('67 Jim Furyk, Greg Kraft (Canada), Scott Hoch')).toEqual(['Jim Furyk', 'Greg Kraft', 'Scott Hoch']);
    expect(names('65 Tiger Woods and Nolan Henke')).toBeNull();
    expect(names('65 people died')).toBeNull();
    expect(names('Tiger Woods, Nolan Henke')).toBeNull();
  });

  it('reads the players of a batting line of a cricket scorecard', () => {
    const players = (line: string) => {
      const words = nerTokenize(line).map((t) => t.text);
      return scorecardLineNames(words)?.map(([f, t]) => words.slice(f, t).join(' ')) ?? null;
    };
    expect(players('N. Hussain c Ijaz Ahmed b Mushtaq Ahmed 12')).toEqual(['N. Hussain', 'Ijaz Ahmed', 'Mushtaq Ahmed']);
    expect(players('M. Atherton lbw b Waqar Younis 31')).toEqual(['M. Atherton', 'Waqar Younis']);
    expect(players('Saeed Anwar c & b Cork 176')).toEqual(['Saeed Anwar', 'Cork']);
    expect(players('G. Thorpe not out 54')).toEqual(['G. Thorpe']);
    // No dismissal, no runs at the end, or prose: none.
    expect(players('Rangers 4')).toBeNull();
    expect(players('G. Thorpe not out')).toBeNull();
    expect(players('Thorpe b Cork in the morning 5')).toBeNull();
  });

  it('reads standings rows: a name and four figures or more, three of them whole numbers', () => {
    expect(namesOf('Rangers 4 3 1 0 9 2 10')).toEqual(['Rangers']);
    expect(namesOf('NEW YORK 74 56 .569 -')).toEqual(['NEW YORK']);
    expect(namesOf('Germany 1.5 2.1 3.2 4.0')).toBeNull(); // an indicator table, not standings
    expect(namesOf('Tiger Woods 66 68')).toBeNull();
  });

  it('leaves prose, datelines and headings alone', () => {
    expect(namesOf('GLASGOW 1996-08-31')).toBeNull();
    expect(namesOf('Premier division')).toBeNull();
    expect(namesOf('Celtic beat Rangers 3 0 on Saturday')).toBeNull();
    expect(namesOf('He scored 2 goals in 3 games')).toBeNull();
    expect(namesOf('Results of Scottish league matches on Saturday:')).toBeNull();
    expect(namesOf('Aberdeen 1 Hibernian 2 in a match that')).toBeNull();
  });
});

describe(isResultVerb.name, () => {
  it('reads a verb of a result in any case, the kelvin sign\'s "k" as a "k", and nothing else', () => {
    for (const w of ['won', 'Beat', 'DREW', 'overpowered', 'OutLasted', 'blan\u212Aed']) expect(isResultVerb(w), w).toBe(true);
    for (const w of ['wo', 'a', ',', 'victory', 'overpowering', 'beaten', 'w\u0130n', '\u0130']) expect(isResultVerb(w), w).toBe(false);
  });
});

describe('resultSentenceNames', () => {
  const sidesOf = (line: string) => {
    const w = words(line);
    return resultSentenceNames(w).map(([a, b]) => w.slice(a, b).join(' '));
  };

  it('reads the two sides of a result told in prose', () => {
    expect(sidesOf('Barcelona beat Valencia 2-1 to go top.')).toEqual(['Barcelona', 'Valencia']);
    expect(sidesOf('The Lakers beat the Celtics 110-102.')).toEqual(['Lakers', 'Celtics']);
    expect(sidesOf('Juventus drew 0-0 with Milan on Sunday.')).toEqual(['Juventus', 'Milan']);
    expect(sidesOf('Inter Milan lost 2-1 to Napoli.')).toEqual(['Inter Milan', 'Napoli']);
  });

  it('reads the first side over a clause or a description set off by commas before the result', () => {
    expect(sidesOf('Rangers , who won the title last season , drew 1-1 with Aberdeen on Saturday .')).toEqual(['Rangers', 'Aberdeen']);
    expect(sidesOf('Rangers, the champions, won 2-0 at Motherwell.')).toEqual(['Rangers', 'Motherwell']);
    // Not a list before the verb, nor a clause that opens otherwise.
    expect(sidesOf('Celtic , Hearts and Rangers all won 2-0 at home.')).toEqual([]);
    expect(sidesOf('Rangers , however , drew 1-1 with Aberdeen.')).toEqual([]);
  });

  it('gives the team a clause sets off from its result in wire copy, at the line\'s start after a dateline', () => {
    const ms = tagEntityMentions('GLASGOW 1996-08-24\nRangers , who won the title last season , drew 1-1 with Aberdeen on Saturday .');
    expect(ms.map((m) => `${m.kind}:${m.name}`)).toEqual(['place:Glasgow', 'organisation:Rangers', 'organisation:Aberdeen']);
  });

  it('reads nothing without a score, with set scores, or without a name on each side', () => {
    expect(sidesOf('India beat Australia by six wickets.')).toEqual([]);
    expect(sidesOf('Trump beat Biden in Georgia.')).toEqual([]);
    expect(sidesOf('Nieminen beat Nalbandian 6-2 2-6 6-2 in Beijing.')).toEqual([]);
    expect(sidesOf('The home side beat them 2-1.')).toEqual([]);
  });
});

describe('wireConventionTags', () => {
  const tagsOf = (text: string, tags: Record<string, string>) => {
    const tokens = nerTokenize(text);
    return { tokens, tags: tokens.map((t) => tags[`${t.text}@${t.start}`] ?? tags[t.text] ?? 'O') };
  };

  it('makes the teams of a table organisations, a country a place, and keeps persons and figures', () => {
    const text = 'Results:\nAberdeen 1 Hibernian 2\nScotland 2 Wales 0\nJohn Smith 3 Kilmarnock 1';
    const { tokens, tags } = tagsOf(text, { Aberdeen: 'B-LOC', Scotland: 'B-ORG', John: 'B-PER', Smith: 'I-PER', '2': 'B-MISC' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect(at('Aberdeen')).toBe('B-ORG');
    expect(at('Hibernian')).toBe('B-ORG');
    expect(at('Kilmarnock')).toBe('B-ORG');
    expect(at('Scotland')).toBe('B-LOC');
    expect(at('Wales')).toBe('B-LOC');
    expect([at('John'), at('Smith')]).toEqual(['B-PER', 'I-PER']);
    expect(out.filter((_t, i) => /^\d+$/.test(tokens[i]?.text ?? '')).every((t) => t === 'O')).toBe(true);
  });

  it("makes a lone word read as a person a team on a line of two sides whose other side is no person's", () => {
    const text = 'Results:\nChelsea 1 Coventry 1\nLeeds 0 Liverpool 2\nMorgan 1 Kevin Smith 2\nDavis 3 Love 1';
    const { tokens, tags } = tagsOf(text, { Chelsea: 'B-PER', Coventry: 'B-LOC', Morgan: 'B-PER', Kevin: 'B-PER', Smith: 'I-PER', Davis: 'B-PER', Love: 'B-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Chelsea'), at('Coventry')]).toEqual(['B-ORG', 'B-ORG']);
    // A player named in full on the other side, or persons on both: left as the tagger read them.
    expect([at('Morgan'), at('Kevin'), at('Davis'), at('Love')]).toEqual(['B-PER', 'B-PER', 'B-PER', 'B-PER']);
  });

  it("takes a summary line with its scorers alone: its sides teams, its scores no part of them, its scorers persons", () => {
    const text = 'Summary of Dutch first division match played on Thursday:\nPSV Eindhoven 3 (Nilis 12, Jonk 45) Vitesse Arnhem 1 (Gillhaus 60)\nAttendance: 25,000';
    const { tokens, tags } = tagsOf(text, { PSV: 'B-ORG', Eindhoven: 'I-ORG', '3': 'I-ORG', Nilis: 'B-PER', Jonk: 'B-PER', Vitesse: 'B-LOC', Arnhem: 'I-LOC', '1': 'I-LOC' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('PSV'), at('Eindhoven'), at('3'), at('Nilis'), at('Jonk')]).toEqual(['B-ORG', 'I-ORG', 'O', 'B-PER', 'B-PER']);
    expect([at('Vitesse'), at('Arnhem'), at('1')]).toEqual(['B-ORG', 'I-ORG', 'O']);
  });

  it('makes each scorer of a summary line a person, and its notes after a full stop no names', () => {
    const text = 'Summaries of Dutch first division matches:\nAjax 4 (Litmanen 12, Babangida 35, 60, van Gastel 88) NAC Breda 1 (Arnold 50). Halftime 2-0. Attendance 47,000.';
    const { tokens, tags } = tagsOf(text, { Ajax: 'B-ORG', Litmanen: 'B-PER', Babangida: 'B-ORG', NAC: 'B-ORG', Breda: 'I-ORG', Halftime: 'B-ORG' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Litmanen'), at('Babangida'), at('van'), at('Gastel'), at('Arnold')]).toEqual(['B-PER', 'B-PER', 'B-PER', 'I-PER', 'B-PER']);
    expect([at('Ajax'), at('NAC'), at('Breda'), at('Halftime'), at('Attendance')]).toEqual(['B-ORG', 'B-ORG', 'I-ORG', 'O', 'O']);
  });

  it("takes a portfolio out of an organisation's acronym before a minister's title and a person, not a title of the organisation's own", () => {
    const text = 'EU Farm Commissioner Franz Fischler said so. The UN High Commissioner for Refugees said so.';
    const { tokens, tags } = tagsOf(text, { EU: 'B-ORG', Farm: 'I-ORG', Franz: 'B-PER', Fischler: 'I-PER', UN: 'B-ORG', High: 'I-ORG' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('EU'), at('Farm'), at('Commissioner'), at('Franz'), at('UN'), at('High')]).toEqual(['B-ORG', 'O', 'O', 'B-PER', 'B-ORG', 'I-ORG']);
  });

  it("clears a line of column headings in capitals above a table's rows, and not one above prose", () => {
    const text = 'Standings:\nW L T GF GA PTS\nHARTFORD 10 5 3 60 52 23\nBUFFALO 9 7 2 55 50 20\nNEW YORK 8 7 2 55 50 18';
    const { tokens, tags } = tagsOf(text, { T: 'B-ORG', GF: 'I-ORG', GA: 'I-ORG', PTS: 'I-ORG' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('T'), at('GF'), at('GA'), at('PTS')]).toEqual(['O', 'O', 'O', 'O']);
    const prose = 'Notes:\nUN EU NATO WHO\nThe talks went on.';
    const p = tagsOf(prose, { UN: 'B-ORG', EU: 'B-ORG', NATO: 'B-ORG', WHO: 'B-ORG' });
    expect(wireConventionTags(prose, p.tokens, p.tags)).toEqual(p.tags);
  });

  it('makes every name of a leaderboard a player when the tagger read most of them as persons', () => {
    const text = 'Leading scores:\n65 Tiger Woods, Nolan Henke\n66 Loren Roberts, Steve Stricker (Canada)';
    const { tokens, tags } = tagsOf(text, { Tiger: 'B-ORG', Woods: 'I-ORG', Nolan: 'B-PER', Henke: 'I-PER', Loren: 'B-PER', Roberts: 'I-PER', Steve: 'B-PER', Stricker: 'I-PER', Canada: 'B-LOC' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Tiger'), at('Woods'), at('Canada')]).toEqual(['B-PER', 'I-PER', 'B-LOC']);
    // Mostly firms: left as read.
    const firms = 'Top gainers:\n12 Intel Corp, Tiger Brands\n10 Boeing Co, Nolan Henke';
    const f = tagsOf(firms, { Intel: 'B-ORG', Corp: 'I-ORG', Tiger: 'B-ORG', Brands: 'I-ORG', Boeing: 'B-ORG', Co: 'I-ORG', Nolan: 'B-PER', Henke: 'I-PER' });
    expect(wireConventionTags(firms, f.tokens, f.tags)).toEqual(f.tags);
  });

  it('makes every name on the batting lines of a scorecard a player, and one such line alone no scorecard', () => {
    const text = 'England first innings\nM. Atherton lbw b Waqar Younis 31\nN. Hussain c Ijaz Ahmed b Mushtaq Ahmed 12\nG. Thorpe not out 54';
    const { tokens, tags } = tagsOf(text, { England: 'B-LOC', M: 'B-PER', Atherton: 'I-PER', Waqar: 'B-LOC', Younis: 'I-LOC', Ijaz: 'B-ORG', Thorpe: 'B-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('England'), at('Waqar'), at('Younis'), at('Ijaz'), at('Mushtaq'), at('Ahmed'), at('G.'), at('Thorpe')]).toEqual(['B-LOC', 'B-PER', 'I-PER', 'B-PER', 'B-PER', 'I-PER', 'B-PER', 'I-PER']);
    const one = 'The scores:\nM. Atherton lbw b Waqar Younis 31';
    const alone = tagsOf(one, { Waqar: 'B-LOC', Younis: 'I-LOC' });
    expect(wireConventionTags(one, alone.tokens, alone.tags)).toEqual(alone.tags);
  });

  it("makes the name after a rider's country on a ranked results line a team, before a time or the line's end", () => {
    const text = 'Results of the fourth stage:\n1. Jeroen Blijlevens (Netherlands) TVM 4:12:35\n2. Endrio Leoni (Italy) Aki\nPete Sampras (U.S.) Monica Seles\n3 - Jim Courier (U.S.) beat Javier Frana';
    const { tokens, tags } = tagsOf(text, { Jeroen: 'B-PER', Blijlevens: 'I-PER', Endrio: 'B-PER', Leoni: 'I-PER', Aki: 'B-PER', Pete: 'B-PER', Sampras: 'I-PER', Monica: 'B-PER', Seles: 'I-PER', Jim: 'B-PER', Courier: 'I-PER', Javier: 'B-PER', Frana: 'I-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Netherlands'), at('TVM'), at('4')]).toEqual(['B-LOC', 'B-ORG', 'O']);
    expect([at('Italy'), at('Aki')]).toEqual(['B-LOC', 'B-ORG']);
    // No rank opens the line, or the words after the country go on in lower case: left as they were.
    expect([at('Monica'), at('Javier')]).toEqual(['B-PER', 'B-PER']);
  });

  it('reads three short rows in a row (a name and one to three whole numbers) as a table when the tagger found a name in one', () => {
    expect(shortRowNameEnd(words('Social Democrats 45'))).toBe(2);
    expect(shortRowNameEnd(words('Germany 12 8 6'))).toBe(1);
    expect(shortRowNameEnd(words('Inflation 1.5 1.6'))).toBe(-1);
    expect(shortRowNameEnd(words('Rangers 4 3 1 0'))).toBe(-1);
    const text = 'Seats won:\nSocial Democrats 45\nConservatives 38\nGreens 12\nGermany 3\nThe count ended.';
    const { tokens, tags } = tagsOf(text, { Greens: 'B-ORG', '12': 'I-ORG' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Social'), at('Democrats'), at('Conservatives'), at('Greens'), at('12'), at('Germany')]).toEqual(['B-ORG', 'I-ORG', 'B-ORG', 'B-ORG', 'O', 'B-LOC']);
    // Two rows, rows of one word repeated, or rows of words the tagger found no name in: no table.
    for (const [t, named] of [
      ['Seats:\nSocial Democrats 45\nGreens 12\nEnd.', { Greens: 'B-ORG' }],
      ['Step 1\nStep 2\nStep 3', { Step: 'B-ORG' }],
      ['Chapter 1\nSection 2\nPart 3', {}],
    ] as const) {
      const x = tagsOf(t, named);
      expect(wireConventionTags(t, x.tokens, x.tags)).toEqual(x.tags);
    }
  });

  it('keeps a club named for its weekday whole in a table', () => {
    const text = 'Results:\nSheffield Wednesday 1 Newcastle 2\nLeeds 0 Liverpool 2';
    const { tokens, tags } = tagsOf(text, { Sheffield: 'B-LOC', Wednesday: 'I-LOC' });
    const out = wireConventionTags(text, tokens, tags);
    expect(out.slice(2, 4)).toEqual(['B-ORG', 'I-ORG']);
  });

  it("reads the sport that opens a headline in capitals before its dash as the desk's slug: no name, a league's acronym an organisation", () => {
    expect(deskSlugLength(words('ATHLETICS - JOHNSON WINS IN ZURICH'))).toBe(1);
    expect(deskSlugLength(words('RUGBY UNION - ENGLAND NAME SQUAD'))).toBe(2);
    expect(deskSlugLength(words('NHL ICE HOCKEY - RESULTS'))).toBe(3);
    // Not a place or a person before the dash, nor a league's acronym alone.
    expect(deskSlugLength(words('MOSCOW - YELTSIN SPEAKS'))).toBe(0);
    expect(deskSlugLength(words('NBA - RESULTS'))).toBe(0);
    expect(deskSlugLength(words('ONE SHOW - REVIEW'))).toBe(0);
    const text = 'NHL ICE HOCKEY - RANGERS BEAT FLYERS\nRUGBY UNION - WALES NAME SQUAD\nThe Rangers won.';
    const { tokens, tags } = tagsOf(text, { NHL: 'B-LOC', ICE: 'I-LOC', HOCKEY: 'I-LOC', RUGBY: 'B-ORG', UNION: 'I-ORG' });
    const out = wireConventionTags(text, tokens, tags);
    expect(out.slice(0, 4)).toEqual(['B-ORG', 'O', 'O', 'O']);
    expect(out.slice(8, 10)).toEqual(['O', 'O']);
    // The same words in ordinary case are left to the tagger.
    const prose = 'Rugby Union - the sport - grew.';
    const p = tagsOf(prose, { Rugby: 'B-ORG', Union: 'I-ORG' });
    expect(wireConventionTags(prose, p.tokens, p.tags)).toEqual(p.tags);
  });

  it('takes a fixture line only when the tagger found a name on each side', () => {
    const text = 'Video Production vs. Film Production\nInterior vs. Exterior\nArsenal v Chelsea\nLeeds v Everton';
    const { tokens, tags } = tagsOf(text, { Arsenal: 'B-ORG', Chelsea: 'B-LOC', Leeds: 'B-LOC', Everton: 'B-ORG', Interior: 'B-MISC' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Chelsea'), at('Leeds')]).toEqual(['B-ORG', 'B-ORG']);
    expect([at('Video'), at('Interior'), at('Exterior')]).toEqual(['O', 'B-MISC', 'O']);
  });

  it('needs two table lines: one line of that shape in prose changes nothing', () => {
    const text = 'The league said:\nAberdeen 1 Hibernian 2\nThe match was played in the rain.';
    const { tokens, tags } = tagsOf(text, { Aberdeen: 'B-LOC' });
    expect(wireConventionTags(text, tokens, tags)).toEqual(tags);
  });

  it("makes the sides of a result in prose organisations, a country a place, and leaves a result with a person's side alone", () => {
    const text = 'Chicago beat Boston 5-3. Brazil drew 1-1 with Barcelona. Trump beat Biden 306-232.';
    const { tokens, tags } = tagsOf(text, { Chicago: 'B-LOC', Boston: 'B-ORG', '5-3': 'I-ORG', Brazil: 'B-ORG', Barcelona: 'B-LOC', Biden: 'B-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Chicago'), at('Boston'), at('5-3')]).toEqual(['B-ORG', 'B-ORG', 'O']);
    expect([at('Brazil'), at('Barcelona')]).toEqual(['B-LOC', 'B-ORG']);
    expect([at('Trump'), at('Biden')]).toEqual(['O', 'B-PER']);
  });

  it('makes the name after a courtesy title a person, the title outside it, and drops what is left of a span it cut into', () => {
    const text = 'Ms Ardern met Mr Xi told Mrs May and Dr. Anthony Fauci. Lord Howe Island.';
    const { tokens, tags } = tagsOf(text, { Ms: 'B-ORG', Ardern: 'I-ORG', 'Mr@14': 'B-MISC', Xi: 'I-MISC', told: 'I-MISC', Lord: 'B-LOC', Howe: 'I-LOC', Island: 'I-LOC' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Ms'), at('Ardern')]).toEqual(['O', 'B-PER']);
    expect([at('Mr'), at('Xi'), at('told')]).toEqual(['O', 'B-PER', 'O']);
    expect([at('Mrs'), at('May')]).toEqual(['O', 'B-PER']);
    expect([at('Dr.'), at('Anthony'), at('Fauci')]).toEqual(['O', 'B-PER', 'I-PER']);
    expect([at('Lord'), at('Howe'), at('Island')]).toEqual(['B-LOC', 'I-LOC', 'I-LOC']);
  });

  it('makes a titled name that ends the text a person, and keeps a lowercase rest of a span that goes on capitalized', () => {
    const text = 'Mr Xi told Congress. Mr Xi';
    const { tokens, tags } = tagsOf(text, { 'Mr@0': 'B-ORG', 'Xi@3': 'I-ORG', told: 'I-ORG', Congress: 'I-ORG', 'Mr@21': 'B-PER', 'Xi@24': 'I-PER' });
    expect(wireConventionTags(text, tokens, tags)).toEqual(['O', 'B-PER', 'B-ORG', 'I-ORG', 'O', 'O', 'B-PER']);
  });

  it('reads a nationality alone as MISC, not a place, and leaves a country and a longer place alone', () => {
    const text = 'Israeli troops left Jordan for the Russian Far East.';
    const { tokens, tags } = tagsOf(text, { Israeli: 'B-LOC', Jordan: 'B-LOC', Russian: 'B-LOC', Far: 'I-LOC', East: 'I-LOC' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Israeli'), at('Jordan'), at('Russian'), at('Far')]).toEqual(['B-MISC', 'B-LOC', 'B-LOC', 'I-LOC']);
  });

  it('reads the name after an abbreviated rank as a person without the rank, and a rank after a name as its end', () => {
    const text = 'Cpl Matthew Cornish met Lt. Col. Erik Kurilla, Lt Gen Vincent Otti and Capt. Rashid al-Samaraie before Hun Sen. Critics left.';
    const { tokens, tags } = tagsOf(text, { Cpl: 'B-PER', Matthew: 'I-PER', Cornish: 'I-PER', 'Lt.': 'B-PER', 'Col.': 'I-PER', Lt: 'B-PER', Gen: 'I-PER', Vincent: 'I-PER', Hun: 'B-PER', 'Sen.': 'I-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const name = (from: string) => {
      const i = tokens.findIndex((t) => t.text === from);
      let j = i + 1;
      while (out[j] === 'I-PER') j++;
      return out[i] === 'B-PER' ? tokens.slice(i, j).map((t) => t.text).join(' ') : out[i];
    };
    expect([name('Cpl'), name('Matthew'), name('Lt.'), name('Col.'), name('Erik'), name('Lt'), name('Gen'), name('Vincent'), name('Rashid'), name('Hun'), name('Critics')]).toEqual([
      'O', 'Matthew Cornish', 'O', 'O', 'Erik Kurilla', 'O', 'O', 'Vincent Otti', 'Rashid al-Samaraie', 'Hun Sen.', 'O',
    ]);
  });

  it('reads a nationality the tagger took for an organisation or a person as MISC, and leaves an organisation that starts with one alone', () => {
    const text = 'The Colombian government and Sri Lankan officials met the Irish Republican Army.';
    const { tokens, tags } = tagsOf(text, { Colombian: 'B-ORG', Sri: 'B-PER', Lankan: 'I-PER', Irish: 'B-ORG', Republican: 'I-ORG', Army: 'I-ORG' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Colombian'), at('Sri'), at('Lankan'), at('Irish'), at('Army')]).toEqual(['B-MISC', 'B-MISC', 'I-MISC', 'B-ORG', 'I-ORG']);
  });

  it("drops the initials that open three turns or more of an interview's transcript, and leaves a ticker's exchange and two turns alone", () => {
    const text = 'DS: Why now?\nJR: It grew.\nDS: And then? JR: It grew more. DS: Thanks. JR: Sure.\nShares (TSX: RIM) rose. BP: one. BP: two.';
    const { tokens, tags } = tagsOf(text, { DS: 'B-ORG', JR: 'B-PER', TSX: 'B-ORG', BP: 'B-ORG' });
    const out = wireConventionTags(text, tokens, tags);
    const all = (w: string) => tokens.flatMap((t, i) => (t.text === w ? [out[i]] : []));
    expect([...new Set(all('DS')), ...new Set(all('JR')), ...all('TSX'), ...all('BP')]).toEqual(['O', 'O', 'B-ORG', 'B-ORG', 'B-ORG']);
  });

  it('reads the name after a kind of place and "of" as a place, and leaves one followed by "\'s" alone', () => {
    const text = 'A bomb hit the town of Mahmoudiya and the village of Naghar Kalai, near the province of Sumaidaie\'s village.';
    const { tokens, tags } = tagsOf(text, { Mahmoudiya: 'B-PER', Sumaidaie: 'B-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Mahmoudiya'), at('Naghar'), at('Kalai'), at('Sumaidaie')]).toEqual(['B-LOC', 'B-LOC', 'I-LOC', 'B-PER']);
  });

  it("reads a storm's name as MISC, not a person", () => {
    const text = 'After Hurricane Katrina and Cyclone Nargis, Katrina Smith left.';
    const { tokens, tags } = tagsOf(text, { Hurricane: 'B-PER', 'Katrina@16': 'I-PER', Cyclone: 'B-PER', Nargis: 'I-PER', 'Katrina@44': 'B-PER', Smith: 'I-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string, k = 0) => out[tokens.map((t, i) => (t.text === w ? i : -1)).filter((i) => i >= 0)[k] as number];
    expect([at('Hurricane'), at('Katrina'), at('Cyclone'), at('Nargis'), at('Katrina', 1), at('Smith')]).toEqual(['B-MISC', 'I-MISC', 'B-MISC', 'I-MISC', 'B-PER', 'I-PER']);
  });

  it("reads a storm's name the tagger typed without the storm's word as MISC with it, and leaves a storm word before a common noun", () => {
    const text = 'Hurricane Milton hit Sarasota as Storm Idris left. Storm damage hit Texas.';
    const { tokens, tags } = tagsOf(text, { Milton: 'B-LOC', Sarasota: 'B-LOC', Idris: 'B-PER', Texas: 'B-LOC' });
    const out = wireConventionTags(text, tokens, tags);
    expect(tokens.map((t, i) => `${t.text}/${out[i]}`).filter((x) => !x.endsWith('/O'))).toEqual(['Hurricane/B-MISC', 'Milton/I-MISC', 'Sarasota/B-LOC', 'Storm/B-MISC', 'Idris/I-MISC', 'Texas/B-LOC']);
  });

  it("reads a storm called by its name alone as MISC where the text names the storm, unless it names a person so", () => {
    const text = 'Hurricane Rita neared Texas. Rita packed winds, and Tropical Storm Fay left Haiti. Fay weakened.';
    const { tokens, tags } = tagsOf(text, { 'Rita@29': 'B-PER', Texas: 'B-LOC', Haiti: 'B-LOC', 'Fay@83': 'B-LOC' });
    const out = wireConventionTags(text, tokens, tags);
    expect(tokens.map((t, i) => `${t.text}/${out[i]}`).filter((x) => !x.endsWith('/O'))).toEqual(['Texas/B-LOC', 'Rita/B-MISC', 'Haiti/B-LOC', 'Fay/B-MISC']);
    const named = 'Hurricane Irene hit. Irene Rosenfeld said Irene had closed plants.';
    const t2 = tagsOf(named, { 'Irene@21': 'B-PER', Rosenfeld: 'I-PER', 'Irene@42': 'B-PER' });
    const out2 = wireConventionTags(named, t2.tokens, t2.tags);
    expect(out2[t2.tokens.map((t, i) => (t.text === 'Irene' ? i : -1)).filter((i) => i >= 0)[2] as number]).toBe('B-PER');
  });

  it('reads a faith, its scripture or a people as MISC, as a nationality', () => {
    const text = 'Sunni clerics and Tamil rebels spoke for the Arab world of Islam and read the Koran.';
    const { tokens, tags } = tagsOf(text, { Sunni: 'B-ORG', Tamil: 'B-PER', Arab: 'B-LOC', Islam: 'B-ORG', Koran: 'B-LOC' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Sunni'), at('Tamil'), at('Arab'), at('Islam'), at('Koran')]).toEqual(['B-MISC', 'B-MISC', 'B-MISC', 'B-MISC', 'B-MISC']);
  });

  it("reads a country's name typed as an organisation or a person as a place, unless the text names a person with that word", () => {
    const text = 'Colombia accused Venezuela of harbouring rebels, and Russia said Michael Jordan met Jordan.';
    const { tokens, tags } = tagsOf(text, { Colombia: 'B-LOC', Venezuela: 'B-ORG', Russia: 'B-PER', Michael: 'B-PER', 'Jordan@73': 'I-PER', 'Jordan@84': 'B-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string, k = 0) => out[tokens.filter((t) => t.text === w).map((t) => tokens.indexOf(t))[k] as number];
    expect([at('Colombia'), at('Venezuela'), at('Russia'), at('Michael'), at('Jordan'), at('Jordan', 1)]).toEqual(['B-LOC', 'B-LOC', 'B-LOC', 'B-PER', 'I-PER', 'B-PER']);
  });

  it("reads the countries the tagger's inputs do not list (LATE_COUNTRIES) as places, from MISC too, and their demonyms as MISC", () => {
    const text = 'Kiribati and Tonga met Vanuatu in Papua New Guinea as the Fijian and East Timorese armies watched Air Vanuatu.';
    const { tokens, tags } = tagsOf(text, {
      Kiribati: 'B-PER', Tonga: 'B-PER', 'Vanuatu@23': 'B-ORG', Papua: 'B-MISC', New: 'I-MISC', Guinea: 'I-MISC', Fijian: 'B-ORG', East: 'B-LOC', Timorese: 'I-LOC',
      Air: 'B-ORG', 'Vanuatu@102': 'I-ORG',
    });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string, k = 0) => out[tokens.filter((t) => t.text === w).map((t) => tokens.indexOf(t))[k] as number];
    expect([at('Kiribati'), at('Tonga'), at('Vanuatu'), at('Papua'), at('New'), at('Guinea')]).toEqual(['B-LOC', 'B-LOC', 'B-LOC', 'B-LOC', 'I-LOC', 'I-LOC']);
    expect([at('Fijian'), at('East'), at('Timorese')]).toEqual(['B-MISC', 'B-MISC', 'I-MISC']);
    // A country's name inside a longer name stays in it.
    expect([at('Air'), at('Vanuatu', 1)]).toEqual(['B-ORG', 'I-ORG']);
    // A lone word of a person the text names in full stays that person's.
    const p = tagsOf('Tonga Smith spoke. Tonga said no.', { 'Tonga@0': 'B-PER', Smith: 'I-PER', 'Tonga@19': 'B-PER' });
    expect(wireConventionTags('Tonga Smith spoke. Tonga said no.', p.tokens, p.tags)).toEqual(p.tags);
  });

  it('reads former states (the Soviet Union, Yugoslavia) as places and their demonyms as MISC, but not inside a longer name', () => {
    const text = 'the Soviet Union and the former Yugoslav republics, as the Soviet Union Cup and USSR.';
    const { tokens, tags } = tagsOf(text, { 'Soviet@4': 'B-ORG', 'Union@11': 'I-ORG', Yugoslav: 'B-LOC', 'Soviet@59': 'B-MISC', 'Union@66': 'I-MISC', Cup: 'I-MISC', USSR: 'B-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const idx = (w: string, k = 0) => tokens.filter((t) => t.text === w).map((t) => tokens.indexOf(t))[k] as number;
    expect([out[idx('Soviet')], out[idx('Union')], out[idx('Yugoslav')], out[idx('USSR')]]).toEqual(['B-LOC', 'I-LOC', 'B-MISC', 'B-LOC']);
    expect([out[idx('Soviet', 1)], out[idx('Union', 1)], out[idx('Cup')]]).toEqual(['B-MISC', 'I-MISC', 'I-MISC']);
  });

  it("reads a US state's postal code after a place and a comma as a place, and a post-nominal after a person and a comma as no name", () => {
    const text = 'in Chillicothe, OH and Linwood, PA with Harry Preuss, MD and Lex Lasry, QC';
    const { tokens, tags } = tagsOf(text, { Chillicothe: 'B-LOC', Linwood: 'B-LOC', PA: 'B-ORG', Harry: 'B-PER', Preuss: 'I-PER', MD: 'B-LOC', Lex: 'B-PER', Lasry: 'I-PER', QC: 'B-ORG' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('OH'), at('PA'), at('MD'), at('QC')]).toEqual(['B-LOC', 'B-LOC', 'O', 'O']);
    const g = 'John G. Roberts, Jr. met Barack Obama, Sr. and Jr. Walker';
    const j = tagsOf(g, { John: 'B-PER', 'G.': 'I-PER', Roberts: 'I-PER', 'Jr.@17': 'B-LOC', Barack: 'B-PER', Obama: 'I-PER', 'Sr.': 'B-PER', 'Jr.@47': 'B-PER', Walker: 'I-PER' });
    const jo = wireConventionTags(g, j.tokens, j.tags);
    // A generation after a person and a comma is no name of its own; "Jr. Walker" (no comma) stays a person.
    expect(j.tokens.map((t, k) => (t.text === 'Jr.' || t.text === 'Sr.' ? jo[k] : null)).filter((x) => x !== null)).toEqual(['O', 'O', 'B-PER']);
    // Look-alikes: a code after no place or person, a code inside a longer name, a word that is no code, a state after a person.
    const text2 = 'Sales, OH dear. Acme, PA Inc. grew. Paris, Texas met Smith, OR Jones.';
    const b = tagsOf(text2, { Acme: 'B-ORG', PA: 'B-ORG', Inc: 'I-ORG', Paris: 'B-LOC', Smith: 'B-PER', OR: 'B-ORG' });
    expect(wireConventionTags(text2, b.tokens, b.tags)).toEqual(b.tags);
  });

  it('takes a weekday (and an "On" before it) off the end of a name, but not off an event or a name known to end with one', () => {
    const text = 'Marines took Fallujah Wednesday as the House of Commons Tuesday heard Denmark On Friday and Fox News Sunday aired Super Tuesday and Good Friday';
    const { toks: tokens, tags } = tagsNaming(text, {
      'Fallujah Wednesday': 'LOC', 'House of Commons Tuesday': 'ORG', 'Denmark On Friday': 'ORG', 'Fox News Sunday': 'ORG', 'Super Tuesday': 'MISC', 'Good Friday': 'LOC',
    });
    const named = bioSpans(wireConventionTags(text, tokens, tags)).map((x) => `${x.type}[${tokens.slice(x.from, x.to).map((t) => t.text).join(' ')}]`);
    expect(named).toEqual(['LOC[Fallujah]', 'ORG[House of Commons]', 'LOC[Denmark]', 'ORG[Fox News Sunday]', 'MISC[Super Tuesday]', 'LOC[Good Friday]']);
  });

  it('takes a weekday read alone as a name out of the names, whatever its type, and leaves a name only starting with one alone', () => {
    const text = "The study released Friday said Friday 's findings held on Saturday night , and Tuesday Weld filed for bankruptcy Monday .";
    const { toks: tokens, tags } = tagsNaming(text, { Friday: 'PER', Saturday: 'PER', 'Tuesday Weld': 'PER', Monday: 'LOC' });
    const named = bioSpans(wireConventionTags(text, tokens, tags)).map((x) => `${x.type}[${tokens.slice(x.from, x.to).map((t) => t.text).join(' ')}]`);
    expect(named).toEqual(['PER[Tuesday Weld]']);
  });

  it('keeps MISC on a listed country as the tagger typed it (only the late list is read from MISC) and leaves a country left untagged alone', () => {
    const text = 'The Vatican said Samoa was calm.';
    const { tokens, tags } = tagsOf(text, { Vatican: 'B-MISC' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Vatican'), at('Samoa')]).toEqual(['B-MISC', 'O']);
  });

  it("reads a name the gazetteer's short list knows as an organisation's as one, but not a titled person or a seat named for its building", () => {
    const text = 'A UN team told the AP that Mayor Bloomberg and Greenpeace left the White House.';
    const { tokens, tags } = tagsOf(text, { UN: 'B-LOC', AP: 'B-MISC', Bloomberg: 'B-PER', Greenpeace: 'B-PER', White: 'B-LOC', House: 'I-LOC' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('UN'), at('AP'), at('Bloomberg'), at('Greenpeace'), at('White'), at('House')]).toEqual(['B-ORG', 'B-ORG', 'B-PER', 'B-ORG', 'B-LOC', 'I-LOC']);
  });

  it('knows the leading economies\' groups and the American mortgage companies as organisations ("the G8 leaders" was a place, "Fannie Mae" a person)', () => {
    const text = 'The G8 leaders and the G-20 met as Fannie Mae and Freddie Mac fell.';
    const { tokens, tags } = tagsOf(text, { G8: 'B-LOC', 'G-20': 'B-MISC', Fannie: 'B-PER', Mae: 'I-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('G8'), at('G-20'), at('Fannie'), at('Mae'), at('Freddie'), at('Mac')]).toEqual(['B-ORG', 'B-ORG', 'B-ORG', 'I-ORG', 'B-ORG', 'I-ORG']);
  });

  it('knows Shell, Ryanair and PayPal as organisations (read as persons and MISC by the sound of the word)', () => {
    const text = 'Shell sold its stations as Ryanair bought jets and PayPal paid.';
    const { tokens, tags } = tagsOf(text, { Shell: 'B-PER', Ryanair: 'B-PER', PayPal: 'B-MISC' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Shell'), at('Ryanair'), at('PayPal')]).toEqual(['B-ORG', 'B-ORG', 'B-ORG']);
  });

  it('tags such a name the tagger left untagged after a sentence\'s "The" too, but not after another capitalized word', () => {
    const text = 'It fell. The Associated Press declared it. The UN said so. Old UN hands agreed.';
    const { tokens, tags } = tagsOf(text, {});
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string, k = 0) => out[tokens.map((t, i) => (t.text === w ? i : -1)).filter((i) => i >= 0)[k] as number];
    expect([at('The'), at('Associated'), at('Press'), at('UN'), at('UN', 1)]).toEqual(['O', 'B-ORG', 'I-ORG', 'B-ORG', 'O']);
  });

  it("tags such a name the tagger left untagged as an organisation, but not inside a longer name or before a currency sign", () => {
    const text = 'He told Associated Press of a UN plan, paid AU$ 5 and met the UN Security Council and Human Rights Watch Asia.';
    const { tokens, tags } = tagsOf(text, {});
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string, k = 0) => out[tokens.map((t, i) => (t.text === w ? i : -1)).filter((i) => i >= 0)[k] as number];
    expect([at('Associated'), at('Press'), at('UN'), at('AU'), at('UN', 1), at('Council'), at('Human')]).toEqual(['B-ORG', 'I-ORG', 'B-ORG', 'O', 'B-ORG', 'I-ORG', 'O']);
  });

  it('tags a one-word such name the tagger left untagged when the word statistics know it always capitalized or not at all', () => {
    const text = 'The Bundesbank left rates alone, Interfax said, and Shell sold shares.';
    const tokens = nerTokenize(text);
    const tags = tokens.map(() => 'O');
    const buckets: Record<string, number> = { interfax: wordStatsCode(3, CAP_BUCKETS.indexOf('A')), shell: wordStatsCode(3, CAP_BUCKETS.indexOf('H')) };
    const stats = { get: (w: string) => buckets[w], coarse: [] };
    const out = wireConventions(text, tokens, text, stats)(tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Bundesbank'), at('Interfax'), at('Shell')]).toEqual(['B-ORG', 'B-ORG', 'O']);
    // Without word statistics, only names in capitals.
    expect(wireConventions(text, tokens, text)(tags)).toEqual(tags);
  });

  it("knows wire copy's spellings of groups' names as the same organisations ('Taleban', 'Hizbollah') and 'ECOWAS'", () => {
    expect(['Taleban', 'Hizbollah', 'Hizballah', 'ECOWAS'].map((w) => KNOWN_ORGS.get(w))).toEqual(['Taliban', 'Hezbollah', 'Hezbollah', 'ECOWAS']);
    const text = 'Sarwari has been fighting the Taleban, and ECOWAS closed borders.';
    const tokens = nerTokenize(text);
    const always: WordStats = { get: (w) => (w === 'taleban' ? wordStatsCode(3, CAP_BUCKETS.indexOf('A')) : undefined), coarse: [] };
    const out = wireConventions(text, tokens, text, always)(tokens.map(() => 'O'));
    expect(bioSpans(out).map((x) => `${x.type}[${tokens[x.from]?.text}]`)).toEqual(['ORG[Taleban]', 'ORG[ECOWAS]']);
  });

  it("takes a known name of several words whole where the tagger read an organisation inside it, small words inside too", () => {
    const text = 'Reserve Bank of India hikes rates as the Swiss National Bank waits and the Bank of Canada cuts.';
    const { tokens, tags } = tagsOf(text, { 'Bank@8': 'B-ORG', 'of@13': 'I-ORG', India: 'I-ORG' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string, k = 0) => out[tokens.map((t, i) => (t.text === w ? i : -1)).filter((i) => i >= 0)[k] as number];
    // The organisation read inside taken whole; an untagged known name with "of" inside typed.
    expect([at('Reserve'), at('Bank'), at('India'), at('Swiss'), at('National'), at('Bank', 2), at('of', 1), at('Canada')]).toEqual(['B-ORG', 'I-ORG', 'I-ORG', 'B-ORG', 'I-ORG', 'B-ORG', 'I-ORG', 'I-ORG']);
    // A person read inside is left as the tagger read it.
    const p = tagsOf(text, { 'Bank@75': 'B-PER' });
    const outP = wireConventionTags(text, p.tokens, p.tags);
    expect(outP[p.tokens.findIndex((t) => t.start === 75)]).toBe('B-PER');
  });

  it('tags the short name of an organisation the text names in full, whatever the word statistics say of the word', () => {
    const stats = { get: (w: string) => (w === 'fed' ? wordStatsCode(3, CAP_BUCKETS.indexOf('R')) : undefined), coarse: [] };
    const named = (text: string) => {
      const tokens = nerTokenize(text);
      const out = wireConventions(text, tokens, text, stats)(tokens.map(() => 'O'));
      return out[tokens.findIndex((t) => t.text === 'Fed')];
    };
    expect(named('The Federal Reserve held rates. The Fed said so.')).toBe('B-ORG');
    expect(named('Fed officials declined to comment.')).toBe('O');
  });

  /** The tag wireConventions gives `word` in `text` (untagged before it), with the word statistics `stats`. */
  const wordTagWith = (stats: WordStats) => (text: string, word: string) => {
    const tokens = nerTokenize(text);
    const out = wireConventions(text, tokens, text, stats)(tokens.map(() => 'O'));
    return out[tokens.findIndex((t) => t.text === word)];
  };

  it('tags a listed name that is also a common word before a verb of a report or of business, or a short name after "the"', () => {
    const buckets: Record<string, number> = { shell: wordStatsCode(3, CAP_BUCKETS.indexOf('H')), fed: wordStatsCode(3, CAP_BUCKETS.indexOf('H')), amnesty: wordStatsCode(3, CAP_BUCKETS.indexOf('H')) };
    const stats = { get: (w: string) => buckets[w], coarse: [] };
    const tagOf = wordTagWith(stats);
    expect(tagOf('Oil major Shell said on Tuesday it would sell the refinery.', 'Shell')).toBe('B-ORG');
    expect(tagOf('Shell reported a record profit.', 'Shell')).toBe('B-ORG');
    expect(tagOf('Amnesty warned of reprisals.', 'Amnesty')).toBe('B-ORG');
    expect(tagOf('The Fed left rates unchanged.', 'Fed')).toBe('B-ORG');
    expect(tagOf('Investors expect the Fed to cut rates.', 'Fed')).toBe('B-ORG');
    // A common word at a sentence's start, or a name whose full name is itself ("the Shell"), is left alone.
    expect(tagOf('Shell casings were found at the scene.', 'Shell')).toBe('O');
    expect(tagOf('Police found a Shell casing near the car.', 'Shell')).toBe('O');
    expect(tagOf('They walked past the Shell station.', 'Shell')).toBe('O');
    expect(tagOf('He was fed up. Fed officials declined to comment.', 'Fed')).toBe('O');
  });

  it('tags a listed name that opens in lowercase with a capital inside ("al-Qaeda", "easyJet", "eBay"), not before "in" and a capitalized word', () => {
    const stats = { get: () => undefined, coarse: [] };
    const tagOf = wordTagWith(stats);
    expect(tagOf('Officials linked the bombers to al-Qaeda on Friday.', 'al-Qaeda')).toBe('B-ORG');
    expect(tagOf('Five suspected al-Shabaab militants were killed.', 'al-Shabaab')).toBe('B-ORG');
    expect(tagOf('Low-cost carrier easyJet employs 3,600 staff.', 'easyJet')).toBe('B-ORG');
    expect(tagOf('Some of the 135 million registered eBay users were surprised.', 'eBay')).toBe('B-ORG');
    // The start of a longer name the list does not hold.
    expect(tagOf('He was the leader of al-Qaeda in Iraq until June.', 'al-Qaeda')).toBe('O');
  });

  it("tags such a name before a title of its office ('NASA Administrator Jim Bridenstine'), not before another word of a name", () => {
    const text = 'NASA Administrator Jim Bridenstine met FBI Director Christopher Wray near NASA Ames.';
    const { tokens, tags } = tagsOf(text, { Jim: 'B-PER', Bridenstine: 'I-PER', Christopher: 'B-PER', Wray: 'I-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string, k = 0) => out[tokens.map((t, i) => (t.text === w ? i : -1)).filter((i) => i >= 0)[k] as number];
    expect([at('NASA'), at('Administrator'), at('FBI'), at('Director'), at('NASA', 1)]).toEqual(['B-ORG', 'O', 'B-ORG', 'O', 'O']);
  });

  it("reads a country's name in capitals standing alone as a place, and leaves it inside a longer name", () => {
    const text = 'The DRC and the PRC met the UAE Central Bank.';
    const { tokens, tags } = tagsOf(text, { DRC: 'B-ORG', UAE: 'B-ORG', Central: 'I-ORG', Bank: 'I-ORG' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('DRC'), at('PRC'), at('UAE'), at('Central')]).toEqual(['B-LOC', 'B-LOC', 'B-ORG', 'I-ORG']);
  });

  it("reads a country's code before a currency sign as no place, tagged or not, and leaves the country elsewhere", () => {
    const text = 'It cost US$6.4 billion and NZ $ 20 million in the US.';
    const { tokens, tags } = tagsOf(text, { US: 'B-LOC', NZ: 'B-LOC' });
    const out = wireConventionTags(text, tokens, tags);
    const words = tokens.map((t) => t.text);
    expect([out[words.indexOf('US')], out[words.indexOf('NZ')], out[words.lastIndexOf('US')]]).toEqual(['O', 'O', 'B-LOC']);
  });

  it("reads a country in brackets after a person's name as a place", () => {
    const text = 'Pete Sampras (U.S.) beat Jimy Szymanski (Venezuela) 6-2 6-3 and Carlos Moya (Spanish) lost.';
    const { tokens, tags } = tagsOf(text, { Pete: 'B-PER', Sampras: 'I-PER', 'U.S.': 'B-ORG', Jimy: 'B-PER', Szymanski: 'I-PER', Venezuela: 'B-ORG', Carlos: 'B-PER', Moya: 'I-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect(at('U.S.')).toBe('B-LOC');
    expect(at('Venezuela')).toBe('B-LOC');
    expect(at('Spanish')).toBe('O'); // not a country
  });

  it("reads a nationality, a portfolio and a minister's title before a person as no organisation, and the person after it", () => {
    const text = 'French Farm Minister Philippe Vasseur met Italian Labour Minister Tiziano Treu and the French Farm Ministry.';
    const { tokens, tags } = tagsOf(text, {
      French: 'B-ORG', Farm: 'I-ORG', Philippe: 'B-PER', Vasseur: 'I-PER', Labour: 'B-ORG', Minister: 'I-ORG', Tiziano: 'I-ORG', Treu: 'I-ORG',
    });
    // tagsOf types every occurrence of a word: the closing "French Farm Ministry" is one organisation, and the first "Minister" none.
    const ministry = tokens.findIndex((t) => t.text === 'Ministry');
    tags[ministry] = 'I-ORG';
    tags[tokens.findIndex((t) => t.text === 'Minister')] = 'O';
    const out = wireConventionTags(text, tokens, tags);
    const named = bioSpans(out).map((s) => `${s.type}[${tokens.slice(s.from, s.to).map((t) => t.text).join(' ')}]`);
    expect(named).toEqual(['MISC[French]', 'PER[Philippe Vasseur]', 'MISC[Italian]', 'PER[Tiziano Treu]', 'ORG[French Farm Ministry]']);
  });

  it("reads a nationality of two words before a minister's title, and leaves an organisation's or a place's name there", () => {
    const text = 'South Korean Unification Minister Chung Dong-young met Palestinian Authority Foreign Minister Riyad Maliki.';
    const { tokens, tags } = tagsOf(text, { South: 'B-LOC', Korean: 'I-LOC', Unification: 'I-LOC', Chung: 'B-PER', 'Dong-young': 'I-PER', Palestinian: 'B-ORG', Authority: 'I-ORG', Riyad: 'B-PER', Maliki: 'I-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const named = bioSpans(out).map((s) => `${s.type}[${tokens.slice(s.from, s.to).map((t) => t.text).join(' ')}]`);
    expect(named).toEqual(['MISC[South Korean]', 'PER[Chung Dong-young]', 'ORG[Palestinian Authority]', 'PER[Riyad Maliki]']);
  });

  it("takes a nationality the tagger ran into a person's name out of it, but a given name before one word", () => {
    const text = 'Spaniard Carlos Moya beat Dutchman Richard Krajicek, and Dane Cook watched.';
    const { tokens, tags } = tagsOf(text, { Spaniard: 'B-PER', Carlos: 'I-PER', Moya: 'I-PER', Dutchman: 'B-PER', Richard: 'I-PER', Krajicek: 'I-PER', Dane: 'B-PER', Cook: 'I-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Spaniard'), at('Carlos'), at('Moya')]).toEqual(['B-MISC', 'B-PER', 'I-PER']);
    expect([at('Dutchman'), at('Richard'), at('Krajicek')]).toEqual(['B-MISC', 'B-PER', 'I-PER']);
    expect([at('Dane'), at('Cook')]).toEqual(['B-PER', 'I-PER']);
  });

  it("takes out the short nouns of nationality and the people of a region that sports copy writes before a name", () => {
    const text = 'Swede Stefan Edberg beat Queenslander Mitchell Rawlins and Texan Justin Leonard, and Finn Russell watched.';
    const { tokens, tags } = tagsOf(text, { Swede: 'B-PER', Stefan: 'I-PER', Edberg: 'I-PER', Queenslander: 'B-PER', Mitchell: 'I-PER', Rawlins: 'I-PER', Texan: 'B-PER', Justin: 'I-PER', Leonard: 'I-PER', Finn: 'B-PER', Russell: 'I-PER' });
    const out = wireConventionTags(text, tokens, tags);
    const at = (w: string) => out[tokens.findIndex((t) => t.text === w)];
    expect([at('Swede'), at('Stefan'), at('Edberg')]).toEqual(['B-MISC', 'B-PER', 'I-PER']);
    expect([at('Queenslander'), at('Mitchell'), at('Rawlins')]).toEqual(['B-MISC', 'B-PER', 'I-PER']);
    expect([at('Texan'), at('Justin'), at('Leonard')]).toEqual(['B-MISC', 'B-PER', 'I-PER']);
    // Before one word, a given name.
    expect([at('Finn'), at('Russell')]).toEqual(['B-PER', 'I-PER']);
  });

  it("splits a known place, or a surname of a person named in full, off the name it owns, and leaves names with an owner's word in them", () => {
    const text = "China's Foreign Ministry met Alija Izetbegovic. Izetbegovic's Party of Democratic Action won, as the People's Party did. Martha met Martha's Vineyard.";
    const { tokens, tags } = tagsOf(text, {});
    const named = (from: string, n: number, type: string) => {
      const i = tokens.findIndex((t) => t.text === from);
      for (let k = i; k < i + n; k++) tags[k] = `${k === i ? 'B' : 'I'}-${type}`;
    };
    named('China', 4, 'ORG');
    named('Alija', 2, 'PER');
    named('Martha', 1, 'PER');
    tokens.forEach((t, i) => {
      if (t.text === 'Martha' && tokens[i + 1]?.text === "'s") for (let k = i; k < i + 3; k++) tags[k] = k === i ? 'B-LOC' : 'I-LOC';
    });
    tokens.forEach((t, i) => {
      if (t.text === 'Izetbegovic' && tokens[i + 1]?.text === "'s") for (let k = i; k < i + 6; k++) tags[k] = k === i ? 'B-ORG' : 'I-ORG';
    });
    named('People', 3, 'ORG');
    const out = wireConventionTags(text, tokens, tags);
    const spans = bioSpans(out).map((s) => `${s.type}[${tokens.slice(s.from, s.to).map((t) => t.text).join(' ')}]`);
    expect(spans).toEqual(['LOC[China]', 'ORG[Foreign Ministry]', 'PER[Alija Izetbegovic]', 'PER[Izetbegovic]', 'ORG[Party of Democratic Action]', "ORG[People 's Party]", 'PER[Martha]', "LOC[Martha 's Vineyard]"]);
  });

  it('leaves a bracketed country after an organisation as the tagger read it', () => {
    const text = 'Petrobras (Brazil) said output rose.';
    const { tokens, tags } = tagsOf(text, { Petrobras: 'B-ORG' });
    expect(wireConventionTags(text, tokens, tags)).toEqual(tags);
  });
});

describe('wireConventionTags output', () => {
  it('is valid BIO of the same length whatever the tags it is given (a span it cuts into keeps a start)', () => {
    const text =
      'BRUSSELS 1996-08-22\nAberdeen 1 Hibernian 2\nCeltic 3 (1) Dundee United 0 (0)\nPete Sampras (U.S.) beat Jimy Szymanski (Venezuela) 6-2\n' +
      'Barcelona beat Valencia 2-1. Juventus drew 0-0 with Milan. Mr Xi told Mrs May that Israeli troops left the DRC. It cost US$ 5 and NZ$6.';
    const tokens = nerTokenize(text);
    expectBioKept(tokens.length, 7, (tags) => wireConventionTags(text, tokens, tags));
  });
});

describe('datelines', () => {
  const tagsOf = (text: string, tags: Record<string, string> = {}) => {
    const tokens = nerTokenize(text);
    return { tokens, tags: tokens.map((t) => tags[t.text] ?? 'O') };
  };
  const placeOf = (text: string, tags: Record<string, string> = {}) => {
    const { tokens, tags: t } = tagsOf(text, tags);
    const out = wireConventionTags(text, tokens, t);
    return tokens.filter((_k, i) => out[i]?.endsWith('-LOC')).map((k) => k.text).join(' ');
  };

  it('makes the place of a line that is a place and a date a place, wherever it stands', () => {
    expect(placeOf('Results follow.\nBRUSSELS 1996-08-22\nThe Commission said.')).toBe('BRUSSELS');
    expect(placeOf('Al-Ain, United Arab Emirates 1996-12-06\nJapan won.')).toBe('Al-Ain');
    // Tokenized text writes the comma apart.
    expect(placeOf('Results follow.\nAL-AIN , United Arab Emirates 1996-12-06\nJapan won.', { 'AL-AIN': 'B-ORG' })).toBe('AL-AIN');
    expect(placeOf('Results follow.\nThe vote was 1996-08-22')).toBe('');
  });

  it("makes the place of the text's opening dateline a place when it has a date or a credit, or the tagger found a name", () => {
    expect(placeOf('SEOUL, June 11 (Wire) - Talks began.')).toBe('SEOUL');
    expect(placeOf('NEW DELHI (AP) — Rain fell.', { NEW: 'B-ORG', DELHI: 'I-ORG' })).toBe('NEW DELHI');
    expect(placeOf('BEIJING — Talks began.', { BEIJING: 'B-ORG' })).toBe('BEIJING');
    expect(placeOf('EXCLUSIVE: Talks began.')).toBe(''); // no date, no credit, no name
    expect(placeOf('Talks began.\nSEOUL, June 11 (Wire) - More talks.')).toBe(''); // not the opening line
  });

  it('reads the opening dateline from the text as written where the tagger reads its capitals in ordinary case, when a dash ends it', () => {
    const placesIn = (cased: string, original: string, tags: Record<string, string>) => {
      const { tokens, tags: t } = tagsOf(cased, tags);
      const out = wireConventions(cased, tokens, original)(t);
      return tokens.filter((_k, i) => out[i]?.endsWith('-LOC')).map((k) => k.text).join(' ');
    };
    expect(placesIn('Saltmere — Talks began.', 'SALTMERE — Talks began.', { Saltmere: 'B-ORG' })).toBe('Saltmere');
    expect(placesIn('Saltmere — Talks began.', 'Saltmere — Talks began.', { Saltmere: 'B-ORG' })).toBe(''); // "Beijing - the capital ..." is prose
    expect(placesIn('Breaking: Talks began.', 'BREAKING: Talks began.', { Breaking: 'B-ORG' })).toBe(''); // a label before a colon
  });

  it('makes a place the gazetteer knows a place where it opens the text in ordinary case before a dash set off by spaces', () => {
    expect(placeOf('Beijing — Talks began.')).toBe('Beijing');
    expect(placeOf('New Delhi – Talks began.')).toBe('New Delhi');
    expect(placeOf('Reform — the word of the year — dominated.')).toBe(''); // no place
    expect(placeOf('Talks began.\nBeijing — More talks.')).toBe(''); // not the opening line
    expect(placeOf('Beijing—Shanghai trains ran.')).toBe(''); // a dash between two words
  });

  it("keeps the tagger's person at a dateline unless the text names the same words as a place elsewhere", () => {
    expect(placeOf('SALTMERE — Talks began in Saltmere.', { SALTMERE: 'B-PER', Saltmere: 'B-LOC' })).toBe('SALTMERE Saltmere');
    expect(placeOf('SALTMERE — Talks began.', { SALTMERE: 'B-PER' })).toBe('');
    // A dated line whose words the short list knows as a place is the place; one it does not know stays the tagger's.
    expect(placeOf('Rates steady.\nManila 1996-08-22\nThe bank kept its rate.', { Manila: 'B-PER' })).toBe('Manila');
    expect(placeOf('Rates steady.\nSaltmere 1996-08-22\nThe bank kept its rate.', { Saltmere: 'B-PER' })).toBe('');
  });
});

describe('the committed tagger on wire tables', () => {
  it('tags the clubs of a results table and its standings as organisations', () => {
    const text = [
      'SOCCER - SCOTTISH LEAGUE RESULTS.',
      'GLASGOW 1996-08-31',
      'Results of Scottish league matches on Saturday:',
      'Aberdeen 1 Hibernian 2',
      'Hearts 2 Motherwell 2',
      'Kilmarnock 0 Rangers 1',
      'Standings (tabulate under played, won, drawn, lost, goals for, against, points):',
      'Rangers 4 3 1 0 9 2 10',
      'Motherwell 4 2 2 0 8 3 8',
    ].join('\n');
    const kinds = kindsOf(text);
    for (const club of ['Aberdeen', 'Hibernian', 'Hearts', 'Motherwell', 'Kilmarnock', 'Rangers']) expect(kinds).toContain(`organisation:${club}`);
    expect(kinds.filter((k) => k.startsWith('organisation:Rangers'))).toHaveLength(2);
    expect(kinds).toContain('place:GLASGOW');
  });

  it('reads the rows of a table as the extractor writes them (cells apart by tabs, rows apart by a blank line)', () => {
    const kinds = kindsOf('Results on Saturday:\n\nAberdeen\t1\tHibernian\t2\n\nHearts\t2\tMotherwell\t2\n\nMore reports follow.');
    for (const club of ['Aberdeen', 'Hibernian', 'Hearts', 'Motherwell']) expect(kinds).toContain(`organisation:${club}`);
  });

  it("gives a team's other mentions in the story the table's reading (the document pass runs after the wire conventions)", () => {
    const text = 'Celtic beat Rangers in Glasgow on Saturday, and Motherwell held Hearts.\nResults:\nCeltic 2 Rangers 0\nMotherwell 1 Hearts 1';
    const hearts = tagEntityMentions(text).filter((m) => m.name === 'Hearts');
    expect(hearts.map((m) => m.kind)).toEqual(['organisation', 'organisation']);
    // The story's majority does not undo a table's reading.
    const more = 'The match in Aberdeen drew a crowd. Aberdeen is a port, and Aberdeen harbour was busy.\nAberdeen 1 Hibernian 2\nHearts 2 Motherwell 2';
    const lines = tagEntityMentions(more).filter((m) => m.start > more.indexOf('\n'));
    expect(lines.map((m) => `${m.kind}:${m.name}`)).toEqual(['organisation:Aberdeen', 'organisation:Hibernian', 'organisation:Hearts', 'organisation:Motherwell']);
  });

  it("tags a results table's clubs read as persons or cut at a weekday as organisations, and no desk's slug", () => {
    const text = ['ATHLETICS - JOHNSON WINS 200 METRES', 'ZURICH 1996-08-14', 'Results:', 'Chelsea 1 Coventry 1', 'Sheffield Wednesday 1 Newcastle 2'].join('\n');
    const kinds = kindsOf(text);
    expect(kinds).toEqual(expect.arrayContaining(['organisation:Chelsea', 'organisation:Coventry', 'organisation:Sheffield Wednesday', 'organisation:Newcastle']));
    expect(kinds.some((k) => k.endsWith(':ATHLETICS'))).toBe(false);
  });

  it('tags the sides of a result in prose as organisations, and the score as no part of them', () => {
    const kinds = kindsOf('Barcelona beat Valencia 2-1 on Saturday, and Chicago beat Boston 5-3 in 10 innings.');
    expect(kinds).toEqual(['organisation:Barcelona', 'organisation:Valencia', 'organisation:Chicago', 'organisation:Boston']);
  });

  it("tags a name after a courtesy title as a person, and the document pass gives the person's other mentions that reading", () => {
    const text = 'Chinese President Xi Jinping met Mr Biden. Mr Xi said the talks went well.';
    const people = tagEntityMentions(text).filter((m) => m.kind === 'person').map((m) => text.slice(m.start, m.end));
    // The tagger alone finds none of the three; the lone "Xi" of the headline's "Xi Jinping" comes from the document pass.
    expect(people).toEqual(['Xi', 'Biden', 'Xi']);
  });

  it('tags the place of a dateline line as a place, in ordinary case', () => {
    const mentions = tagEntityMentions('BRUSSELS 1996-08-22\nThe European Commission said on Thursday it disagreed.');
    expect(mentions.filter((m) => m.kind === 'place').map((m) => m.name)).toContain('Brussels');
  });

  it('tags the nationalities of a results list as places', () => {
    const kinds = kindsOf('Men\'s singles, first round:\nPete Sampras (U.S.) beat Jimy Szymanski (Venezuela) 6-2 6-3 6-4');
    expect(kinds).toContain('place:Venezuela');
    expect(kinds).toContain('place:U.S.');
    expect(kinds).toContain('person:Pete Sampras');
  });
});

describe('beginTag, insideTag and setSpan', () => {
  it("write each type's tags as the model writes them, and any other type's from its parts", () => {
    for (const type of ['PER', 'LOC', 'ORG', 'MISC']) expect([beginTag(type), insideTag(type)]).toEqual([`B-${type}`, `I-${type}`]);
    expect([beginTag('EVENT'), insideTag('EVENT')]).toEqual(['B-EVENT', 'I-EVENT']);
  });
  it('find the inside tag from a tag of the span as from its type', () => {
    for (const tag of ['B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG', 'B-MISC', 'I-MISC', 'B-EVENT', 'O']) expect(insideTagOf(tag)).toBe(insideTag(tag.slice(2)));
    expect(insideTagOf('B-ORG')).toBe('I-ORG');
  });
  it('set a span and start a span of its own where it cut into one', () => {
    const tags = ['O', 'B-PER', 'I-PER', 'I-PER', 'O'];
    setSpan(tags, 0, 2, 'ORG');
    expect(tags).toEqual(['B-ORG', 'I-ORG', 'B-PER', 'I-PER', 'O']);
  });
});

describe(clearSpan.name, () => {
  it('clears the tags, starts the rest of a span it cut into as a span of its own, and clears nothing over no tokens', () => {
    const tags = ['B-ORG', 'I-ORG', 'I-ORG', 'B-PER', 'I-PER'];
    clearSpan(tags, 0, 2);
    expect(tags).toEqual(['O', 'O', 'B-ORG', 'B-PER', 'I-PER']);
    clearSpan(tags, 3, 5);
    expect(tags).toEqual(['O', 'O', 'B-ORG', 'O', 'O']);
    clearSpan(tags, 5, 5);
    clearSpan(tags, 2, 2);
    expect(tags).toEqual(['O', 'O', 'B-ORG', 'O', 'O']);
  });
});
