import { describe, expect, it } from 'vitest';
import { expectBioKept, tagsAt, tagsNaming } from '../../../helpers/bio-tags.js';
import { clubsAfterPlayers, clubsByTheirFirstWord, fixtureLines, isMatchReport, playersBySetScores, scoresOffResultSides, sidesByTheirTotals, teamsInMatchReports } from '../../../../src/workers/enricher/match-reports.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { statsOf } from '../../../helpers/word-stats.js';
import { tagEntityMentions } from '../../../../src/workers/enricher/tag-entities.js';

describe(isMatchReport.name, () => {
  it('reads a report by a word only sport uses, or by a score beside a result', () => {
    expect(isMatchReport(nerTokenize('The goalkeeper was injured.'))).toBe(true);
    expect(isMatchReport(nerTokenize('Leeds beat Chelsea 2-1 on Saturday.'))).toBe(true);
    expect(isMatchReport(nerTokenize('They won 3-0 at home.'))).toBe(true);
    expect(isMatchReport(nerTokenize('It was a 2-1 win.'))).toBe(true);
  });

  it('does not read a vote, a ruling, a range of days, hunger strikers or a name in capitals as one', () => {
    expect(isMatchReport(nerTokenize('The court ruled 5-4 on Monday, and the Senate voted 52-48 in the final vote.'))).toBe(false);
    expect(isMatchReport(nerTokenize('The summit meets on June 9-10 to win support.'))).toBe(false);
    expect(isMatchReport(nerTokenize('The hunger strikers won the equalizer; Homer Simpson scored goals in the league.'))).toBe(false);
  });
});

describe(teamsInMatchReports.name, () => {
  const report =
    'Hartfield held on for a 2-1 win over Dunmore on Saturday. Hartfield manager Alan Firth praised his side. ' +
    'Dunmore are third, two points behind leaders Caxton. Fans in Dunmore were quiet.';

  it("makes one word left untagged or read as MISC before a team's role and a person the team, not a nationality or an opener", () => {
    const text = 'Juventus won 1-0 . Parma coach Carlo Ancelotti said so . Vicenza striker Marco Otero scored . English midfielder Paul Ince left . The coach Tom Lee spoke .';
    const { toks, tags } = tagsNaming(text, { Juventus: 'ORG', Vicenza: 'MISC', English: 'MISC', 'Carlo Ancelotti': 'PER', 'Marco Otero': 'PER', 'Paul Ince': 'PER', 'Tom Lee': 'PER' });
    const out = teamsInMatchReports(text, toks, tags);
    expect([...tagsAt(toks, out, 'Parma'), ...tagsAt(toks, out, 'Vicenza'), ...tagsAt(toks, out, 'English'), ...tagsAt(toks, out, 'The')]).toEqual(['B-ORG', 'B-ORG', 'B-MISC', 'O']);
  });

  it("makes a team's plural name that news also writes in lowercase the team at a sentence's start before a role and a person, not an adverb", () => {
    const text = 'Celtic won 2-0 . Rangers midfielder Paul Gascoigne scored . Perhaps striker Alan Shearer will . Sometimes coach Tom Lee spoke .';
    const { toks, tags } = tagsNaming(text, { Celtic: 'ORG', 'Paul Gascoigne': 'PER', 'Alan Shearer': 'PER', 'Tom Lee': 'PER' });
    const out = teamsInMatchReports(text, toks, tags, statsOf({ rangers: 'R', perhaps: 'N', sometimes: 'N' }));
    expect([...tagsAt(toks, out, 'Rangers'), ...tagsAt(toks, out, 'Perhaps'), ...tagsAt(toks, out, 'Sometimes')]).toEqual(['B-ORG', 'O', 'O']);
    // Without the plural exception the word statistics keep it lowercase, as "Former".
    const f = tagsNaming('Celtic won 2-0 . Former midfielder Paul Gascoigne scored .', { Celtic: 'ORG', 'Paul Gascoigne': 'PER' });
    expect(tagsAt(f.toks, teamsInMatchReports('Celtic won 2-0 . Former midfielder Paul Gascoigne scored .', f.toks, f.tags, statsOf({ former: 'R' })), 'Former')).toEqual(['O']);
  });

  it('makes the sides of a fixture ("face", "host", "visit", "meet") and a side beaten after ", who" the teams, not persons or countries', () => {
    const text = 'Celtic won 2-0 . Newcastle , who beat Wimbledon , face Leeds on Monday . Surrey host Kent and Yorkshire visit Leicester . England face Pakistan . Sampras will meet Martin .';
    const { toks, tags } = tagsNaming(text, { Celtic: 'ORG', Newcastle: 'ORG', Wimbledon: 'LOC', Leeds: 'LOC', Surrey: 'LOC', Kent: 'LOC', Yorkshire: 'LOC', Leicester: 'LOC', England: 'LOC', Pakistan: 'LOC', Sampras: 'PER', Martin: 'PER' });
    const out = teamsInMatchReports(text, toks, tags);
    const at = (w: string) => tagsAt(toks, out, w)[0];
    expect(['Wimbledon', 'Surrey', 'Kent', 'Yorkshire', 'Leicester', 'England', 'Pakistan', 'Sampras', 'Martin'].map(at)).toEqual(['B-ORG', 'B-ORG', 'B-ORG', 'B-ORG', 'B-ORG', 'B-LOC', 'B-LOC', 'B-PER', 'B-PER']);
  });

  it('gives the team at a sentence\'s start in wire copy', () => {
    const ms = tagEntityMentions('Celtic won 2-0 at Motherwell on Saturday . Rangers midfielder Paul Gascoigne scored twice in a 3-0 win over Hibernian .');
    expect(ms.map((m) => `${m.kind}:${m.name}`)).toContain('organisation:Rangers');
  });

  it('reads a result with its score before the other side, a side read as an organisation elsewhere, and mid-sentence common words before a role', () => {
    const text = 'AS NEWCASTLE GO TOP\nNewcastle beat Manchester United 5-0 . Arsenal , who drew 0-0 with Coventry , are third . Coach Jack Rowell recalled Bath flanker Andy Robinson .';
    const { toks, tags } = tagsNaming(text, { NEWCASTLE: 'LOC', Newcastle: 'ORG', 'Manchester United': 'ORG', Arsenal: 'ORG', Coventry: 'LOC', 'Jack Rowell': 'PER', 'Andy Robinson': 'PER' });
    const out = teamsInMatchReports(text, toks, tags, statsOf({ bath: 'R' }));
    expect([...tagsAt(toks, out, 'Coventry'), ...tagsAt(toks, out, 'Bath')]).toEqual(['B-ORG', 'B-ORG']);
    // The headline's capitals read in ordinary case are the tagger's input; here the name is written as the body writes it.
    const cased = text.replace('AS NEWCASTLE GO TOP', 'as Newcastle go top');
    const c = tagsNaming(cased, { Newcastle: 'ORG', 'Manchester United': 'ORG' });
    c.tags[1] = 'B-LOC';
    expect(tagsAt(c.toks, teamsInMatchReports(cased, c.toks, c.tags), 'Newcastle')).toEqual(['B-ORG', 'B-ORG']);
  });

  it("reads a story under a sports desk's slug as a report, with the clubs a player joins and leaves and the clubs that sack or sign", () => {
    const text = 'SOCCER - SHEARER JOINS NEWCASTLE\nAlan Shearer joined Hartfield from Dunmore on Monday . Caxton sacked coach Tom Lee . Fans in Caxton were angry .';
    const { toks, tags } = tagsNaming(text, { 'Alan Shearer': 'PER', Hartfield: 'LOC', Dunmore: 'LOC', Caxton: 'LOC', 'Tom Lee': 'PER' });
    const out = teamsInMatchReports(text, toks, tags);
    expect([...tagsAt(toks, out, 'Hartfield'), ...tagsAt(toks, out, 'Dunmore'), ...tagsAt(toks, out, 'Caxton')]).toEqual(['B-ORG', 'B-ORG', 'B-ORG', 'B-LOC']);
    // Without the slug or a word of sport, no story of sport: the places stay.
    const plain = text.replace('SOCCER - SHEARER JOINS NEWCASTLE\n', '');
    const p = tagsNaming(plain, { 'Alan Shearer': 'PER', Hartfield: 'LOC', Dunmore: 'LOC', Caxton: 'LOC', 'Tom Lee': 'PER' });
    expect(teamsInMatchReports(plain, p.toks, p.tags)).toEqual(p.tags);
  });

  it("makes a town a team before its player's name after a possessive, or before a club official's title and name, in a story of sport", () => {
    const text = "SOCCER - NUNEZ BACKS ROBSON\nHartfield president Tom Lee spoke . Dunmore's Jim Kerr scored . Britain's Ian Wright watched . Caxton mayor Ann Hill came .";
    const { toks, tags } = tagsNaming(text, { Hartfield: 'LOC', Dunmore: 'LOC', Britain: 'LOC', Caxton: 'LOC', 'Tom Lee': 'PER', 'Jim Kerr': 'PER', 'Ian Wright': 'PER', 'Ann Hill': 'PER' });
    const out = teamsInMatchReports(text, toks, tags);
    expect([...tagsAt(toks, out, 'Hartfield'), ...tagsAt(toks, out, 'Dunmore'), ...tagsAt(toks, out, 'Britain'), ...tagsAt(toks, out, 'Caxton')]).toEqual(['B-ORG', 'B-ORG', 'B-LOC', 'B-LOC']);
  });

  it("makes a town a team where the report gives it a team's part, and wherever it names it alone", () => {
    const { toks, tags } = tagsNaming(report, { Hartfield: 'PER', Dunmore: 'LOC', Caxton: 'LOC', 'Alan Firth': 'PER' });
    const out = teamsInMatchReports(report, toks, tags);
    expect(tagsAt(toks, out, 'Hartfield')).toEqual(['B-ORG', 'B-ORG']);
    // Not after a preposition of place: "Fans in Dunmore".
    expect(tagsAt(toks, out, 'Dunmore')).toEqual(['B-ORG', 'B-ORG', 'B-LOC']);
    expect(tagsAt(toks, out, 'Caxton')).toEqual(['B-ORG']);
    expect(tagsAt(toks, out, 'Alan')).toEqual(['B-PER']);
  });

  it('makes the town that opens a team name the report gives the team where it stands alone as a place, not a person', () => {
    const text = 'The Cleveland Indians beat the Jordan Hawks 5-3. Cleveland has won six straight, and Jordan scored. Fans in Cleveland cheered.';
    const { toks, tags } = tagsNaming(text, { Cleveland: 'LOC', Jordan: 'PER', 'Cleveland Indians': 'ORG', 'Jordan Hawks': 'ORG' });
    const out = teamsInMatchReports(text, toks, tags);
    expect(tagsAt(toks, out, 'Cleveland')).toEqual(['B-ORG', 'B-ORG', 'B-LOC']);
    expect(tagsAt(toks, out, 'Jordan')).toEqual(['B-ORG', 'B-PER']);
  });

  it('makes the sides of "X beat Y", the other side of a match, and the teams listed after a standing teams', () => {
    const text = 'Hartfield beat Dunmore by an innings on Friday. Title rivals Caxton, Brill and Oakley closed in, and Lowick drew with Penfold in their match against Sutton.';
    const named = { Hartfield: 'LOC', Dunmore: 'LOC', Caxton: 'LOC', Brill: 'LOC', Oakley: 'PER', Lowick: 'PER', Penfold: 'LOC', Sutton: 'LOC' };
    const { toks, tags } = tagsNaming(text, named);
    const out = teamsInMatchReports(text, toks, tags);
    for (const team of ['Hartfield', 'Dunmore', 'Caxton', 'Brill', 'Oakley', 'Penfold', 'Sutton']) expect(tagsAt(toks, out, team)).toEqual(['B-ORG']);
    // A side nothing gives a team's part keeps the tagger's reading.
    expect(tagsAt(toks, out, 'Lowick')).toEqual(['B-PER']);
    // A player beating a player is no match between teams.
    const players = 'Sampras beat Agassi in five sets at Wimbledon, where the innings of rain began.';
    const p = tagsNaming(players, { Sampras: 'PER', Agassi: 'PER', Wimbledon: 'LOC' });
    expect(teamsInMatchReports(players, p.toks, p.tags)).toEqual(p.tags);
  });

  it('leaves a national side a place, a text that is no match report, and a cue over a line end alone', () => {
    const national = 'England manager Gareth Southgate named his squad after a 2-1 win over Italy.';
    const n = tagsNaming(national, { England: 'LOC', Italy: 'LOC', 'Gareth Southgate': 'PER' });
    expect(teamsInMatchReports(national, n.toks, n.tags)).toEqual(n.tags);

    const business = 'London manager Alan Firth said the bank would close two branches.';
    const b = tagsNaming(business, { London: 'LOC', 'Alan Firth': 'PER' });
    expect(teamsInMatchReports(business, b.toks, b.tags)).toEqual(b.tags);

    const lines = 'The midfielder scored twice. Five lessons for IT leaders\n\nAustin hosts the next summit.';
    const l = tagsNaming(lines, { Austin: 'LOC' });
    expect(teamsInMatchReports(lines, l.toks, l.tags)).toEqual(l.tags);
  });

  it('reads a place after a result played at home or away, held or beaten, and after a goal or an appearance for it, as the team', () => {
    const text =
      'Hartfield won 2-1 . Caxton , who were held 1-1 by Dunmore , lost at home to Brill and won away to Oakley . Lowick were beaten by Penfold . ' +
      'Tom Lee scored twice for Sutton , his first goal for Kimble , and signed for Radley .';
    const places = ['Caxton', 'Dunmore', 'Brill', 'Oakley', 'Lowick', 'Penfold', 'Sutton', 'Kimble', 'Radley'];
    const { toks, tags } = tagsNaming(text, { Hartfield: 'ORG', 'Tom Lee': 'PER', ...Object.fromEntries(places.map((p) => [p, 'LOC'])) });
    const out = teamsInMatchReports(text, toks, tags);
    for (const team of ['Dunmore', 'Brill', 'Oakley', 'Penfold', 'Sutton', 'Kimble', 'Radley']) expect(tagsAt(toks, out, team)).toEqual(['B-ORG']);
    // No cue gives Caxton or Lowick a team's part.
    expect([...tagsAt(toks, out, 'Caxton'), ...tagsAt(toks, out, 'Lowick')]).toEqual(['B-LOC', 'B-LOC']);
  });

  it('leaves a player after a result or a goal, a "held" without a score, and "for" after other words as they are', () => {
    const text = 'Agassi won 6-4 . Agassi lost to Sampras and was beaten by Chang . It was another goal for Shearer . The record held by Dunmore stood , and Hartfield voted for Caxton .';
    const { toks, tags } = tagsNaming(text, { Agassi: 'PER', Sampras: 'PER', Chang: 'PER', Shearer: 'PER', Dunmore: 'LOC', Hartfield: 'LOC', Caxton: 'LOC' });
    const out = teamsInMatchReports(text, toks, tags);
    for (const name of ['Sampras', 'Chang', 'Shearer']) expect(tagsAt(toks, out, name)).toEqual(['B-PER']);
    for (const name of ['Dunmore', 'Caxton']) expect(tagsAt(toks, out, name)).toEqual(['B-LOC']);
  });

  it('makes the towns of a wire match report teams through the whole tagger, where it read them as persons and places', () => {
    const text =
      'Barnsley held on for a 2-1 win over Portsmouth in the first division on Saturday after Neil Redfearn had given them an early lead. ' +
      "Portsmouth equalised before half-time, but Barnsley's Andy Liddell scored the winner. Barnsley manager Danny Wilson said his side deserved the points.";
    const kinds = new Map(tagEntityMentions(text).map((m) => [text.slice(m.start, m.end), m.kind]));
    expect(kinds.get('Barnsley')).toBe('organisation');
    expect(kinds.get('Portsmouth')).toBe('organisation');
    expect(kinds.get('Danny Wilson')).toBe('person');
  });
});

describe(clubsByTheirFirstWord.name, () => {
  it('makes the first word of a club the text names in full the club where the tagger read a person or a place', () => {
    const text = 'Riverside United beat Northgate Athletic. Northgate had led, but Riverside levelled.';
    const { toks, tags } = tagsNaming(text, { Northgate: 'PER', Riverside: 'LOC', 'Riverside United': 'ORG', 'Northgate Athletic': 'ORG' });
    const out = clubsByTheirFirstWord(toks, tags);
    expect(tagsAt(toks, out, 'Northgate')).toEqual(['B-ORG', 'B-ORG']);
    expect(tagsAt(toks, out, 'Riverside')).toEqual(['B-ORG', 'B-ORG']);
  });

  it('reads a club named in full at the end of the text', () => {
    const text = 'Northgate had led. They lost to Northgate Athletic';
    const { toks, tags } = tagsNaming(text, { Northgate: 'PER', 'Northgate Athletic': 'ORG' });
    expect(tags[tags.length - 1]).toBe('I-ORG');
    expect(tagsAt(toks, clubsByTheirFirstWord(toks, tags), 'Northgate')).toEqual(['B-ORG', 'B-ORG']);
  });

  it('leaves the word after a preposition of place, in a longer name, or where no club is named', () => {
    const text = 'Riverside United won. Supporters in Riverside cheered, and Riverside Park was full.';
    const { toks, tags } = tagsNaming(text, { Riverside: 'LOC', 'Riverside United': 'ORG', 'Riverside Park': 'LOC' });
    expect(tagsAt(toks, tags, 'Riverside')).toEqual(['B-ORG', 'B-LOC', 'B-LOC']);
    expect(clubsByTheirFirstWord(toks, tags)).toEqual(tags);
    const plain = tagsNaming('Riverside Council met. Riverside voted.', { Riverside: 'LOC', 'Riverside Council': 'ORG' });
    expect(clubsByTheirFirstWord(plain.toks, plain.tags)).toEqual(plain.tags);
  });

  it('reads a match report through the whole tagger with its clubs as organisations', () => {
    const text =
      'HARBOUR CITY — Riverside United won the National Cup on Sunday, beating Northgate Athletic 2-1 at the Municipal Stadium. ' +
      'Northgate had led at half-time, but Riverside levelled on 67 minutes. Supporters in Riverside celebrated until midnight.';
    const kinds = tagEntityMentions(text).map((m) => `${m.kind}:${text.slice(m.start, m.end)}`);
    expect(kinds.filter((k) => k.endsWith(':Northgate'))).toEqual(['organisation:Northgate']);
    expect(kinds.filter((k) => k.endsWith(':Riverside'))).toEqual(['organisation:Riverside', 'place:Riverside']);
  });
});

describe(sidesByTheirTotals.name, () => {
  const scores = 'Close of play scores in cricket matches on Friday :\nAt Hartfield : Caxton 225 and 100-3 . Dunmore 318 ( S. Lee 89 ) .\nAt Brill : Oakley 401-8 declared . Lowick 120-4 .\nPenfold 275 all out . Sutton 12 .';

  it('makes the side before its total on a results line the team, and the total no part of its name', () => {
    const { toks, tags } = tagsNaming(scores, { Hartfield: 'LOC', Brill: 'LOC', Caxton: 'LOC', 'Dunmore 318': 'LOC', 'S. Lee': 'PER', Penfold: 'PER' });
    const out = sidesByTheirTotals(scores, toks, tags);
    for (const side of ['Caxton', 'Dunmore', 'Oakley', 'Lowick', 'Penfold']) expect(tagsAt(toks, out, side)).toEqual(['B-ORG']);
    expect(tagsAt(toks, out, '318')).toEqual(['O']);
    // The grounds after "At", a batsman's score in brackets, and an untagged word before a bare number stay as they were.
    expect([...tagsAt(toks, out, 'Hartfield'), ...tagsAt(toks, out, 'Brill'), ...tagsAt(toks, out, 'S.'), ...tagsAt(toks, out, 'Sutton')]).toEqual(['B-LOC', 'B-LOC', 'B-PER', 'O']);
  });

  it('makes a side the team wherever else the text names it alone, but after a preposition of place', () => {
    const text = 'Cricket scores :\nCaxton 225-6 declared .\nCaxton bowled well , and fans in Caxton cheered .';
    const { toks, tags } = tagsNaming(text, { Caxton: 'LOC' });
    expect(tagsAt(toks, sidesByTheirTotals(text, toks, tags), 'Caxton')).toEqual(['B-ORG', 'B-ORG', 'B-LOC']);
  });

  it('leaves a country, a person named in full, a player\'s bare score and a text without cricket alone', () => {
    const text = 'Test cricket :\nAustralia 352-7 declared . Steve Waugh 45 and 12 .\nLara 150 .';
    const { toks, tags } = tagsNaming(text, { Australia: 'PER', 'Steve Waugh': 'PER', Lara: 'PER' });
    expect(sidesByTheirTotals(text, toks, tags)).toEqual(tags);
    const votes = 'Results :\nCaxton 225-6 declared .';
    const v = tagsNaming(votes, { Caxton: 'LOC' });
    expect(sidesByTheirTotals(votes, v.toks, v.tags)).toEqual(v.tags);
  });

  it('reads county scores through the whole tagger with the counties as organisations', () => {
    const text = 'Close of play scores in four-day English County Championship cricket matches on Friday:\nAt Leicester: Leicestershire 401-8 declared. Derbyshire 120-4.';
    const kinds = new Map(tagEntityMentions(text).map((m) => [text.slice(m.start, m.end), m.kind]));
    expect(kinds.get('Leicestershire')).toBe('organisation');
    expect(kinds.get('Derbyshire')).toBe('organisation');
    expect(kinds.get('Leicester')).toBe('place');
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const toks = nerTokenize(scores);
    expectBioKept(toks.length, 29, (tags) => sidesByTheirTotals(scores, toks, tags));
  });
});

describe(fixtureLines.name, () => {
  const schedule = 'Baseball - schedule\nSunday , September 8\nKansas City at Detroit\nOakland at Toronto\nCanada v Brill';

  it('makes both sides of each line of a list of fixtures teams, a country staying a place', () => {
    const { toks, tags } = tagsNaming(schedule, { 'Kansas City': 'LOC', Detroit: 'LOC', Oakland: 'PER', Toronto: 'LOC', Canada: 'LOC', Brill: 'LOC' });
    const out = fixtureLines(schedule, toks, tags);
    for (const side of ['Kansas', 'Detroit', 'Oakland', 'Toronto', 'Brill']) expect(tagsAt(toks, out, side)).toEqual(['B-ORG']);
    expect([...tagsAt(toks, out, 'City'), ...tagsAt(toks, out, 'Canada')]).toEqual(['I-ORG', 'B-LOC']);
  });

  it('leaves a fixture line alone, and a line with more than the two sides', () => {
    const alone = 'Tennis - Paris at Night\nParis at Night\nThe show opens on Friday .';
    const a = tagsNaming(alone, { Paris: 'LOC', Night: 'MISC' });
    expect(fixtureLines(alone, a.toks, a.tags)).toEqual(a.tags);
    const longer = 'Baseball - fixtures\nKansas City at Detroit on Sunday\nOakland at Toronto .\nKent v Sussex';
    const l = tagsNaming(longer, { 'Kansas City': 'LOC', Detroit: 'LOC', Oakland: 'LOC', Toronto: 'LOC', Kent: 'LOC', Sussex: 'LOC' });
    expect(fixtureLines(longer, l.toks, l.tags)).toEqual(l.tags);
    // Nor in a text that is not about sport.
    const shows = 'Listings\nJazz at Lincoln\nHamlet at Stratford';
    const h = tagsNaming(shows, { Jazz: 'ORG', Lincoln: 'LOC', Hamlet: 'PER', Stratford: 'LOC' });
    expect(fixtureLines(shows, h.toks, h.tags)).toEqual(h.tags);
  });

  it('reads a schedule in capitals through the whole tagger with its towns as organisations', () => {
    const text = 'BASEBALL - SCHEDULE.\nSUNDAY, SEPTEMBER 8 SCHEDULE\nKANSAS CITY AT DETROIT\nOAKLAND AT TORONTO';
    const kinds = new Map(tagEntityMentions(text).map((m) => [text.slice(m.start, m.end), m.kind]));
    expect([kinds.get('KANSAS CITY'), kinds.get('DETROIT'), kinds.get('OAKLAND'), kinds.get('TORONTO')]).toEqual(['organisation', 'organisation', 'organisation', 'organisation']);
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const toks = nerTokenize(schedule);
    expectBioKept(toks.length, 31, (tags) => fixtureLines(schedule, toks, tags));
  });
});

describe(clubsAfterPlayers.name, () => {
  const scorers = 'Leading goalscorers :\n9 - Luc Nilis ( Caxton )\n7 - Tom Lee ( Dunmore ) , Dennis de Nooijer ( Kent ) , Ann Ray ( Canada )';

  it("makes the name in brackets after a player's the club where the tagger read another such one as an organisation", () => {
    const { toks, tags } = tagsNaming(scorers, { 'Luc Nilis': 'PER', 'Tom Lee': 'PER', 'Dennis de Nooijer': 'PER', 'Ann Ray': 'PER', Caxton: 'ORG', Dunmore: 'LOC', Kent: 'PER', Canada: 'LOC' });
    const out = clubsAfterPlayers(toks, tags);
    expect([...tagsAt(toks, out, 'Dunmore'), ...tagsAt(toks, out, 'Kent'), ...tagsAt(toks, out, 'Canada')]).toEqual(['B-ORG', 'B-ORG', 'B-LOC']);
  });

  it('leaves a list of athletes by their country, and one bracket alone, as they are', () => {
    const results = 'Athletics - results\n1. Donovan Bailey ( Canada ) 9.98\n2. Tom Lee ( Dunmore ) 10.00\n3. Ann Ray ( Kenya ) 10.02';
    const r = tagsNaming(results, { 'Donovan Bailey': 'PER', 'Tom Lee': 'PER', 'Ann Ray': 'PER', Canada: 'LOC', Dunmore: 'LOC', Kenya: 'LOC' });
    expect(clubsAfterPlayers(r.toks, r.tags)).toEqual(r.tags);
    const one = 'The midfielder Tom Lee ( Caxton ) said so , and the Dunmore club agreed .';
    const o = tagsNaming(one, { 'Tom Lee': 'PER', Caxton: 'ORG', Dunmore: 'LOC' });
    expect(clubsAfterPlayers(o.toks, o.tags)).toEqual(o.tags);
    // Nor in a text that is not about sport: senators listed by their states.
    const senators = 'Senator Jane Doe ( Iowa ) and Senator Ann Ray ( Kansas ) met John Roe ( NRA ) .';
    const n = tagsNaming(senators, { 'Jane Doe': 'PER', 'Ann Ray': 'PER', 'John Roe': 'PER', Iowa: 'LOC', Kansas: 'LOC', NRA: 'ORG' });
    expect(clubsAfterPlayers(n.toks, n.tags)).toEqual(n.tags);
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const toks = nerTokenize(scorers);
    expectBioKept(toks.length, 37, (tags) => clubsAfterPlayers(toks, tags));
  });
});

describe(`${teamsInMatchReports.name} on any tags`, () => {
  it('keeps them well formed (BIO) and their length', () => {
    const text = 'Newcastle beat Manchester United 5-0 . Arsenal drew 0-0 with Coventry . Parma coach Carlo Ancelotti and Bath flanker Andy Robinson spoke in Bath .';
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 13, (tags) => teamsInMatchReports(text, toks, tags, statsOf({ bath: 'R' })));
  });
});

describe(playersBySetScores.name, () => {
  const named = (text: string, tags: readonly string[]) => {
    const toks = nerTokenize(text);
    const out: string[] = [];
    for (let i = 0; i < tags.length; i++) if ((tags[i] as string).startsWith('B-')) {
      let j = i + 1;
      while (tags[j]?.startsWith('I-')) j++;
      out.push(`${(tags[i] as string).slice(2)}[${toks.slice(i, j).map((t) => t.text).join(' ')}]`);
    }
    return out;
  };

  it('makes both sides of a tennis result players, read as organisations, MISC or untagged, past seedings and countries in brackets', () => {
    const text = 'Sampras beat Ivanisevic 6-3 6-4 in Munich . He beat Graf 6-2 7-5 .\n5 - Iva Petkova ( Bulgaria ) beat Naoko Sato ( Japan ) 7-5 6-2\nTeo Vanhanen ( Finland ) beat 4 - Bruno Castellet ( France ) 7-6 ( 7-4 ) 3-6 6-2';
    const { toks, tags } = tagsNaming(text, { Ivanisevic: 'ORG', Munich: 'LOC', Graf: 'ORG', 'Iva Petkova': 'ORG', Bulgaria: 'LOC', 'Naoko Sato': 'PER', Japan: 'LOC', 'Teo Vanhanen': 'PER', Finland: 'LOC', 'Bruno Castellet': 'MISC', France: 'LOC' });
    expect(named(text, playersBySetScores(text, toks, tags, statsOf({ he: 'N' })))).toEqual([
      'PER[Sampras]', 'PER[Ivanisevic]', 'LOC[Munich]', 'PER[Graf]', 'PER[Iva Petkova]', 'LOC[Bulgaria]', 'PER[Naoko Sato]', 'LOC[Japan]', 'PER[Teo Vanhanen]', 'LOC[Finland]', 'PER[Bruno Castellet]', 'LOC[France]',
    ]);
  });

  it('leaves a result without two sets\' scores, a known place, a pronoun and a result over a line\'s end alone', () => {
    const text = 'Chelsea beat Arsenal 2-1 . Australia beat Spain 6-3 6-4 . He beat Graf 21-15 21-9 . Leeds beat\nCoventry 6-3 6-4';
    const { toks, tags } = tagsNaming(text, { Chelsea: 'ORG', Arsenal: 'ORG', Australia: 'LOC', Spain: 'LOC', Graf: 'ORG', Leeds: 'ORG', Coventry: 'ORG' });
    expect(playersBySetScores(text, toks, tags, statsOf({ he: 'N' }))).toEqual(tags);
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const text = 'Ines Paz ( Argentina ) beat 3 - Sabine Rauch ( Germany ) 2-6 6-3 6-4 and Graf beat Seles 7-6 ( 7-4 ) 6-2 .';
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 41, (tags) => playersBySetScores(text, toks, tags));
  });
});

describe(scoresOffResultSides.name, () => {
  it("takes a result's second score off the name the tagger read it into, whatever follows it", () => {
    const text = 'Sheffield Wednesday 1 Leeds 2 .\nResults : Everton 2 Leeds United 1 ; Aston Villa 0 Liverpool 3 , Ajax 3 PSV Eindhoven 2 ( Kluivert 35 )';
    const { toks, tags } = tagsNaming(text, { 'Sheffield Wednesday': 'ORG', 'Leeds 2': 'ORG', Everton: 'ORG', 'Leeds United 1': 'ORG', 'Aston Villa': 'ORG', 'Liverpool 3': 'LOC', Ajax: 'ORG', 'PSV Eindhoven 2': 'ORG', Kluivert: 'PER' });
    expect(scoresOffResultSides(text, toks, tags)).toEqual(
      tagsNaming(text, { 'Sheffield Wednesday': 'ORG', Leeds: 'ORG', Everton: 'ORG', 'Leeds United': 'ORG', 'Aston Villa': 'ORG', Liverpool: 'LOC', Ajax: 'ORG', 'PSV Eindhoven': 'ORG', Kluivert: 'PER' }).tags,
    );
  });

  it('keeps a name that ends in a number where its score follows it, inside a sentence, over a line\'s end and after MISC or a year', () => {
    const text = 'VfB Stuttgart 4 Schalke 04 0 .\nIt was on BBC 2 Channel 4 .\nArsenal 2\nApollo 11 .\nEuro 96 Formula 1 .\nMonaco 2024 Ligue 1 .';
    const { toks, tags } = tagsNaming(text, { 'VfB Stuttgart': 'ORG', 'Schalke 04': 'ORG', BBC: 'ORG', 'Channel 4': 'ORG', Arsenal: 'ORG', 'Apollo 11': 'ORG', 'Euro 96': 'MISC', 'Formula 1': 'ORG', Monaco: 'LOC', 'Ligue 1': 'ORG' });
    expect(scoresOffResultSides(text, toks, tags)).toEqual(tags);
  });

  it('gives a result line closed by a full stop its second side without the score through the whole tagger', () => {
    const text = 'Sheffield Wednesday 1 Leeds 2.';
    expect(tagEntityMentions(text).map((m) => `${m.kind}:${text.slice(m.start, m.end)}`)).toEqual(['organisation:Sheffield Wednesday', 'organisation:Leeds']);
  });

  it('keeps any tags well formed (BIO) and their length', () => {
    const text = 'Everton 2 Leeds United 1 .\nResults : Aston Villa 0 Liverpool 3 , Ajax 3 PSV Eindhoven 2 ( Kluivert 35 )';
    const toks = nerTokenize(text);
    expectBioKept(toks.length, 43, (tags) => scoresOffResultSides(text, toks, tags));
  });
});
