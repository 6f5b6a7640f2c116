import { describe, expect, it } from 'vitest';
import { addDense, allowedTransitions, averageModels, emissionScores, viterbi } from '../../../../src/workers/enricher/perceptron.js';
import { buildGazetteer, documentContexts, gazetteerMarks, neighbourFeatures, sentenceFeatures, wordFeatures, wordLists, wordShape, wordStatsOf, sentenceVectors, wordVector } from '../../../../src/workers/enricher/ner-features.js';
import { nerTokenize } from '../../../../src/workers/enricher/ner-tokens.js';
import { newMention } from '../../../../src/workers/enricher/extract-entities.js';
import {
  documentEmissions,
  acronymsAreNoPersons,
  countsOffNames,
  dropLoneWords,
  documentFeatures,
  entityTagger,
  labelTokens,
  lowercaseWordsOffNames,
  sentenceRanges,
  fillFromRules,
  harmonize,
  isSentenceDash,
  makeTagger,
  mentionsFromTags,
  packEntityModel,
  packGazetteer,
  parseGazetteer,
  tagEntities,
  tagEntityMentions,
  datelinesOnTheirLines,
  figureSpansAreNoNames,
  textDomain,
  unpackEntityModel,
  unpackGazetteer,
} from '../../../../src/workers/enricher/tag-entities.js';
import { decodePack, encodePack } from '../../../../src/workers/enricher/model-pack.js';
import { SEED_TITLE, seedText } from './seed-story.js';
import { bioSpans, wireConventionTags } from '../../../../src/workers/enricher/wire-conventions.js';
import { isValidBio, tagsNaming } from '../../../helpers/bio-tags.js';
import { statsOf } from '../../../helpers/word-stats.js';

const names = (list: Array<{ name: string }>) => list.map((e) => e.name);
const kindsOf = (text: string) => tagEntityMentions(text).map((m) => `${m.kind}:${text.slice(m.start, m.end)}`);

describe('entity tagger model (committed)', () => {
  it('loads once and keeps the same instance when asked again', () => {
    const a = entityTagger();
    expect(a.model.tags).toEqual(expect.arrayContaining(['O', 'B-PER', 'I-PER', 'B-LOC', 'I-LOC', 'B-ORG', 'I-ORG']));
    expect(a.model.features.size).toBeGreaterThan(10_000);
    expect(entityTagger()).toBe(a);
  });

  it('tags people, places and organisations in a few unseen news sentences', () => {
    expect(kindsOf('Angela Merkel met Emmanuel Macron in Berlin on Tuesday.')).toEqual(['person:Angela Merkel', 'person:Emmanuel Macron', 'place:Berlin']);
    expect(kindsOf('Shares of Deutsche Bank fell after the European Central Bank raised rates.')).toEqual(
      expect.arrayContaining(['organisation:Deutsche Bank', 'organisation:European Central Bank']),
    );
    expect(kindsOf('Flooding in Kenya displaced thousands, the United Nations said.')).toEqual(['place:Kenya', 'organisation:United Nations']);
  });

  it('reads the agencies, groups and firms of the post-tagger list of organisations as organisations, which the tagger reads by their sound', () => {
    expect(kindsOf('Europol said on Tuesday that the gang had been broken up.')).toEqual(['organisation:Europol']);
    expect(kindsOf('The Israeli military and Shin Bet said Boko Haram fighters had not been seen.')).toEqual(expect.arrayContaining(['organisation:Shin Bet', 'organisation:Boko Haram']));
    expect(kindsOf('Gazprom said on Monday it would cut supplies to Ukraine.')).toEqual(['organisation:Gazprom', 'place:Ukraine']);
  });

  it('lists no ship named after its prefix as a person, a place or an organisation', () => {
    const kinds = kindsOf('The Navy said the USS Harry S. Truman and HMAS Adelaide sailed from Norfolk. Harry S. Truman was president.');
    expect(kinds.filter((k) => /USS|HMAS|Adelaide/.test(k))).toEqual([]);
    expect(kinds).toEqual(expect.arrayContaining(['place:Norfolk']));
  });

  it('reads a listed organisation whose name is also a common word before a verb of a report, or as a short name after "the"', () => {
    expect(kindsOf('Shell said on Tuesday it would sell the refinery.')).toEqual(['organisation:Shell']);
    expect(kindsOf('The Fed left rates unchanged on Wednesday.')).toEqual(['organisation:Fed']);
    expect(kindsOf('Shell casings were found at the scene.')).toEqual([]);
  });

  it('reads a listed organisation written with a lowercase first letter and a capital inside', () => {
    expect(kindsOf('Analysts said the attack bore the marks of al-Qaeda.')).toEqual(['organisation:al-Qaeda']);
    expect(kindsOf('Shares of eBay rose after the results.')).toEqual(['organisation:eBay']);
  });

  it('reads a place the tagger ran a person over with the noun after it ("[Abu Ghraib prison]") as a place before the vote', () => {
    const text = 'Fighters launched an attack on Abu Ghraib prison, where women and men are held. The Abu Ghraib prison, located west of Baghdad, is still standing.';
    expect(kindsOf(text)).toEqual(['place:Abu Ghraib', 'place:Abu Ghraib', 'place:Baghdad']);
  });

  it('finds the seed story people, places and organisations', () => {
    const e = tagEntities({ title: SEED_TITLE, text: seedText() });
    expect(names(e.people)).toEqual(['Liu Jianchao']);
    expect(names(e.places)).toEqual(expect.arrayContaining(['Beijing', 'Seoul', 'China', 'South Korea', 'North Korea', 'Canada']));
    expect(names(e.organisations)).toContain('Chinese Foreign Ministry');
    expect(names(e.places)).not.toContain('North Koreans');
  });

  it('merges "Mr. Liu" into the full name and counts every mention with offsets', () => {
    const text = 'Foreign Ministry spokesman Liu Jianchao spoke on Tuesday. Mr. Liu said talks continue.';
    const e = tagEntities({ title: '', text });
    expect(e.people).toHaveLength(1);
    expect(e.people[0]).toMatchObject({ name: 'Liu Jianchao', mentions: 2, offset: text.indexOf('Liu') });
    expect(e.people[0]?.salience).toBeGreaterThan(0);
    expect(e.people[0]?.salience).toBeLessThanOrEqual(1);
  });

  it('reads a handle with underscores whole and keeps a clitic out of a name', () => {
    const all = (e: ReturnType<typeof tagEntities>) => [...e.people, ...e.places, ...e.organisations].map((x) => x.name);
    const handle = all(tagEntities({ title: '', text: 'RT @david_myers77: "Idk I\'m sleeping" http://t.co/A68YH6AZqP' }));
    expect(handle).not.toContain('david');
    expect(handle.every((n) => !n.includes('_') || n === 'david_myers77')).toBe(true);
    const names2 = all(tagEntities({ title: '', text: "Justin I'm waiting for so long, please follow me @justinbieber" }));
    expect(names2.some((n) => /I'm|I’m/.test(n))).toBe(false);
  });

  it('returns nothing when the text is empty', () => {
    expect(tagEntities({ title: '', text: '' })).toEqual({ people: [], places: [], organisations: [] });
  });
});

describe(datelinesOnTheirLines.name, () => {
  it('sets a dated dateline run into the text on a line of its own, every offset the same', () => {
    const text = 'LAMB BAN REJECTED . Peter Blackburn BRUSSELS 1996-08-22 The European Commission said on Thursday .';
    const lined = datelinesOnTheirLines(text);
    expect(lined).toBe('LAMB BAN REJECTED . Peter Blackburn\nBRUSSELS 1996-08-22\nThe European Commission said on Thursday .');
    expect(lined.length).toBe(text.length);
    expect(datelinesOnTheirLines('NEW YORK 1996-08-22 Stocks rose.')).toBe('NEW YORK 1996-08-22\nStocks rose.');
    expect(datelinesOnTheirLines('WIN . AL-AIN , United Arab Emirates 1996-12-06 Japan began')).toBe('WIN .\nAL-AIN , United Arab Emirates 1996-12-06\nJapan began');
  });

  it('leaves text without such a dateline as it is: a date in prose, a place in ordinary case, a dateline already on its line', () => {
    for (const text of ['The vote was set for 1996-08-22 by the court.', 'Brussels 1996-08-22 The talks ended.', 'BRUSSELS 1996-08-22\nThe talks ended.', 'Stocks rose.']) {
      expect(datelinesOnTheirLines(text)).toBe(text);
    }
  });

  it('lets the tagger read the place, not the place, the date and the first words as one name', () => {
    const text = 'Peter Blackburn BRUSSELS 1996-08-22 The European Commission said on Thursday it disagreed with German advice.';
    expect(kindsOf(text)).toEqual(expect.arrayContaining(['place:BRUSSELS', 'organisation:European Commission']));
    expect(kindsOf(text).some((k) => k.includes('1996'))).toBe(false);
    // The same as with the dateline written on its own line.
    expect(kindsOf(datelinesOnTheirLines(text))).toEqual(kindsOf(text));
  });

  it("reads a country before a possessive written apart at the story's first line as a place", () => {
    expect(kindsOf("LONDON 1996-08-22 Britain 's Prime Minister John Major said on Thursday he would meet Irish leaders.")).toEqual(
      expect.arrayContaining(['place:LONDON', 'place:Britain', 'person:John Major']),
    );
  });
});

describe(figureSpansAreNoNames.name, () => {
  it('drops a name that opens with a figure and holds no capital, and keeps one with capitals or of MISC', () => {
    const text = 'the 30-year-old wing and 3M and the 13th and 7-Eleven';
    const { toks, tags } = tagsNaming(text, { '30-year-old wing': 'ORG', '3M': 'ORG', '13th': 'MISC', '7-Eleven': 'ORG' });
    const kept = bioSpans(figureSpansAreNoNames(toks, tags)).map((s) => toks.slice(s.from, s.to).map((t) => t.text).join(' '));
    expect(kept).toEqual(['3M', '13th', '7-Eleven']);
  });

  it('drops a rank read as a name, and keeps a name with "No." in it', () => {
    const text = 'the No. 1 soft drink maker fell to No. 18 , and No. 10 Downing Street said so';
    const { toks, tags } = tagsNaming(text, { 'No. 1': 'ORG', 'No. 18': 'ORG', 'No. 10 Downing Street': 'LOC' });
    const kept = bioSpans(figureSpansAreNoNames(toks, tags)).map((s) => toks.slice(s.from, s.to).map((t) => t.text).join(' '));
    expect(kept).toEqual(['No. 10 Downing Street']);
  });

  it('leaves the tagger no person, place or organisation of such words in formal text', () => {
    const text = 'Italy recalled Marcello Cuttitta on Friday, more than a year after the 30-year-old wing announced he was retiring.';
    expect(kindsOf(text)).toEqual(['place:Italy', 'person:Marcello Cuttitta']);
  });
});

describe(packEntityModel.name, () => {
  it('round-trips weights through the pack, dropping tiny ones', () => {
    const tags = ['O', 'B-X', 'I-X'];
    const model = { tags, features: new Map([['w=a', 0], ['w=b', 3]]), weights: Float32Array.from([1.25, -2, 0.001, 0, 0, 0]), transitions: new Float32Array(12).fill(0.5) };
    const back = unpackEntityModel(decodePack(packEntityModel(model, { minWeight: 0.01, decimals: 2 }))).model;
    expect(back.tags).toEqual(tags);
    expect(back.features.size).toBe(1);
    expect(back.features.get('w=a')).toBe(0);
    expect(back.features.get('w=b')).toBeUndefined();
    expect([...back.weights]).toEqual([1.25, -2, 0]);
    expect([...back.transitions]).toEqual(new Array(12).fill(0.5));
    expect(allowedTransitions(tags)[(0 + 1) * 3 + 2]).toBe(0);
  });

  it('keeps the weights of the word vectors with their scales and whether the neighbours\' count, and none when the model has none', () => {
    const tags = ['O', 'B-X', 'I-X'];
    const model = { tags, features: new Map([['w=a', 0]]), weights: Float32Array.from([1, 0, 0]), transitions: new Float32Array(12), dense: Float32Array.from([0.1234, -2, 0.5, 1e-4, 0, 3]) };
    const back = unpackEntityModel(decodePack(packEntityModel(model, { minWeight: 0.01, decimals: 1, denseScale: 6, denseNear: true })));
    expect([...(back.model.dense as Float32Array)]).toEqual([0.123, -2, 0.5, 0, 0, 3].map(Math.fround));
    expect(back.dense).toEqual({ scale: 6, near: true });
    expect(() => packEntityModel(model, { minWeight: 0.01, decimals: 1 })).toThrow(/scale/);
    const { dense: _none, ...plain } = model;
    const without = unpackEntityModel(decodePack(packEntityModel(plain, { minWeight: 0.01, decimals: 1 })));
    expect(without.model.dense).toBeUndefined();
    expect(without.dense).toBeUndefined();
    expect(() => makeTagger(back.model, { names: new Map(), maxLength: new Map() })).toThrow(/word vectors/);
  });

  it('tags the same with the packed model as with the model in memory', () => {
    const trained = entityTagger();
    const text = 'Shares of Deutsche Bank fell in Frankfurt, Angela Merkel said.';
    const toks = nerTokenize(text);
    // The committed model rebuilt in a Map, then packed again: same tags either way.
    const features = new Map<string, number>();
    const T = trained.model.tags.length;
    const names = documentFeatures(text, toks, [[0, toks.length]], trained.gazetteer).flat(2);
    for (const f of names) {
      const at = trained.model.features.get(f);
      if (at !== undefined) features.set(f, at);
    }
    const inMemory = { ...trained.model, features };
    const v = trained.vectors;
    const viaMap = labelTokens(text, toks, undefined, makeTagger(inMemory, trained.gazetteer, undefined, v));
    const packed = unpackEntityModel(decodePack(packEntityModel(inMemory, { minWeight: 0.01, decimals: 1, ...(v ? { denseScale: v.scale, denseNear: v.near } : {}) })));
    expect(labelTokens(text, toks, undefined, makeTagger(packed.model, trained.gazetteer, packed.table, v))).toEqual(viaMap);
    expect(viaMap).toEqual(labelTokens(text, toks));
    expect(T).toBeGreaterThan(0);
  });

  it('rejects a pack that is not a model', () => {
    expect(() => unpackEntityModel(decodePack(encodePack({ format: 'x' }, {})))).toThrow(/not a telex entity tagger model/);
  });
});

describe(averageModels.name, () => {
  it('averages weights and transitions by feature name, a missing feature weighing 0', () => {
    const tags = ['O', 'B-X'];
    const a = { tags, features: new Map([['w=a', 0], ['w=b', 2]]), weights: Float32Array.from([2, 4, 6, 8]), transitions: new Float32Array(6).fill(1) };
    const b = { tags, features: new Map([['w=b', 0], ['w=c', 2]]), weights: Float32Array.from([2, 0, 10, 10]), transitions: new Float32Array(6).fill(3) };
    const m = averageModels([a, b]);
    expect([...m.features.keys()]).toEqual(['w=a', 'w=b', 'w=c']);
    const row = (f: string) => [...m.weights.slice(m.features.get(f) as number, (m.features.get(f) as number) + 2)];
    expect(row('w=a')).toEqual([1, 2]);
    expect(row('w=b')).toEqual([4, 4]);
    expect(row('w=c')).toEqual([5, 5]);
    expect([...m.transitions]).toEqual(new Array(6).fill(2));
  });
});

describe(packGazetteer.name, () => {
  it('keeps every name with its kinds and the longest name per first word', () => {
    const gaz = parseGazetteer('LOC\tNew York\nORG\tNew York Times\nLOC\tParis\nORG\tParis\n');
    const back = unpackGazetteer(decodePack(packGazetteer(gaz)));
    expect(back.names.get('New York')).toBe('LOC');
    expect(back.names.get('New York Times')).toBe('ORG');
    expect(back.names.get('Paris')).toBe('LOC+ORG');
    expect(back.names.get('New')).toBeUndefined();
    expect(back.maxLength.get('New')).toBe(3);
    expect(back.maxLength.get('York')).toBeUndefined();
    expect(gazetteerMarks(['in', 'New', 'York', 'today'], back)).toEqual(gazetteerMarks(['in', 'New', 'York', 'today'], gaz));
  });
});

describe('word statistics in the gazetteer pack', () => {
  const table = { words: new Map([['paris', { cls: 3, cap: 0 }], ['the', { cls: 1, cap: 4 }], ['rare', { cls: 0, cap: 2 }]]), coarse: [0, 1, 1, 2], buckets: ['A', 'M', 'H', 'R', 'N'] };

  it('round-trips each word code and the coarse classes, and packs without them when none are given', () => {
    const gaz = parseGazetteer('LOC\tParis\n');
    const back = unpackGazetteer(decodePack(packGazetteer(gaz, table)));
    const mem = wordStatsOf(table);
    for (const w of ['paris', 'the', 'rare', 'unknown']) expect(back.stats?.get(w)).toBe(mem.get(w));
    expect(back.stats?.get('paris')).toBe(3 * 8 + 1);
    expect([...(back.stats?.coarse as ArrayLike<number> & Iterable<number>)]).toEqual([0, 1, 1, 2]);
    expect(unpackGazetteer(decodePack(packGazetteer(gaz))).stats).toBeUndefined();
  });

  it('gives each word its class, coarse class and capitalization, and its neighbours their classes', () => {
    const stats = wordStatsOf(table);
    expect(wordFeatures('Paris', undefined, stats)).toEqual(expect.arrayContaining(['k=3', 'K=2', 'cap=A|u']));
    expect(wordFeatures('Zorblat', undefined, stats)).toContain('k=?|u');
    expect(wordFeatures('Paris')).not.toContain('k=3');
    const f = sentenceFeatures({ words: ['The', 'Paris', 'office'], gazetteer: [[], ['LOC-B1'], []], rules: ['', '', ''], stats });
    expect(f[0]).toEqual(expect.arrayContaining(['capst=N', 'k-1=<s>', 'k+1=3']));
    expect(f[1]).toEqual(expect.arrayContaining(['capmid=A', 'k-1=1', 'k+1=0', 'g=LOC-B1', 'gc=LOC-B1|A']));
  });

  it('is carried by the committed gazetteer: ordinary words are never capitalized, well-known places always', () => {
    const stats = entityTagger().gazetteer.stats;
    expect(stats).toBeDefined();
    const cap = (w: string) => ((stats?.get(w) ?? 0) & 7) - 1;
    expect(cap('the')).toBe(4);
    expect(cap('government')).toBeGreaterThanOrEqual(3);
    expect(cap('london')).toBe(0);
    expect((stats?.get('london') ?? 0) >> 3).toBeGreaterThan(0);
  });
});

describe(documentContexts.name, () => {
  it('gives every occurrence of a repeated capitalized word the contexts of all of them', () => {
    const words = 'John Player won . Later Player said the title went to Mr Player again'.split(' ');
    const ctx = documentContexts(words);
    expect(ctx.get('Player')).toEqual(expect.arrayContaining(['p:GIVEN', 'n:won', 'n:said', 'p:TITLE', 'n:again']));
    expect(ctx.has('John')).toBe(false); // seen once
    const f = sentenceFeatures({ words: ['Player', 'said'], gazetteer: [[], []], rules: ['', ''], docContexts: ctx });
    expect(f[0]).toEqual(expect.arrayContaining(['d=p:GIVEN', 'd=p:TITLE']));
    expect(f[1]?.some((x) => x.startsWith('d='))).toBe(false);
  });
});

describe(wordLists.name, () => {
  it('marks the words whose lists give their neighbours features, and the features are the same whether the caller gives them or not', () => {
    expect(wordLists('table')).toBe(0);
    for (const w of ['.', 'Mr', 'Corporation', 'River']) expect(wordLists(w)).not.toBe(0);
    expect(new Set(['.', 'Mr', 'Corporation', 'River'].map(wordLists)).size).toBe(4);
    const words = ['.', 'Mr', 'Smith', 'of', 'Acme', 'Corporation', 'by', 'Mill', 'River'];
    const input = { words, gazetteer: words.map(() => []), rules: words.map(() => '') };
    const f = sentenceFeatures(input);
    expect(sentenceFeatures({ ...input, lists: words.map(wordLists) })).toEqual(f);
    expect(f[1]).toContain('st|Xx');
    expect(f[2]).toContain('title-1');
    expect(f[4]).toContain('orghead+1');
    expect(f[3]).toContain('orghead+2');
    expect(f[7]).toContain('placehead+1');
  });
});

describe(harmonize.name, () => {
  it('tags a repeated name like its tagged occurrence and a lone surname as the person', () => {
    const toks = nerTokenize('Cesaroni Design grew . Cesaroni Design hired Ann Lee . Lee said so');
    const tags = toks.map(() => 'O');
    tags[0] = 'B-ORG';
    tags[1] = 'I-ORG';
    tags[7] = 'B-PER';
    tags[8] = 'I-PER';
    const out = harmonize(toks, tags);
    expect(out.slice(4, 6)).toEqual(['B-ORG', 'I-ORG']);
    expect(out[10]).toBe('B-PER');
  });

  it("gives a lone surname that the tagger read otherwise once the person's reading", () => {
    // Efraim Diveroli signed . Cox said so . A friend of Diveroli said
    const toks = nerTokenize('Efraim Diveroli signed . Cox said so . A friend of Diveroli said');
    const tags = toks.map(() => 'O');
    tags[0] = 'B-PER';
    tags[1] = 'I-PER';
    tags[11] = 'B-LOC';
    expect(harmonize(toks, tags)[11]).toBe('B-PER');
    // Read otherwise twice, the surname keeps that reading.
    tags[4] = 'B-LOC';
    const twice = nerTokenize('Efraim Diveroli signed . Diveroli said so . A friend of Diveroli said');
    expect(harmonize(twice, tags).slice(4, 12).filter((t) => t === 'B-LOC')).toHaveLength(2);
  });
});

describe(countsOffNames.name, () => {
  const named = (text: string, tags: readonly string[]) => {
    const toks = nerTokenize(text);
    return bioSpans(tags).map((x) => `${x.type}[${toks.slice(x.from, x.to).map((t) => t.text).join(' ')}]`);
  };

  it('takes a sentence\'s count off a name read with it, where the rest is a known name, a name of the text or opens with a people', () => {
    const text = 'Thirteen Taliban fighters died . * Two California committees voted . Sixteen Pakistani Taliban gunmen fled . Twelve Balochistan Liberation Army gunmen died . The Balochistan Liberation Army said so .';
    const { toks, tags } = tagsNaming(text, { 'Thirteen Taliban': 'ORG', 'Two California': 'LOC', 'Sixteen Pakistani Taliban': 'ORG', 'Balochistan Liberation Army': 'ORG' });
    // [Twelve Balochistan Liberation Army] gunmen: the count read with the name that the text names alone after.
    tags[toks.findIndex((t) => t.text === 'Twelve')] = 'B-ORG';
    tags[toks.findIndex((t) => t.text === 'Twelve') + 1] = 'I-ORG';
    expect(named(text, countsOffNames(text, toks, tags))).toEqual(['ORG[Taliban]', 'LOC[California]', 'ORG[Pakistani Taliban]', 'ORG[Balochistan Liberation Army]', 'ORG[Balochistan Liberation Army]']);
  });

  it('keeps a name that opens with a count of its own, and a count inside a sentence', () => {
    const text = 'Six Flags said attendance rose . He visited the Three Mile Island plant . Nine Network aired it .';
    const { toks, tags } = tagsNaming(text, { 'Six Flags': 'ORG', 'Three Mile Island': 'LOC', 'Nine Network': 'ORG' });
    expect(countsOffNames(text, toks, tags)).toEqual(tags);
  });
});

describe(lowercaseWordsOffNames.name, () => {
  const stats = statsOf({ western: 'R', northern: 'H', of: 'N', samantha: 'A', de: 'N' });
  const named = (text: string, tags: readonly string[]) => {
    const toks = nerTokenize(text);
    return bioSpans(tags).map((x) => `${x.type}[${toks.slice(x.from, x.to).map((t) => t.text).join(' ')}]`);
  };

  it('takes words the statistics know in lowercase off the front of a name that goes on capitalized', () => {
    const text = 'a camp in western Burundi , moved to northern Australia , a shareholder of News Corporation';
    const { toks, tags } = tagsNaming(text, { 'western Burundi': 'LOC', 'northern Australia': 'LOC', 'of News Corporation': 'ORG' });
    expect(named(text, lowercaseWordsOffNames(toks, tags, stats))).toEqual(['LOC[Burundi]', 'LOC[Australia]', 'ORG[News Corporation]']);
  });

  it("keeps a given name a post writes in lowercase, a name's particle, a name in lowercase throughout and any name without statistics", () => {
    const text = 'By samantha Fox , Charles de Gaulle , vampire weekend , western Burundi';
    const { toks, tags } = tagsNaming(text, { 'samantha Fox': 'PER', 'Charles de Gaulle': 'PER', 'vampire weekend': 'ORG' });
    expect(lowercaseWordsOffNames(toks, tags, stats)).toEqual(tags);
    const w = tagsNaming(text, { 'western Burundi': 'LOC' });
    expect(lowercaseWordsOffNames(w.toks, w.tags, undefined)).toEqual(w.tags);
  });
});

describe(dropLoneWords.name, () => {
  it('drops a name that is one pronoun, courtesy title or office, and keeps longer names with such words', () => {
    const text = 'I said Ms told the President and I Dewa Gede Budjana';
    // [I] said [Ms] told the [President] and [I Dewa Gede Budjana]
    const toks = nerTokenize(text);
    const tags = ['B-ORG', 'O', 'B-PER', 'O', 'O', 'B-ORG', 'O', 'B-PER', 'I-PER', 'I-PER', 'I-PER'];
    expect(dropLoneWords(toks, tags)).toEqual(['O', 'O', 'O', 'O', 'O', 'O', 'O', 'B-PER', 'I-PER', 'I-PER', 'I-PER']);
  });

  it('drops "No." read alone as a name (a number\'s abbreviation), and keeps a name it opens', () => {
    const text = 'the No. 2 Democrat , Case No. 07-16620 , and No. 10 Squadron flew';
    // the [No.] 2 Democrat, Case [No.] 07-16620, and [No. 10 Squadron] flew
    const toks = nerTokenize(text);
    const tags = ['O', 'B-ORG', 'O', 'B-MISC', 'O', 'O', 'B-PER', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O'];
    const out = dropLoneWords(toks, tags);
    expect(out).toEqual(['O', 'O', 'O', 'B-MISC', 'O', 'O', 'O', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O']);
    expect(isValidBio(out)).toBe(true);
  });

  it('takes a sentence\'s "The" off a party named by its members, and leaves it on a newspaper\'s name', () => {
    const text = 'The Greens won . The Christian Democrats lost . The Times said';
    const toks = nerTokenize(text);
    const tags = ['B-ORG', 'I-ORG', 'O', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'O', 'O', 'B-ORG', 'I-ORG', 'O'];
    expect(dropLoneWords(toks, tags)).toEqual(['O', 'B-ORG', 'O', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'O', 'B-ORG', 'I-ORG', 'O']);
  });

  it("drops a state's institution written without its state, and a Bill of parliament, but not a person called Bill", () => {
    const text = 'the Government and the Opposition . his ninth Budget . the Bill passes . the Finance Bill . Bill C-38 . Thanks From Bill . Bill Clinton';
    const toks = nerTokenize(text);
    const at = (w: string, k = 0) => toks.map((t, i) => (t.text === w ? i : -1)).filter((i) => i >= 0)[k] as number;
    const tags = toks.map(() => 'O');
    for (const i of [at('Government'), at('Opposition'), at('Budget'), at('Bill'), at('Bill', 1), at('Bill', 2), at('Bill', 3), at('Bill', 4)]) tags[i] = 'B-PER';
    tags[at('Clinton')] = 'I-PER';
    const out = dropLoneWords(toks, tags);
    expect([at('Government'), at('Opposition'), at('Budget'), at('Bill'), at('Bill', 1), at('Bill', 2), at('Bill', 3), at('Bill', 4), at('Clinton')].map((i) => out[i])).toEqual([
      'O', 'O', 'O', 'O', 'O', 'O', 'B-PER', 'B-PER', 'I-PER',
    ]);
  });

  it('drops a name written in another script than Latin, and keeps names with Latin letters beside it', () => {
    const text = 'Alexander Gradsky ( Russian : Александр Градский ) joined Attiko Metro ( Αττικό Μετρό Α.Ε. ) and Škoda Auto';
    const { toks, tags } = tagsNaming(text, { 'Alexander Gradsky': 'PER', 'Александр Градский': 'PER', 'Attiko Metro': 'ORG', 'Αττικό Μετρό Α.Ε.': 'ORG', 'Škoda Auto': 'ORG' });
    const named = bioSpans(dropLoneWords(toks, tags)).map((x) => `${x.type}[${toks.slice(x.from, x.to).map((t) => t.text).join(' ')}]`);
    expect(named).toEqual(['PER[Alexander Gradsky]', 'ORG[Attiko Metro]', 'ORG[Škoda Auto]']);
  });

  it('gives the stored record no person for a name glossed in another script', () => {
    const people = tagEntities({ title: '', text: 'Alexander Gradsky (Russian: Александр Градский, born November 3, 1949) is a Russian singer.' }).people.map((p) => p.name);
    expect(people).toEqual(['Alexander Gradsky']);
  });

  it('drops an office named by its portfolio, or its portfolio alone after it, and keeps a ministry, a person read so and a place after "of"', () => {
    const text = 'the Minister of Defence and the Secretary of Health for Wales met the Ministry of Defence , Minister of Defence Ehud Barak , the King of Jordan and Secretary of State Rice';
    const { toks, tags } = tagsNaming(text, {
      'Minister of Defence': 'ORG', 'Secretary of Health for Wales': 'ORG', 'Ministry of Defence': 'ORG', 'Minister of Defence Ehud Barak': 'PER', Jordan: 'LOC', State: 'LOC', Rice: 'PER',
    });
    const named = bioSpans(dropLoneWords(toks, tags)).map((x) => `${x.type}[${toks.slice(x.from, x.to).map((t) => t.text).join(' ')}]`);
    expect(named).toEqual(['ORG[Ministry of Defence]', 'PER[Minister of Defence Ehud Barak]', 'LOC[Jordan]', 'PER[Rice]']);
  });

  it("takes a greeting off the person after it, and leaves a greeting alone, other types and a person's first word alone", () => {
    const text = 'Hey Vladi , Dear Nina , Hello Kitty sold . Hey said Dear . Hi Tech Ltd grew . Heyward Jones came';
    const { toks, tags } = tagsNaming(text, { 'Hey Vladi': 'PER', 'Dear Nina': 'PER', 'Hello Kitty': 'MISC', Hey: 'PER', Dear: 'PER', 'Hi Tech Ltd': 'ORG', 'Heyward Jones': 'PER' });
    const named = bioSpans(dropLoneWords(toks, tags)).map((x) => `${x.type}[${toks.slice(x.from, x.to).map((t) => t.text).join(' ')}]`);
    expect(named).toEqual(['PER[Vladi]', 'PER[Nina]', 'MISC[Hello Kitty]', 'PER[Hey]', 'PER[Dear]', 'ORG[Hi Tech Ltd]', 'PER[Heyward Jones]']);
  });

  it('takes a sentence\'s "The" off a body named by its kind, and drops it with a word never alone; newspapers and longer names keep it', () => {
    const text = 'The Senate voted . The Government said . The Guardian said . The Times said . The National Party won . The Council met . The New York Times said . The Party Line aired';
    const { toks, tags } = tagsNaming(text, {
      'The Senate': 'ORG', 'The Government': 'ORG', 'The Guardian': 'ORG', 'The Times': 'ORG', 'The National Party': 'ORG', 'The Council': 'ORG', 'The New York Times': 'ORG', 'The Party Line': 'MISC',
    });
    const named = bioSpans(dropLoneWords(toks, tags)).map((x) => `${x.type}[${toks.slice(x.from, x.to).map((t) => t.text).join(' ')}]`);
    expect(named).toEqual(['ORG[Senate]', 'ORG[The Guardian]', 'ORG[The Times]', 'ORG[National Party]', 'ORG[Council]', 'ORG[The New York Times]', 'MISC[The Party Line]']);
  });

  it('drops an office without its holder, and keeps a person with an office for a surname', () => {
    const text = 'said Prime Minister Hashim Thaci . the Chancellor presented . Premier Lord , 40 , left . Mrs King said . King Abdullah . Coretta Scott King and the King family';
    const toks = nerTokenize(text);
    const at = (w: string, k = 0) => toks.map((t, i) => (t.text === w ? i : -1)).filter((i) => i >= 0)[k] as number;
    const tags = toks.map(() => 'O');
    const span = (from: number, to: number, type: string) => {
      for (let k = from; k < to; k++) tags[k] = `${k === from ? 'B' : 'I'}-${type}`;
    };
    span(at('Prime'), at('Minister') + 1, 'PER');
    span(at('Hashim'), at('Thaci') + 1, 'PER');
    span(at('Chancellor'), at('Chancellor') + 1, 'ORG');
    span(at('Lord'), at('Lord') + 1, 'PER');
    span(at('King'), at('King') + 1, 'PER');
    span(at('King', 1), at('Abdullah') + 1, 'PER');
    span(at('Coretta'), at('King', 2) + 1, 'PER');
    span(at('King', 3), at('King', 3) + 1, 'PER');
    const out = dropLoneWords(toks, tags);
    expect([at('Prime'), at('Hashim'), at('Chancellor'), at('Lord'), at('King'), at('King', 1), at('King', 3)].map((i) => out[i])).toEqual([
      'O', 'B-PER', 'O', 'B-PER', 'B-PER', 'B-PER', 'B-PER',
    ]);
  });

  it('keeps a lone word no name after the document pass, where another mention of it was left a name', () => {
    const text = 'Bill Farmer said the Bill would pass. Farmer spoke to Bill about this Bill.';
    const toks = nerTokenize(text);
    const tags = labelTokens(text, toks);
    const bills = toks.flatMap((t, i) => (t.text === 'Bill' ? [tags[i]] : []));
    // "Bill Farmer" is a person; "the Bill" and "this Bill" are legislation whatever the document pass made of "Bill".
    expect([bills[0], bills[1], bills[3]]).toEqual(['B-PER', 'O', 'O']);
  });

  it('keeps the tagger from naming a pronoun of quoted speech', () => {
    const text = '"It is a shameful state of affairs and I hold the Prime Minister responsible," said Carter.';
    const toks = nerTokenize(text);
    const tags = labelTokens(text, toks);
    expect(tags[toks.findIndex((t) => t.text === 'It')]).toBe('O');
    expect(bioSpans(tags).map((s) => toks[s.from]?.text)).toEqual(['Carter']);
  });
});

describe(acronymsAreNoPersons.name, () => {
  it('makes a person of one word of two to four capitals an organisation, and leaves handles, longer words and lines in capitals alone', () => {
    const text = 'NWL said . @ VDOOZER said . SCALIA filed . VICE PRESIDENT CHENEY AND Ann';
    const toks = nerTokenize(text);
    const tags = toks.map((t) => (['NWL', 'VDOOZER', 'SCALIA', 'CHENEY', 'Ann'].includes(t.text) ? 'B-PER' : 'O'));
    const out = acronymsAreNoPersons(toks, tags);
    const at = (w: string) => out[toks.findIndex((t) => t.text === w)];
    expect([at('NWL'), at('VDOOZER'), at('SCALIA'), at('CHENEY'), at('Ann')]).toEqual(['B-ORG', 'B-PER', 'B-PER', 'B-PER', 'B-PER']);
  });

  it('reads an acronym at either end of the text as one inside it', () => {
    const toks = nerTokenize('NWL said so to RIM');
    expect(acronymsAreNoPersons(toks, ['B-PER', 'O', 'O', 'O', 'B-PER'])).toEqual(['B-ORG', 'O', 'O', 'O', 'B-ORG']);
  });

  it("keeps the tagger from reading a company's acronym as a person in news, and not in a post", () => {
    // The tagger alone reads every "NWL" here as a person (as it read "RIM" in a Wikinews story of this shape).
    const text =
      'On Monday, Canadian handset maker Northern Wireless Limited (NWL), reported quarterly results. Despite record profits, the news was dampened by word that ' +
      'regulators had opened an inquiry into NWL\'s accounts. An internal review by NWL, begun in March, found irregularities in how the company priced options. ' +
      'On May 5, NWL co-chief executive Jim Harlow resigned as chairman. NWL had said until recently that the inquiry was informal.';
    const toks = nerTokenize(text);
    const tags = labelTokens(text, toks);
    const nwl = toks.flatMap((t, i) => (t.text === 'NWL' ? [tags[i]] : []));
    expect(nwl).toEqual(['B-ORG', 'B-ORG', 'B-ORG', 'B-ORG', 'B-ORG']);
    const post = 'Happy birthday MJ! https://t.co/abc';
    const ptoks = nerTokenize(post);
    expect(labelTokens(post, ptoks)[ptoks.findIndex((t) => t.text === 'MJ')]).toBe('B-PER');
  });
});

describe(fillFromRules.name, () => {
  it('adds a rule name only where the model found nothing over its span', () => {
    expect(fillFromRules(['O', 'O', 'B-PER', 'O'], ['B-ORG', 'I-ORG', 'B-LOC', ''])).toEqual(['B-ORG', 'I-ORG', 'B-PER', 'O']);
  });
});

describe(mentionsFromTags.name, () => {
  it('drops MISC and demonyms and canonicalizes gazetteer places', () => {
    const text = 'North Koreans fled the U.S. embassy after the Olympics';
    const toks = nerTokenize(text);
    const tags = ['B-LOC', 'I-LOC', 'O', 'O', 'B-LOC', 'O', 'O', 'O', 'B-MISC'];
    expect(toks).toHaveLength(tags.length);
    expect(mentionsFromTags(text, toks, tags).map((m) => [m.kind, m.name])).toEqual([['place', 'United States']]);
  });

  it('marks a one-word person after an honorific as a surname alone, with the fields of every mention', () => {
    const text = 'Mr. Liu met John Smith';
    const toks = nerTokenize(text);
    const tags = toks.map((t) => (t.text === 'Liu' || t.text === 'John' ? 'B-PER' : t.text === 'Smith' ? 'I-PER' : 'O'));
    expect(mentionsFromTags(text, toks, tags)).toEqual([newMention('person', 'Liu', 4, 7, true), newMention('person', 'John Smith', 12, 22)]);
  });

  it('gives no mention of a span without a letter, and keeps names with digits', () => {
    const text = 'McLaren 1 : 06.635 , 3M and 7-Eleven rose 65 %';
    const { toks, tags } = tagsNaming(text, { McLaren: 'ORG', '1': 'ORG', '3M': 'ORG', '7-Eleven': 'ORG', '65': 'PER' });
    expect(mentionsFromTags(text, toks, tags).map((m) => m.name)).toEqual(['McLaren', '3M', '7-Eleven']);
  });
});

describe(gazetteerMarks.name, () => {
  it('marks the longest name at each position', () => {
    const gaz = buildGazetteer([['LOC', ['New', 'York']], ['LOC', ['York']], ['ORG', ['New', 'York', 'Times']]]);
    expect(gazetteerMarks(['the', 'New', 'York', 'Times', 'in', 'York'], gaz)).toEqual([[], ['ORG-B'], ['ORG-I'], ['ORG-I'], [], ['LOC-B1']]);
  });
});

describe(wordShape.name, () => {
  it('collapses character classes', () => {
    expect([wordShape('Liu'), wordShape('U.S.'), wordShape('2002'), wordShape('iPhone')]).toEqual(['Xx', 'X.X.', 'd', 'xXx']);
  });
});

describe(labelTokens.name, () => {
  it('scores exactly as the training features do (cached word scores and indexed context features)', () => {
    const text = `${seedText()}\n\nRT @voanews: Seoul and Beijing talk refugees http://t.co/x`;
    const tagger = entityTagger();
    const tokens = nerTokenize(text);
    const ranges = sentenceRanges(text, tokens);
    const features = documentFeatures(text, tokens, ranges, tagger.gazetteer);
    const T = tagger.model.tags.length;
    const expected: string[] = [];
    const v = tagger.vectors;
    ranges.forEach(([from, to], r) => {
      const f = features[r] as string[][];
      const dense = v ? sentenceVectors(tokens.slice(from, to).map((t) => t.text), v.table, v.scale, v.near) : undefined;
      expected.push(...viterbi(emissionScores(tagger.model, f, dense), f.length, T, tagger.model.transitions, tagger.allowed).map((t) => tagger.model.tags[t] as string));
    });
    // The passes after the tagger: on this text only the wire conventions change a name (one "North Koreans" read as an organisation is a nationality), before and after the document pass.
    const wire = (tags: string[]) => wireConventionTags(text, tokens, tags);
    expect(labelTokens(text, tokens, ranges)).toEqual(wire(harmonize(tokens, wire(expected))));
  });
});

describe(isSentenceDash.name, () => {
  it('knows the dashes that set off part of a sentence, and not the hyphen', () => {
    for (const d of ['—', '–', '―', '--', '---', '——']) expect(isSentenceDash(d), d).toBe(true);
    for (const w of ['-', '----', 'a—b', '—x', '', 'Smith']) expect(isSentenceDash(w), w).toBe(false);
  });
});

describe('the committed tagger and dashes', () => {
  it('reads no name across a dash set off by spaces, and reads the dateline before it as the place the text names', () => {
    const text = 'SALTMERE — Storm Idris swept across the northern coast overnight, closing the railway between Saltmere and Brennock.';
    const mentions = tagEntityMentions(text);
    expect(mentions.filter((m) => text.slice(m.start, m.end).includes('—'))).toEqual([]);
    expect(mentions.filter((m) => m.start === 0).map((m) => `${m.kind}:${m.name}`)).toEqual(['place:Saltmere']);
  });

  it('keeps a dash between two words inside a name', () => {
    const text = 'Gerard Kennedy will run in the next federal election in Parkdale—High Park, the riding he represented.';
    expect(tagEntityMentions(text).map((m) => text.slice(m.start, m.end))).toContain('Parkdale—High Park');
  });
});

describe(documentEmissions.name, () => {
  const tagger = entityTagger();
  const T = tagger.model.tags.length;
  const W = tagger.model.weights;
  /** The scores as the feature strings give them: per token its own features' sum, its document contexts' sum, then each other feature's row in order. */
  const reference = (text: string): Float32Array[] => {
    const tokens = nerTokenize(text);
    const ranges = sentenceRanges(text, tokens);
    const domain = textDomain(text) === 'social' ? 'social' : undefined;
    const stats = tagger.gazetteer.stats;
    const features = documentFeatures(text, tokens, ranges, tagger.gazetteer);
    return ranges.map(([from, to], r) => {
      const em = new Float32Array((to - from) * T);
      for (let i = 0; i < to - from; i++) {
        const word = (k: number) => (tokens[from + k] as { text: string }).text;
        const own = wordFeatures(word(i), domain, stats);
        // A token's features: its own first (sentenceFeatures), then its context features, the document contexts among them.
        const context = ((features[r] as string[][])[i] as string[]).slice(own.length);
        const isDoc = (f: string) => f.startsWith('d=') || f.startsWith(`${domain}~d=`);
        // With word vectors: the word's own with its own features; then the vectors of the words before and after it.
        const v = tagger.vectors;
        const vec = (w: string) => (v ? wordVector(w, v.table, v.scale) : undefined);
        const sums = emissionScores(tagger.model, [own, context.filter(isDoc)], [vec(word(i)), undefined]);
        for (let t = 0; t < T; t++) em[i * T + t] = (sums[t] as number) + (sums[T + t] as number);
        const dense = tagger.model.dense;
        if (v?.near && dense) {
          const D = v.table.dims;
          for (const [k, block] of [[i - 1, 1], [i + 1, 2]] as const) {
            const x = k >= 0 && k < to - from ? vec(word(k)) : undefined;
            if (!x) continue;
            const part = new Float32Array(T);
            addDense(part, 0, x, dense.subarray(block * D * T, (block + 1) * D * T), T);
            for (let t = 0; t < T; t++) em[i * T + t] = (em[i * T + t] as number) + (part[t] as number);
          }
        }
        for (const f of context.filter((x) => !isDoc(x))) {
          const at = tagger.model.features.get(f);
          if (at === undefined) continue;
          for (let t = 0; t < T; t++) em[i * T + t] = (em[i * T + t] as number) + (W[at + t] as number);
        }
      }
      return em;
    });
  };

  it('gives every token the rows of its own features and of its neighbours\' words, the same bits as looking up each feature', () => {
    // The same word after and before different words, in other cases ("Apple", "apple", "APPLE": one lowercase form, three shapes),
    // at both edges of sentences, and in a post (the social domain's features) after an article that cached its words.
    const article = 'Apple said Apple would sell apple juice. APPLE shares rose in Paris. Paris Hilton met Apple. The deal closed, Apple said\nApple';
    const post = 'RT @voanews: Apple and apple fans in Paris #Apple Paris';
    for (const text of [article, post, article]) expect(documentEmissions(text, nerTokenize(text))).toEqual(reference(text));
  });

  it('takes a neighbour\'s features from that word alone, so each word looks them up once', () => {
    const stats = tagger.gazetteer.stats;
    const before: string[] = [];
    const after: string[] = [];
    neighbourFeatures('Apple', 'before', stats, (_i, p, v) => before.push(p + v));
    neighbourFeatures(null, 'after', stats, (_i, p, v) => after.push(p + v));
    // The Wikinews word classes of the neighbours, unless the model takes word clusters in their place.
    const classes = stats?.clusterFeatures?.classes !== false;
    const k = String((stats?.get('apple') ?? 0) >> 3);
    // And the neighbours' word clusters, when the model takes them.
    const cl = stats?.clusters;
    const near = cl ? (stats?.clusterFeatures?.near ?? -1) : -1;
    const code = cl?.get('apple');
    const c = code === undefined ? '?' : String(cl?.id(code, near));
    expect(before).toEqual(['w-1=apple', 's-1=Xx', ...(classes ? [`k-1=${k}`] : []), ...(near >= 0 ? [`c-1=${c}`] : [])]);
    expect(after).toEqual(['w+1=</s>', 's+1=</s>', ...(classes ? ['k+1=</s>'] : []), ...(near >= 0 ? ['c+1=</s>'] : [])]);
    // The same strings as the sentence's features give the word after "Apple" and the last word.
    const words = ['Apple', 'juice'];
    const sentence = sentenceFeatures({ words, gazetteer: [[], []], rules: ['', ''], stats }, true);
    expect(sentence[1]).toEqual(expect.arrayContaining(before));
    expect(sentence[1]).toEqual(expect.arrayContaining(after));
  });
});
