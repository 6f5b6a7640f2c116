/**
 * The trained entity tagger: an averaged structured perceptron over BIO tags
 * (perceptron.ts) whose features include the rule-based chunker's own labels
 * (extract-entities.ts), a gazetteer derived from GeoNames and public
 * organisation lists, capitalization learned from Wikinews text (both in
 * data/ner-gazetteer.bin), clusters of pretrained GloVe word vectors
 * (data/ner-clusters.bin, ner-clusters.ts), the GloVe vectors themselves
 * (data/word-vectors.bin, shared with the topic classifier: the word's and
 * its neighbours' as real-valued inputs, the word's binarized as features),
 * and each repeated name's contexts
 * elsewhere in the document. Its spans then go through the
 * rules' merging (surnames, short forms, salience). The model and gazetteer
 * are rebuilt by `npm run train:ner` and loaded once per process or thread, on
 * first use.
 */
import type { Entities } from '../../store/types.js';
import { firmsJoinedByAmpersand, firmsOfWordsJoinedByAnd, joinCoordinatedNames, joinListsBeforeHeads, joinOrganisationPlaces, joinOrganisationPurposes, knownNamesApart } from './coordinated-names.js';
import { extendNamesToTheirAcronyms, typeDefinedAcronyms } from './defined-acronyms.js';
import { firmsBasedIn } from './firms-based-in.js';
import { joinedCapitalsAreNoPersons, servicesAreNoPersons } from './firms-read-as-persons.js';
import { membersAfterPluralKinds } from './members-after-plural-kinds.js';
import { foreignOrganisations } from './foreign-organisations.js';
import { commonAcronymsAreNoNames } from './common-acronyms.js';
import { courtsBySeat } from './courts.js';
import { possessiveNamesWhole, possessiveOrganisations, possessivesOfPlaces } from './possessive-organisations.js';
import { oilGradesAreMisc } from './oil-grades.js';
import { shareIndexesAreMisc } from './share-indexes.js';
import { abbreviatedCountries, acronymsBeforeOffices, addressesArePlaces, bodiesReadAsPlaces, branchesInCountries, namesSplitAtInitials, divisionsOfPlaces, agenciesBeforeTheirKind, publicationsBeforeTheirKind, hyphenatedNewspapers, countriesBeforePossessives, knownPlacesJoinedByOf, knownPlacesReadAsPersons, regionalAdjectivesAreMisc, airlinesBeforeTheirFlights, companiesByTheirPriceMoves, groupsByTheirMembers, companiesByTheirStock, firmsByTheirFirstWord, groupsBeforeTheirFighters, countriesOffPersons, employersOfStaff, eponymsAreNoPersons, eventsAndLawsAreMisc, leadersGovernmentsAreNoNames, namesBeforePartyAreOrganisations, nameText, numberedCraftAreMisc, organisationsFirstWords, organisationsLastWords, personsAfterRoles, placesAfterStrikes, placesBeforePlaceNouns, pollstersBeforePolls, townsBeforeTheirCountries, seatsOfGovernmentActing, shipsAreMisc, venuesAfterTheirNames, venuesArePlaces, typeKindAppositives, typePortfolioMinistries, worksAreMisc } from './kind-nouns.js';
import { firstNamesAreNoOrganisations, surnamesAreNoOrganisations } from './lone-surnames.js';
import { clubsAfterPlayers, clubsByTheirFirstWord, fixtureLines, playersBySetScores, scoresOffResultSides, sidesByTheirTotals, teamsInMatchReports } from './match-reports.js';
import { partyLabelsAreNoPersons } from './party-labels.js';
import { joinNameParticles } from './name-particles.js';
import { companyFormsEndNames, articlesOffNames, lateTitlesOutOfNames, surnamesThatAreTitles, titlesOffPersons, trimNameTails } from './name-tails.js';
import { findMentions, type Mention, mergeMentions, newMention, type ResolvedMention, resolveMentions } from './extract-entities.js';
import { DEMONYMS, HONORIFICS, KNOWN_ORGS, NAME_PARTICLES, PLACES } from './gazetteer.js';
import { encodePack, keyOffsets, keyRow, type KeyTable, keyTableEntries, loadPack, MODEL_FILES, type Pack, packArray, packKeyTable, prunedRows, buildKeyTable, roundTo } from './model-pack.js';
import { NER_CLUSTERS_URL, unpackClusters, type WordClusters } from './ner-clusters.js';
import { buildGazetteer, capitalizedOrUnknown, type ClusterFeatures, documentContexts, gazetteerMarks, type NameGazetteer, NEIGHBOUR_PREFIXES, neighbourFeatures, sentenceFeatures, VECTOR_UNKNOWN, type VectorBins, vectorBinNames, vectorBinsOf, type WordStats, visitContextFeatures, withDomain, wordFeatures, wordLists, wordShape, wordStatsCode, type WordStatsTable, wordVector } from './ner-features.js';
import { lineBreakAfter, nerTokenize, setOffBySpaces, splitNameParticiples } from './ner-tokens.js';
import { addDense, addDenseThree, addRow, addRows, allowedTransitions, emissionScores, type SequenceModel, viterbi } from './perceptron.js';
import { startsCapitalized, startsLowercase, type Token, tokenize } from './tokens.js';
import { truecaseCapsLines } from './truecase.js';
import { beginTag, bioSpans, insideTag, spanEnd, surnamesOfFullNames, wireConventions } from './wire-conventions.js';
import { loadWordVectors, type WordVectors } from './word-vectors.js';

export type EntityTagger = {
  model: SequenceModel;
  /** The word vectors and their scale, when the model takes them (SequenceModel.dense: the word's, and with `near` the words' before and after it). */
  vectors?: TaggerVectors;
  allowed: Uint8Array;
  gazetteer: NameGazetteer;
  /** Row offset in model.weights of the feature prefix + value (without building its name), or undefined. */
  context: (prefix: string, value: string) => number | undefined;
};

/** The word vectors of a tagger whose model takes them: their scale, and whether the neighbours' count. */
export type TaggerVectors = { table: WordVectors; scale: number; near: boolean };

/** A tagger from a model (features in a Map, or packed: unpackEntityModel), a gazetteer, and the word vectors when the model takes them. */
export function makeTagger(model: SequenceModel, gazetteer: NameGazetteer, table?: KeyTable, vectors?: TaggerVectors): EntityTagger {
  if (model.dense && !vectors) throw new Error('entity tagger: the model takes word vectors and none were given');
  const T = model.tags.length;
  const context = table
    ? (p: string, v: string) => {
        const r = keyRow(table, p, v);
        return r < 0 ? undefined : r * T;
      }
    : (p: string, v: string) => model.features.get(p + v);
  return { model, allowed: allowedTransitions(model.tags), gazetteer, context, ...(model.dense && vectors ? { vectors } : {}) };
}

/** The committed files (model packs, see model-pack.ts): the perceptron's weights and the names gazetteer. */
export const NER_MODEL_URL = MODEL_FILES.nerModel;
export const NER_GAZETTEER_URL = MODEL_FILES.nerGazetteer;

const MODEL_FORMAT = 'telex entity tagger v2';
const GAZETTEER_FORMAT = 'telex names gazetteer v3';

/** The model as a pack: tags and transitions, and the features whose weights survive rounding to `decimals` and `minWeight`. */
export function packEntityModel(model: SequenceModel & { features: Iterable<readonly [string, number]> }, opts: { minWeight: number; decimals: number; denseScale?: number; denseNear?: boolean }): Uint8Array {
  const rows = prunedRows(model.features, model.weights, model.tags.length, opts);
  if (model.dense && !opts.denseScale) throw new Error('entity tagger model: real-valued inputs without their scale');
  return encodePack(
    { format: MODEL_FORMAT, tags: model.tags, ...(model.dense ? { denseScale: opts.denseScale, denseNear: opts.denseNear === true } : {}) },
    {
      transitions: { array: Float32Array.from(model.transitions, (x) => roundTo(x, opts.decimals)) },
      weights: { array: rows.weights, q16Scale: 10 ** opts.decimals },
      ...(model.dense ? { dense: { array: Float32Array.from(model.dense, (x) => roundTo(x, opts.decimals + 2)) } } : {}),
      ...keyTableEntries('features', buildKeyTable(rows.keys)),
    },
  );
}

/**
 * A model from its pack, with the key table its features are looked up in;
 * when the model takes word vectors (SequenceModel.dense), their scale
 * (ner-features.ts wordVector).
 */
export function unpackEntityModel(pack: Pack): { model: SequenceModel; table: KeyTable; dense?: { scale: number; near: boolean } } {
  if (pack.meta['format'] !== MODEL_FORMAT) throw new Error('not a telex entity tagger model');
  const tags = pack.meta['tags'] as string[];
  const T = tags.length;
  const table = packKeyTable(pack, 'features');
  const transitions = packArray(pack, 'transitions', Float32Array);
  if (transitions.length !== (T + 1) * T) throw new Error('entity tagger model: bad transitions');
  const model: SequenceModel = { tags, features: keyOffsets(table, T), weights: packArray(pack, 'weights', Float32Array), transitions };
  if (!pack.arrays['dense']) return { model, table };
  model.dense = packArray(pack, 'dense', Float32Array);
  return { model, table, dense: { scale: Number(pack.meta['denseScale']), near: pack.meta['denseNear'] === true } };
}

/** "LOC\tBank of America" lines (names already tokenized as the tagger tokenizes text, tokens joined by one space). */
export function parseGazetteer(text: string): ReturnType<typeof buildGazetteer> {
  const entries: Array<[string, string[]]> = [];
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    entries.push([line.slice(0, tab), line.slice(tab + 1).split(' ')]);
  }
  return buildGazetteer(entries);
}

/**
 * A gazetteer as a pack: the names and the first words, each with its value
 * (kinds, longest length); and, when given, the word statistics (a code per
 * lowercase word, the coarse class of each class), and which features the
 * model takes from the word clusters (ner-clusters.ts; the clusters are a
 * pack of their own).
 */
export function packGazetteer(gaz: ReturnType<typeof buildGazetteer>, stats?: WordStatsTable, clusterFeatures?: ClusterFeatures, vectorBins?: VectorBins): Uint8Array {
  const kinds = [...new Set(gaz.names.values())].sort();
  const names = [...gaz.names.keys()].sort();
  const firsts = [...gaz.maxLength.keys()].sort();
  const words = stats ? [...stats.words.keys()].sort() : [];
  return encodePack(
    {
      format: GAZETTEER_FORMAT,
      kinds,
      wordStats: stats !== undefined,
      ...(stats && clusterFeatures ? { clusterFeatures } : {}),
      ...(stats && vectorBins ? { vectorBins: { hi: [...vectorBins.hi], lo: [...vectorBins.lo] } } : {}),
    },
    {
      ...keyTableEntries('names', buildKeyTable(names)),
      nameKinds: { array: Uint8Array.from(names, (n) => kinds.indexOf(gaz.names.get(n) as string)) },
      ...keyTableEntries('firsts', buildKeyTable(firsts)),
      maxLength: { array: Uint8Array.from(firsts, (w) => gaz.maxLength.get(w) as number) },
      ...(stats
        ? {
            ...keyTableEntries('words', buildKeyTable(words)),
            wordCodes: { array: Uint32Array.from(words, (w) => { const v = stats.words.get(w) as { cls: number; cap: number }; return wordStatsCode(v.cls, v.cap); }) },
            coarse: { array: Uint32Array.from(stats.coarse) },
          }
        : {}),
    },
  );
}

/** The gazetteer of a pack; `clusters` gives the word clusters and `vectors` the word vectors when the pack says the model uses them. */
export function unpackGazetteer(pack: Pack, clusters?: () => WordClusters, vectors?: () => WordVectors): NameGazetteer {
  if (pack.meta['format'] !== GAZETTEER_FORMAT) throw new Error('not a telex names gazetteer');
  const kinds = pack.meta['kinds'] as string[];
  const names = packKeyTable(pack, 'names');
  const nameKinds = packArray(pack, 'nameKinds', Uint8Array);
  const firsts = packKeyTable(pack, 'firsts');
  const maxLength = packArray(pack, 'maxLength', Uint8Array);
  const gaz: NameGazetteer = {
    names: { get: (key) => { const r = keyRow(names, key); return r < 0 ? undefined : kinds[nameKinds[r] as number]; } },
    maxLength: { get: (word) => { const r = keyRow(firsts, word); return r < 0 ? undefined : maxLength[r]; } },
  };
  if (pack.meta['wordStats']) {
    const words = packKeyTable(pack, 'words');
    const codes = packArray(pack, 'wordCodes', Uint32Array);
    gaz.stats = { get: (w) => { const r = keyRow(words, w); return r < 0 ? undefined : codes[r]; }, coarse: packArray(pack, 'coarse', Uint32Array) };
    const clusterFeatures = pack.meta['clusterFeatures'] as ClusterFeatures | undefined;
    if (clusterFeatures) {
      if (!clusters) throw new Error('names gazetteer: the model uses word clusters and none were given');
      gaz.stats.clusters = clusters();
      gaz.stats.clusterFeatures = clusterFeatures;
    }
    const bins = pack.meta['vectorBins'] as { hi: number[]; lo: number[] } | undefined;
    if (bins) {
      if (!vectors) throw new Error('names gazetteer: the model uses word vectors and none were given');
      gaz.stats.vectorBins = { vectors: vectors(), hi: Float64Array.from(bins.hi), lo: Float64Array.from(bins.lo) };
    }
  }
  return gaz;
}

let TAGGER: EntityTagger | null = null;

/**
 * The committed model and gazetteer, loaded on first use and kept for the life
 * of the thread; their arrays are read once per process and shared by its
 * threads (model-pack.ts).
 */
export function entityTagger(): EntityTagger {
  if (!TAGGER) {
    const { model, table, dense } = unpackEntityModel(loadPack(NER_MODEL_URL));
    const vectors = dense ? { table: loadWordVectors(), ...dense } : undefined;
    TAGGER = makeTagger(model, unpackGazetteer(loadPack(NER_GAZETTEER_URL), () => unpackClusters(loadPack(NER_CLUSTERS_URL)), loadWordVectors), table, vectors);
  }
  return TAGGER;
}

const RULE_TAG = { person: 'PER', place: 'LOC', organisation: 'ORG' } as const;

/** The rule-based chunker's label for each token ("B-PER", "I-LOC", "U" for an untyped name, "" outside names). */
export function ruleLabels(text: string, tokens: readonly Token[], ruleTokens: readonly Token[] = tokenize(text)): { labels: string[]; raw: Mention[]; resolved: ResolvedMention[] } {
  const raw = findMentions(text, ruleTokens);
  const resolved = resolveMentions(raw, text);
  const spans: Array<{ start: number; end: number; tag: string }> = resolved.map((m) => ({ start: m.start, end: m.end, tag: RULE_TAG[m.kind] }));
  for (const m of raw) {
    if (m.kind === 'unknown' && !resolved.some((r) => r.start < m.end && m.start < r.end)) spans.push({ start: m.start, end: m.end, tag: 'U' });
  }
  spans.sort((a, b) => a.start - b.start);
  const labels = new Array<string>(tokens.length).fill('');
  let s = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    while (s < spans.length && (spans[s] as { end: number }).end <= t.start) s++;
    const span = spans[s];
    if (!span || span.start > t.start || t.end > span.end) continue;
    if (span.tag === 'U') labels[i] = 'U';
    else labels[i] = i > 0 && labels[i - 1]?.endsWith(span.tag) && (tokens[i - 1] as Token).start >= span.start ? insideTag(span.tag) : beginTag(span.tag);
  }
  return { labels, raw, resolved };
}

/** Sentence ranges [from, to) of tokens: breaks after . ! ? and at line breaks, at most 120 tokens each. */
export function sentenceRanges(text: string, tokens: readonly Token[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const end = ((t.text === '.' || t.text === '!' || t.text === '?') && next !== undefined && !/^[a-z]/.test(next.text)) || lineBreakAfter(text, tokens, i) || i - from >= 119;
    if (end || next === undefined) {
      out.push([from, i + 1]);
      from = i + 1;
    }
  }
  return out;
}

/** 'social' for short posts written like tweets (@mentions, hashtags, RT, links), 'formal' for everything else. */
export function textDomain(text: string): 'social' | 'formal' {
  return text.length < 1200 && /(?:^|\s)[@#][\p{L}\p{N}_]|\bRT\b|https?:\/\/|\bu\b|\bi\b|\blol\b/u.test(text) ? 'social' : 'formal';
}

/** Whether features include each capitalized word's contexts elsewhere in the document (ner-features.ts documentContexts). */
let DOC_CONTEXTS = true;
/** For training experiments (scripts/train-ner.ts --no-doc-contexts). */
export function useDocumentContexts(on: boolean): void {
  DOC_CONTEXTS = on;
}

let TRUECASE = true;
/** For measurement (bench:enrich -- models reads lines in capitals with and without truecase.ts). */
export function useTruecasing(on: boolean): void {
  TRUECASE = on;
}

/** Formal text with its lines in capitals written in ordinary case for the tagger (truecase.ts; offsets unchanged); other text as it is. */
function readCased(text: string, tokens: readonly Token[], tagger: EntityTagger): { text: string; tokens: readonly Token[] } {
  return TRUECASE && textDomain(text) === 'formal' ? truecaseCapsLines(text, tokens, tagger.gazetteer) : { text, tokens };
}

/** Words seen in lowercase in the text. */
function lowercaseSeen(tokens: readonly Token[]): Set<string> {
  const s = new Set<string>();
  for (const t of tokens) if (startsLowercase(t.text)) s.add(t.text);
  return s;
}

/** Features of each sentence range of a document (rules and lowercase evidence are taken over the whole text). */
export function documentFeatures(
  text: string,
  tokens: readonly Token[],
  ranges: ReadonlyArray<readonly [number, number]>,
  gazetteer: NameGazetteer,
  labels: readonly string[] = ruleLabels(text, tokens).labels,
): string[][][] {
  const seen = lowercaseSeen(tokens);
  const domain = documentDomain(text);
  const docContexts = DOC_CONTEXTS ? documentContexts(tokens.map((t) => t.text)) : undefined;
  return ranges.map(([from, to]) => {
    const words = tokens.slice(from, to).map((t) => t.text);
    return sentenceFeatures({ words, gazetteer: gazetteerMarks(words, gazetteer), rules: labels.slice(from, to), lowercaseSeen: seen, domain, stats: gazetteer.stats, docContexts });
  });
}

/** The feature prefix for a document: 'social' for posts, none for formal text. */
const documentDomain = (text: string): string | undefined => (textDomain(text) === 'social' ? 'social' : undefined);

/**
 * What the tagger needs of a word wherever it occurs, looked up once: the
 * summed weights of its own features (wordFeatures), copies of the model rows
 * of the features it gives its neighbours (neighbourFeatures), its shape, its
 * word-statistics code and the longest gazetteer name it starts.
 */
type WordEntry = {
  /** T weights each: the word's own sum, then the rows of the neighbour features by slot (neighbourSlot); a feature the model does not know has no bit in `known`. */
  rows: Float32Array;
  known: number;
  /** With word vectors of the neighbours (TaggerVectors.near): the word's vector times the weights of the word before a token, then of the word after (2 x T), or null. */
  near: Float32Array | null;
  /** The word in lowercase. */
  lower: string;
  shape: string;
  code: number;
  maxLength: number | undefined;
  /** wordLists(word). */
  lists: number;
};

/**
 * The slot in WordEntry.rows of a feature a token takes from a neighbour's
 * word: by side (0 from the word before, 1 from the word after), feature
 * (NEIGHBOUR_PREFIXES' order) and copy (0 the feature, 1 its domain's copy;
 * `copies` 2 with a domain, else 1). Slot 0 is the word's own sum.
 */
const neighbourSlot = (side: number, feature: number, copy: number, copies: number): number => 1 + (side * NEIGHBOUR_FEATURES + feature) * copies + copy;
const NEIGHBOUR_FEATURES = NEIGHBOUR_PREFIXES.before.length;

/** Per tagger, by domain: the entries of the sentence's edges (as the word before the first token and after the last) and of the words (bounded, cleared when full). */
type WordCache = { edge: WordEntry; words: Map<string, WordEntry> };
const WORD_CACHE = new WeakMap<EntityTagger, Map<string, WordCache>>();
const WORD_CACHE_MAX = 50_000;

/**
 * The summed weights of the own features of `word` and the rows of the
 * features it gives its neighbours, copied from the model, with the bits of
 * those it knows. `word` null: the sentence's edges (no own features).
 */
function wordRows(tagger: EntityTagger, word: string | null, domain: string | undefined, sums?: Float32Array | null): { rows: Float32Array; known: number } {
  const T = tagger.model.tags.length;
  const W = tagger.model.weights;
  const copies = domain ? 2 : 1;
  const rows = new Float32Array((1 + 2 * NEIGHBOUR_FEATURES * copies) * T);
  if (word !== null) ownScores(tagger, word, domain, rows, sums);
  let known = 0;
  for (const [side, name] of [[0, 'before'], [1, 'after']] as const) {
    const prefixes: readonly string[] = NEIGHBOUR_PREFIXES[name];
    let copy = 0;
    neighbourFeatures(word, name, tagger.gazetteer.stats, (_i, p, v) => {
      const feature = prefixes.indexOf(p);
      withDomain(domain, (_j, prefix, value) => {
        const at = tagger.context(prefix, value);
        const slot = neighbourSlot(side, feature, copy++, copies);
        if (at === undefined) return;
        known |= 1 << slot;
        rows.set(W.subarray(at, at + T), slot * T);
      })(0, p, v);
      copy = 0;
    });
  }
  return { rows, known };
}

/**
 * The summed weights of the own features of `word` into rows[0, T), as emissionScores sums wordFeatures' list: the
 * binarized vector's features (last in the list but the real-valued inputs) added by their rows, looked up once per
 * tagger (vectorBinRows), rather than by a hash of each of the hundred or so names of every new word; then the word's
 * vector's own sums (vectorSums), where the model takes vectors.
 */
function ownScores(tagger: EntityTagger, word: string, domain: string | undefined, rows: Float32Array, sums: Float32Array | null | undefined): void {
  const { model } = tagger;
  const T = model.tags.length;
  const bins = tagger.gazetteer.stats?.vectorBins;
  rows.set(emissionScores(model, [wordFeatures(word, domain, tagger.gazetteer.stats, false)]));
  if (bins) {
    const binRows = vectorBinRows(tagger, bins.vectors.dims);
    // The rows of the bins the model has, in the bins' order: a word has a hundred or so, added by one addRows.
    const ats: number[] = [];
    for (const b of vectorBinsOf(word, bins) ?? [binRows.length - 1]) {
      const at = binRows[b] as number;
      if (at >= 0) ats.push(at);
    }
    addRows(rows, 0, model.weights, ats, T);
  }
  if (sums) addRow(rows, 0, sums, 0, T);
}

/** Per tagger, the row offset in its weights of each of vectorBinNames' features, then of VECTOR_UNKNOWN's (-1: not in the model). */
const VECTOR_BIN_ROWS = new WeakMap<EntityTagger, Int32Array>();
function vectorBinRows(tagger: EntityTagger, dims: number): Int32Array {
  let out = VECTOR_BIN_ROWS.get(tagger);
  if (!out || out.length !== 2 * dims + 1) {
    out = Int32Array.from([...vectorBinNames(dims), VECTOR_UNKNOWN], (name) => tagger.model.features.get(name) ?? -1);
    VECTOR_BIN_ROWS.set(tagger, out);
  }
  return out;
}

/**
 * A word's vector `x` times the model's dense weights: T sums as the word's own, then with the neighbours' vectors
 * (TaggerVectors.near) T as the vector before a token and T as the one after, found in one pass (addDenseThree); null
 * when the model takes no vectors or the word has none. The own sums go into the word's scores, the others are WordEntry.near.
 */
function vectorSums(tagger: EntityTagger, x: Float32Array | undefined): Float32Array | null {
  const dense = tagger.model.dense;
  if (!tagger.vectors || !dense || !x) return null;
  const T = tagger.model.tags.length;
  const out = new Float32Array((tagger.vectors.near ? 3 : 1) * T);
  if (tagger.vectors.near) addDenseThree(out, 0, x, dense, T);
  else addDense(out, 0, x, dense, T);
  return out;
}

function wordCache(tagger: EntityTagger, domain: string | undefined): WordCache {
  let byDomain = WORD_CACHE.get(tagger);
  if (!byDomain) {
    byDomain = new Map();
    WORD_CACHE.set(tagger, byDomain);
  }
  let cache = byDomain.get(domain ?? '');
  if (!cache) {
    const { rows, known } = wordRows(tagger, null, domain);
    const edge: WordEntry = { rows, known, near: null, lower: '', shape: '', code: 0, maxLength: undefined, lists: 0 };
    cache = { edge, words: new Map() };
    byDomain.set(domain ?? '', cache);
  }
  return cache;
}

function wordEntry(tagger: EntityTagger, cache: WordCache, word: string, domain: string | undefined): WordEntry {
  let e = cache.words.get(word);
  if (!e) {
    const stats = tagger.gazetteer.stats;
    // The word's vector (when the model takes them) times the model's weights, once for its own scores and for its neighbours'.
    const v = tagger.vectors;
    const sums = vectorSums(tagger, v ? wordVector(word, v.table, v.scale) : undefined);
    // Each property written out, not spread from wordRows' result: V8 gives an object spread and then extended a map of
    // its own, and every read of the entries' properties would then miss its inline cache.
    const { rows, known } = wordRows(tagger, word, domain, sums);
    const lower = word.toLowerCase();
    e = {
      rows,
      known,
      near: sums && v?.near ? sums.subarray(tagger.model.tags.length) : null,
      lower,
      shape: wordShape(word),
      code: stats?.get(lower) ?? 0,
      maxLength: tagger.gazetteer.maxLength.get(word),
      lists: wordLists(word),
    };
    if (cache.words.size >= WORD_CACHE_MAX) cache.words.clear();
    cache.words.set(word, e);
  }
  return e;
}

/**
 * Words that alone are never a name: pronouns and determiners (in quoted
 * speech "I" opens many sentences, and one misreading of it, spread by the
 * document pass, named the organisation "I" in a story's record), a courtesy
 * title or an office without its holder ("Mr", "the President said"), and
 * the institutions of a state that Commonwealth copy capitalizes without
 * naming the state ("the Government's claims", "questions put by the
 * Opposition", "the Chancellor presented his ninth Budget"), and "No." or
 * "Nos.", a number's abbreviation ("the [No.] 2 Democrat", "Case [No.]
 * 07-16620", "[No.] 18 (Netherlands East Indies) Squadron").
 */
const NEVER_ALONE: ReadonlySet<string> = new Set(
  'I Me My We Us Our You Your He Him His She Her It Its They Them Their This That These Those The A An Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sen Sen. Gov. Rep. President Premier Senator Governor Minister Mayor Chairman Government Opposition Budget No. Nos.'.split(' '),
);
/** Bodies that news names by their kind alone after "the" ("the Senate", "the Council", "the Ministry"): a sentence's "The" before one is no part of the name. */
const GENERIC_BODIES: ReadonlySet<string> = new Set(
  'Senate Congress Parliament Assembly Council Commission Ministry Department Cabinet Court Police Army Navy Union Unions Committee Board Authority Coalition Party'.split(' '),
);
/** Words before "Bill" that make it a piece of legislation, not a person ("the Bill passes", "a Bill that would"). */
const BILL_DETERMINERS: ReadonlySet<string> = new Set(['the', 'The', 'a', 'A', 'this', 'This', 'his', 'its', 'their']);
/** Small words that a line in title case capitalizes ("Thanks From Bill"): no part of a Bill's title. */
const TITLE_CASE_SMALL: ReadonlySet<string> = new Set(['From', 'To', 'For', 'And', 'Or', 'Of', 'With', 'By', 'At', 'In', 'On', 'As', 'Thanks', 'Dear', 'Hi']);

/**
 * Whether "Bill" alone at `i` is legislation: after a determiner ("the
 * Bill"), after the capitalized words of its title ("the 2005 Finance
 * Bill", "the Electoral Finance Bill"; not a courtesy title), or before its number
 * ("Bill C-38", "Bill 12").
 */
function isLegislation(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1]?.text ?? '';
  const after = tokens[i + 1]?.text ?? '';
  return BILL_DETERMINERS.has(before) || (startsCapitalized(before) && /\p{Ll}/u.test(before) && !HONORIFICS.has(before) && !TITLE_CASE_SMALL.has(before)) || /^(?:[A-Z]-)?\d/.test(after);
}

/** Offices ("Prime Minister", "the Chancellor", "the King", "Crown Prince"): a name of these words alone, one of them a head, is no name. */
const OFFICE_HEADS: ReadonlySet<string> = new Set(
  'Minister Ministers President Chancellor King Queen Prince Princess Pope Bishop Archbishop Secretary-General Attorney-General Leader Speaker Premier Senator Governor Mayor Chairman Secretary Lord'.split(' '),
);
/** Words that qualify an office ("Prime", "Vice", "Health Minister"). */
const OFFICE_QUALIFIERS: ReadonlySet<string> = new Set(
  'Prime Vice Deputy Crown Foreign Defence Defense Interior Home Health Finance Justice Trade Economy Education Majority Minority General State'.split(' '),
);

/** Words before a one-word office that make it the office ("the King", "the Chancellor"). */
const OFFICE_DETERMINERS: ReadonlySet<string> = new Set(['the', 'The', 'his', 'her', 'its', 'their', 'former', 'late']);

/**
 * A name written in letters of another script than Latin ("Александр Градский", "Αττικό Μετρό"): in English text (the
 * only text the tagger reads) the gloss of a name given beside it in Latin letters, no name of its own, as the public
 * sets annotate it.
 */
const inOtherScript = (words: readonly string[]): boolean => !words.some((w) => LATIN_LETTER.test(w)) && words.some((w) => HAS_LETTER.test(w));
// Expressions of the module, not literals in the function: a literal makes a new expression object at every call. The
// test for a Latin letter comes first: a name's first word has one, and the answer is no after one test.
const LATIN_LETTER = /\p{Script=Latin}/u;
const HAS_LETTER = /\p{L}/u;

/**
 * Tags without the names that open with a figure and hold no capital letter ("the [30-year-old wing] announced", "the
 * [13th]", "[30p]"), and without a rank read as a name ("the [No. 1] soft drink maker"): in formal text a person's, place's or organisation's name that starts with a figure has capitals
 * after it ("3M", "7-Eleven"). Lowercase names of words (posts' "london", a page's "rwanda") are left to the tagger:
 * over the texts at hand about as many such are right as wrong.
 */
export function figureSpansAreNoNames(tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const { from, to, type } of bioSpans(tags)) {
    // A rank is no name either ("the [No. 1] soft drink maker", "fell to [No. 18]").
    const rank = to - from === 2 && (tokens[from] as Token).text === 'No.' && /^\d+$/.test((tokens[from + 1] as Token).text);
    if (type === 'MISC' || (!rank && (!/^\d/.test((tokens[from] as Token).text) || tokens.slice(from, to).some((t) => /\p{Lu}/u.test(t.text))))) continue;
    out ??= [...tags];
    for (let k = from; k < to; k++) out[k] = 'O';
  }
  return out ?? (tags as string[]);
}

/** A count that opens a sentence ("Thirteen", "Twenty-five", "Dozens", "Several"): capitalized there, no word of a name after it. */
const COUNT_WORD = /^(?:Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fourteen|Fifteen|Sixteen|Seventeen|Eighteen|Nineteen|(?:Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|Dozens|Hundreds|Thousands|Several|Both|Many)$/;
/** Marks that end a sentence, open a quotation or a list's item, or end a dateline before a sentence's first word. */
const SENTENCE_OPENERS: ReadonlySet<string> = new Set(['.', '!', '?', ':', ';', '"', '“', '”', '*', '•', '-', '–', '—']);

/**
 * Tags where a count that opens a sentence was read as a name's first word ("[Thirteen Pakistani Taliban] fighters were
 * killed", "[Two California] lawmakers", "[Twelve Balochistan Liberation Army] gunmen"): the name is the words after
 * it, where those words are a name by themselves: a place or an organisation the gazetteer knows, a name the text tags
 * elsewhere, or a people's name first. A name that opens with a count of its own stays whole ("Six Flags", "Nine
 * Network", "Four Seasons"), and so does one inside a sentence ("the Three Mile Island plant").
 */
export function countsOffNames(text: string, tokens: readonly Token[], tags: readonly string[]): string[] {
  let out: string[] | undefined;
  let named: Set<string> | undefined;
  for (let i = 0; i < tags.length; i++) {
    if (!(tags[i] as string).startsWith('B-') || !COUNT_WORD.test((tokens[i] as Token).text)) continue;
    const j = spanEnd(tags, i);
    if (j < i + 2) continue;
    const opens = i === 0 || SENTENCE_OPENERS.has((tokens[i - 1] as Token).text) || lineBreakAfter(text, tokens, i - 1);
    if (!opens) continue;
    const rest = nameText(tokens, i + 1, j);
    named ??= new Set(bioSpans(tags).map((x) => nameText(tokens, x.from, x.to)));
    if (!PLACES.has(rest) && !KNOWN_ORGS.has(rest) && !named.has(rest) && !DEMONYMS.has((tokens[i + 1] as Token).text)) continue;
    out ??= [...tags];
    out[i] = 'O';
    out[i + 1] = beginTag((tags[i] as string).slice(2));
    i = j - 1;
  }
  return out ?? (tags as string[]);
}

/** A word in lowercase letters alone, hyphens between ("western", "east-central", "of"): no capital anywhere in it. */
const LOWERCASE_WORD = /^\p{Ll}+(?:-\p{Ll}+)*$/u;
/** Lowercase words that open names: particles of persons' names ("de Gaulle", "al-Assad", "bin Laden"), and "the" (the public sets' own conventions differ). */
const LOWERCASE_OPENERS: ReadonlySet<string> = new Set([...NAME_PARTICLES, 'the', 'y', 'e', 'ben', 'ter', 'te', 'zu', 'op', 'dela', 'delos', 'dei', 'degli', 'ten', 'af', 'av']);

/**
 * Tags where a name of several words opens with words in lowercase before its capitalized rest ("in [western Burundi]",
 * "in [midtown Manhattan]", "shareholder [of News Corporation]", "moved to [northern Australia]"): the lowercase words are
 * no part of it (a direction, a district's kind, a preposition the tagger ran over), and the name is its capitalized
 * rest. Only words the word statistics know in lowercase too (not a given name a post writes in lowercase), not a particle of a person's name or "the", and not
 * a name in lowercase throughout, as posts write names ("vampire weekend").
 */
export function lowercaseWordsOffNames(tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  let out: string[] | undefined;
  // A word the statistics know in lowercase ("western", "rapper", "of"); not a given name, always capitalized in news, that a
  // post writes so ("By samantha Fox").
  const common = (w: string): boolean => LOWERCASE_WORD.test(w) && !LOWERCASE_OPENERS.has(w) && stats !== undefined && !capitalizedOrUnknown(w, stats);
  for (let i = 0; i < tags.length; i++) {
    if (!(tags[i] as string).startsWith('B-')) continue;
    const j = spanEnd(tags, i);
    let k = i;
    while (k < j - 1 && common((tokens[k] as Token).text)) k++;
    if (k > i && startsCapitalized((tokens[k] as Token).text)) {
      out ??= [...tags];
      for (let m = i; m < k; m++) out[m] = 'O';
      out[k] = beginTag((tags[i] as string).slice(2));
    }
    i = j - 1;
  }
  return out ?? (tags as string[]);
}

/** Parties named by their members ("the Greens", "the Christian Democrats", "the Tories"). */
const PARTY_PLURALS: ReadonlySet<string> = new Set(
  'Democrats Republicans Greens Liberals Conservatives Socialists Communists Tories Nationalists Unionists Labourites Whigs'.split(' '),
);

/** Greetings that open a letter or a post before a name ("Hey Vladi", "Dear Nina"). */
const GREETINGS: ReadonlySet<string> = new Set(['Hey', 'Hi', 'Hello', 'Dear']);

/**
 * Tags without the names that are one word of NEVER_ALONE ("[I] think", "[Ms] said"), a Bill of parliament
 * ("the [Bill] passes") or an office without its holder ("said [Prime Minister] Hashim Thaci", "the [Chancellor] presented");
 * longer names keep such words ("I Dewa Gede Budjana", "Bill Clinton", "King Abdullah"); an office of one word goes
 * only after a determiner ("the King", not "displacing Lord, 40,"), and not when the text gives a person that surname
 * ("Coretta Scott King ... the King family"); an office named by its portfolio ("Minister of Defence", "Secretary of [State]") unless read as a person; and a sentence's "The" comes off a
 * body named by its kind ("[The Senate]": Senate; "[The Government]": none), off an organisation's name that ends with
 * one ("[The National Party]": National Party) and off a party named by its members ("[The Greens]": Greens), not off a
 * newspaper's ("The Times"); a greeting comes off the person after it ("[Hey] Vladi");
 * a name in another script than Latin is a gloss, no name ("Alexander Gradsky (Russian: [Александр Градский])").
 */
export function dropLoneWords(tokens: readonly Token[], tags: readonly string[]): string[] {
  const out = [...tags];
  const surnames = surnamesOfFullNames(tokens, tags);
  for (let i = 0; i < out.length; i++) {
    const tag = out[i] as string;
    if (!tag.startsWith('B-')) continue;
    const j = spanEnd(out, i);
    const w = (tokens[i] as Token).text;
    const words = tokens.slice(i, j).map((t) => t.text);
    const lone = j === i + 1 && (NEVER_ALONE.has(w) || (w === 'Bill' && isLegislation(tokens, i)));
    // One word alone is an office only after a determiner ("the King", not "displacing Lord, 40," or "Mrs King").
    const office = words.some((x) => OFFICE_HEADS.has(x)) && words.every((x) => OFFICE_HEADS.has(x) || OFFICE_QUALIFIERS.has(x)) && (j > i + 1 || (OFFICE_DETERMINERS.has(tokens[i - 1]?.text ?? '') && !surnames.has(w)));
    // An office named by its portfolio ("Minister of Defence", "Secretary of State for Transport"), no person's name in it.
    const officeOf =
      tag !== 'B-PER' &&
      ((OFFICE_HEADS.has(w) && words[1] === 'of') ||
        // ... or its portfolio alone after it ("Secretary of [State]").
        (OFFICE_HEADS.has(tokens[i - 2]?.text ?? '') && tokens[i - 1]?.text === 'of' && words.every((x) => OFFICE_QUALIFIERS.has(x))));
    if (lone || office || officeOf || inOtherScript(words)) for (let k = i; k < j; k++) out[k] = 'O';
    else if (w === 'The' && j === i + 2 && (NEVER_ALONE.has(words[1] as string) || GENERIC_BODIES.has(words[1] as string))) {
      // "The Government", "The Senate" at a sentence's start: "The" is no part of the name, and the word alone is judged as such.
      out[i] = 'O';
      out[i + 1] = NEVER_ALONE.has(words[1] as string) ? 'O' : beginTag(tag.slice(2));
    } else if (tag === 'B-PER' && j > i + 1 && GREETINGS.has(w)) {
      // "Hey Vladi", "Dear Nina": a letter's or a post's greeting is no part of the name after it.
      out[i] = 'O';
      out[i + 1] = 'B-PER';
    } else if (w === 'The' && tag === 'B-ORG' && ((j > i + 1 && PARTY_PLURALS.has(words[words.length - 1] as string)) || (j > i + 2 && GENERIC_BODIES.has(words[words.length - 1] as string)))) {
      // "The Greens", "The Christian Democrats": a party named by its members; "The National Party", "The European
      // Commission": a longer name that ends with a body named by its kind. "The" is no part of the name.
      out[i] = 'O';
      out[i + 1] = 'B-ORG';
    }
    i = j - 1;
  }
  return out;
}

/** A word of two to four capitals (and "&"): an acronym ("RIM", "RCTV", "HANO"), in formal text seldom a person. */
const ACRONYM = /^\p{Lu}[\p{Lu}&]{1,3}$/u;
/** A word in capitals of two letters or more: around a name, the mark of a line written in capitals ("VICE PRESIDENT CHENEY AND"). */
const CAPS_WORD = /^\p{Lu}{2,}$/u;

/**
 * Tags where a person of one word that is an acronym ("Research In Motion
 * (RIM)", "RCTV's licence", "HANO has not provided") is an organisation. The
 * tagger reads such words by their sound; in English Wikinews text its
 * persons of one word in capitals were organisations' or treaties' acronyms
 * 37 times in 39 (the others were surnames in a line written in capitals,
 * which the words around them tell apart). Longer words in capitals are
 * left alone: legal and official text writes surnames so ("SCALIA filed a
 * dissenting opinion"). Formal text only (posts write people's handles and
 * initials in capitals: "@VDOOZER", "Happy birthday MJ").
 */
export function acronymsAreNoPersons(tokens: readonly Token[], tags: readonly string[]): string[] {
  const out = [...tags];
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== 'B-PER' || (i + 1 < out.length && out[i + 1] === 'I-PER') || !ACRONYM.test((tokens[i] as Token).text)) continue;
    // The words around, '' past either end (no read outside the array, which optimized code meets for the first time only at a text's edge).
    const before = i > 0 ? (tokens[i - 1] as Token).text : '';
    const after = i + 1 < tokens.length ? (tokens[i + 1] as Token).text : '';
    if (before === '@' || CAPS_WORD.test(before) || CAPS_WORD.test(after)) continue;
    out[i] = 'B-ORG';
  }
  return out;
}

/**
 * What a person's full name ("Efraim Diveroli") counts for the lone surname
 * ("Diveroli") in harmonize's vote: more than one other reading of the
 * surname alone, so that news copy's later mentions ("said Diveroli",
 * "according to Cox"), which the tagger often types by the word's sound as a
 * place or an organisation, go with the person; two other readings still
 * win ("Ford" the company after "Henry Ford"). It was 0.5 (a person only
 * where the surname had no other reading). Over every fifth Wikinews
 * politics/economy article (1,111) 80 lone-surname mentions became the
 * person, all but one rightly ("Haulage firm Preston's", named after its
 * founder).
 */
const SURNAME_VOTE = 1.5;

/**
 * Document-level consistency: a name tagged as an entity somewhere is tagged the
 * same (majority type) wherever else it occurs capitalized, and a lone surname of
 * a tagged person is that person (SURNAME_VOTE).
 */
export function harmonize(tokens: readonly Token[], tags: string[]): string[] {
  const words = tokens.map((t) => t.text);
  const votes = new Map<string, Map<string, number>>();
  const spans = bioSpans(tags);
  for (const { from: i, to: j, type } of spans) {
    const key = words.slice(i, j).join(' ');
    const v = votes.get(key) ?? new Map<string, number>();
    v.set(type, (v.get(type) ?? 0) + 1);
    votes.set(key, v);
    if (type === 'PER' && j - i >= 2) {
      const last = words[j - 1] as string;
      const lv = votes.get(last) ?? new Map<string, number>();
      lv.set('PER', (lv.get('PER') ?? 0) + SURNAME_VOTE);
      votes.set(last, lv);
    }
  }
  if (votes.size === 0) return tags;
  const best = new Map<string, { type: string; len: number }>();
  const maxLen = new Map<string, number>();
  for (const [key, v] of votes) {
    const sorted = [...v.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    const top = sorted[0] as [string, number];
    if (sorted[1] && sorted[1][1] === top[1]) continue;
    const parts = key.split(' ');
    best.set(key, { type: top[0], len: parts.length });
    maxLen.set(parts[0] as string, Math.max(maxLen.get(parts[0] as string) ?? 0, parts.length));
  }
  const out = [...tags];
  for (let i = 0; i < words.length; i++) {
    const max = maxLen.get(words[i] as string);
    if (!max || !startsCapitalized(words[i] as string)) continue;
    for (let len = Math.min(max, words.length - i); len >= 1; len--) {
      const b = best.get(len === 1 ? (words[i] as string) : words.slice(i, i + len).join(' '));
      if (!b) continue;
      // Only untagged tokens are filled; a span that is part of a longer name stays as it is.
      const free = out.slice(i, i + len).every((t) => t === 'O') && (out[i + len] ?? 'O').startsWith('I-') === false;
      const sameSpanOtherType = out[i] === `B-${out[i]?.slice(2)}` && (out[i + len] ?? 'O').startsWith('I-') === false && out.slice(i + 1, i + len).every((t) => t === `I-${out[i]?.slice(2)}`);
      if (free || sameSpanOtherType) {
        out[i] = beginTag(b.type);
        for (let k = i + 1; k < i + len; k++) out[k] = insideTag(b.type);
      }
      i += len - 1;
      break;
    }
  }
  return out;
}

/** Adds the rules' typed names where the model found nothing over their whole span. */
export function fillFromRules(tags: readonly string[], rules: readonly string[]): string[] {
  const out = [...tags];
  for (const { from: i, to: j } of bioSpans(rules)) {
    if (out.slice(i, j).every((t) => t === 'O') && !(out[j] ?? 'O').startsWith('I-')) {
      for (let k = i; k < j; k++) out[k] = rules[k] as string;
    }
  }
  return out;
}

/**
 * The emission scores (n x T) of each sentence range of a document: per
 * token, the summed weights of its own features (once per word), of its
 * document contexts (once per word and document), then of its context
 * features, added one by one in the order visitContextFeatures gives them;
 * the rows of those that come from one neighbour's word alone are looked up
 * once per word (WordEntry.rows).
 */
export function documentEmissions(
  text: string,
  tokens: readonly Token[],
  ranges: ReadonlyArray<readonly [number, number]> = sentenceRanges(text, tokens),
  tagger: EntityTagger = entityTagger(),
  ruleTokens: readonly Token[] = tokenize(text),
): Float32Array[] {
  const rules = ruleLabels(text, tokens, ruleTokens).labels;
  const seen = lowercaseSeen(tokens);
  const domain = documentDomain(text);
  const docContexts = DOC_CONTEXTS ? documentContexts(tokens.map((t) => t.text)) : undefined;
  const { model } = tagger;
  const T = model.tags.length;
  const W = model.weights;
  // The document-context features of a word are the same wherever it occurs: summed once per word.
  const docScores = new Map<string, Float32Array>();
  if (docContexts) {
    let v = new Float32Array(T);
    const add = withDomain(domain, (_i, p, c) => {
      const at = tagger.context(p, c);
      if (at === undefined) return;
      addRow(v, 0, W, at, T);
    });
    for (const [word, contexts] of docContexts) {
      v = new Float32Array(T);
      for (const c of contexts) add(0, 'd=', c);
      docScores.set(word, v);
    }
  }
  const cache = wordCache(tagger, domain);
  const { edge } = cache;
  const copies = domain ? 2 : 1;
  // One array for the document's scores and a view of it per sentence: an array of its own each costs an allocation.
  let size = 0;
  for (const [from, to] of ranges) size += to - from;
  const all = new Float32Array(size * T);
  let offset = 0;
  return ranges.map(([from, to]) => {
    const n = to - from;
    const words = new Array<string>(n);
    const entries = new Array<WordEntry>(n);
    const lower = new Array<string>(n);
    const shapes = new Array<string>(n);
    const codes = new Array<number>(n);
    const maxLengths = new Array<number | undefined>(n);
    const lists = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const w = (tokens[from + i] as Token).text;
      const e = wordEntry(tagger, cache, w, domain);
      words[i] = w;
      entries[i] = e;
      lower[i] = e.lower;
      shapes[i] = e.shape;
      codes[i] = e.code;
      maxLengths[i] = e.maxLength;
      lists[i] = e.lists;
    }
    const em = all.subarray(offset, offset + n * T);
    offset += n * T;
    for (let i = 0; i < n; i++) {
      const v = (entries[i] as WordEntry).rows;
      const d = docScores.get(words[i] as string);
      for (let t = 0; t < T; t++) em[i * T + t] = (v[t] as number) + (d ? (d[t] as number) : 0);
      // The vectors of the words before and after it (within the sentence).
      const before = i > 0 ? (entries[i - 1] as WordEntry).near : null;
      const after = i + 1 < n ? (entries[i + 1] as WordEntry).near : null;
      if (before) addRow(em, i * T, before, 0, T);
      if (after) addRow(em, i * T, after, T, T);
    }
    const input = {
      words, gazetteer: gazetteerMarks(words, tagger.gazetteer, maxLengths), rules: rules.slice(from, to), lowercaseSeen: seen, domain, stats: tagger.gazetteer.stats, lower, shapes, codes, lists,
      // The rows a token takes from a neighbour's word: copied once per word, added in their place in the order.
      neighbour: (i: number, j: number, feature: number) => {
        const e = (j < 0 || j >= n ? edge : entries[j]) as WordEntry;
        const side = j < i ? 0 : 1;
        for (let copy = 0; copy < copies; copy++) {
          const slot = neighbourSlot(side, feature, copy, copies);
          if (e.known & (1 << slot)) addRow(em, i * T, e.rows, slot * T, T);
        }
      },
    };
    visitContextFeatures(input, (i, p, value) => {
      const at = tagger.context(p, value);
      if (at !== undefined) addRow(em, i * T, W, at, T);
    });
    return em;
  });
}

/** BIO tags of the given tokens of `text` (tokens in text order, with offsets into it). */
export function labelTokens(
  text: string,
  tokens: readonly Token[],
  ranges: ReadonlyArray<readonly [number, number]> = sentenceRanges(text, tokens),
  tagger: EntityTagger = entityTagger(),
  ruleTokens: readonly Token[] = tokenize(text),
): string[] {
  const cased = readCased(text, tokens, tagger);
  return labelCased(cased.text, cased.tokens, ranges, tagger, cased.text === text ? ruleTokens : tokenize(cased.text), text);
}

/**
 * An em or en dash, a horizontal bar, or two or three hyphens standing for one: a mark that sets off part of a sentence.
 * A single hyphen is left alone: tokenized text writes "Coca - Cola" and "al - Qaeda" with it.
 */
export function isSentenceDash(word: string): boolean {
  if (word === '--' || word === '---') return true;
  const c = word.charCodeAt(0);
  return (c === 0x2013 || c === 0x2014 || c === 0x2015) && /^[\u2013-\u2015]{1,3}$/.test(word);
}

/**
 * labelTokens on a text whose lines in capitals are already read in ordinary case (readCased), with the rules' tokens
 * of that text; `original` is the text as written (the same offsets), where the wire conventions read datelines.
 */
function labelCased(
  text: string,
  tokens: readonly Token[],
  ranges: ReadonlyArray<readonly [number, number]>,
  tagger: EntityTagger,
  ruleTokens: readonly Token[],
  original: string,
): string[] {
  const { model, allowed } = tagger;
  const T = model.tags.length;
  const out = new Array<string>(tokens.length).fill('O');
  const emissions = documentEmissions(text, tokens, ranges, tagger, ruleTokens);
  const none = model.tags.indexOf('O');
  // Viterbi's arrays, once for the longest sentence and reused for each.
  let longest = 0;
  for (const [from, to] of ranges) longest = Math.max(longest, to - from);
  const work = { score: new Float64Array(longest * T), back: new Int32Array(longest * T) };
  ranges.forEach(([from, to], r) => {
    const em = emissions[r] as Float32Array;
    // A dash set off by spaces is no part of a name ("SALTMERE — Storm Idris swept ..." is a dateline and a storm); one
    // between two words can be ("the riding of Parkdale—High Park").
    for (let i = 0; i < to - from; i++) {
      if (!isSentenceDash((tokens[from + i] as Token).text) || !setOffBySpaces(tokens, from + i)) continue;
      for (let k = 0; k < T; k++) if (k !== none) em[i * T + k] = -Infinity;
    }
    const best = viterbi(em, to - from, T, model.transitions, allowed, work);
    for (let i = 0; i < to - from; i++) out[from + i] = model.tags[best[i] as number] as string;
  });
  // Filling the model's gaps with the rules' names (fillFromRules) was measured and lost on wikigold and BTC: not used.
  // The wire conventions inform the document pass (a team of a table is a team in the story too), and the lines they read keep that reading.
  const stats = tagger.gazetteer.stats;
  const wire = wireConventions(text, tokens, original, stats);
  const formal = textDomain(text) === 'formal';
  // The name passes shape the names before the document pass spreads them, in this order:
  let tags = wire(countriesOffPersons(tokens, out)); // a country before a person, read as one person ("the President of [Venezuela] [Hugo Chávez]")
  tags = abbreviatedCountries(text, tokens, tags); // "[N. Korea]" read as a person
  tags = typeKindAppositives(tokens, tags, stats); // names introduced by their kind ("automaker Nissan", "Veja, a magazine,")
  tags = personsAfterRoles(tokens, tags, stats, text); // persons introduced by their role ("Foreign Ministry spokesman Qin Gang")
  tags = acronymsBeforeOffices(tokens, tags); // "[BOJ] Governor Yasuo Matsushita"
  tags = agenciesBeforeTheirKind(tokens, tags); // "the official [Antara] news agency"
  tags = publicationsBeforeTheirKind(tokens, tags, stats); // "told [Time] magazine", "the [Guardian] newspaper"
  tags = hyphenatedNewspapers(text, tokens, tags); // "the [Richmond Times-Dispatch]"
  tags = bodiesReadAsPlaces(tokens, tags); // "the [Scottish Parliament]", "the [San Francisco Chronicle]" read as places
  tags = groupsBeforeTheirFighters(tokens, tags, stats); // "[Hizbollah] guerrillas"
  tags = airlinesBeforeTheirFlights(tokens, tags); // "[Pan Am] flight 103"
  tags = pollstersBeforePolls(tokens, tags); // "a [Gallup] poll"
  tags = companiesByTheirPriceMoves(tokens, tags, stats); // "[Cheung Kong] rose 25 cents"
  tags = eponymsAreNoPersons(tokens, tags); // things named after persons ("the Jerry Springer Show")
  tags = leadersGovernmentsAreNoNames(tokens, tags); // a government named after its leader ("the [Bush] Administration")
  tags = namesBeforePartyAreOrganisations(tokens, tags, stats); // a party's name before "party" ("the [Māori] party")
  tags = venuesArePlaces(tokens, tags, tagger.gazetteer); // buildings, venues and natural features ("Narita Airport", "Trump Tower", "Gull Point")
  tags = addressesArePlaces(tokens, tags); // "610 [E. Roosevelt St.]"
  tags = venuesAfterTheirNames(text, tokens, tags); // "[John F. Kennedy International Airport]"
  tags = townsBeforeTheirCountries(tokens, tags); // a town placed in its country, state or city ("in [Des Moines], Iowa")
  tags = knownPlacesReadAsPersons(tokens, tags, tagger.gazetteer); // a known place read as a person where a place stands ("in [Khan Yunis]")
  tags = placesAfterStrikes(tokens, tags); // a place read as a person where a strike hits ("a missile strike on [Kryvyi Rih]")
  tags = eventsAndLawsAreMisc(text, tokens, tags); // events, laws, awards, indexes ("G8 Summit", "Clean Air Act")
  tags = regionalAdjectivesAreMisc(tokens, tags); // "other [Middle Eastern] countries"
  tags = worksAreMisc(tokens, tags); // works named after their kind ("the film [Lage Raho Munnabhai]")
  tags = joinCoordinatedNames(tokens, tags, stats); // "Institute of Electrical and Electronics Engineers"
  tags = joinListsBeforeHeads(tokens, tags, stats); // "Flood Forecasting and Warning Centre"
  tags = firmsJoinedByAmpersand(text, tokens, tags, stats); // "[Marks & Spencer]", "[Standard & Poor's]"
  tags = firmsOfWordsJoinedByAnd(tokens, tags, stats); // "[Cable and Wireless] said"
  tags = knownNamesApart(tokens, tags, stats, tagger.gazetteer); // "[RIA Novosti] and [Interfax]", "the [House] and [Senate]"
  tags = joinOrganisationPurposes(tokens, tags, stats); // "Council | on Foreign Relations"
  tags = joinOrganisationPlaces(tokens, tags); // "Communist Party | of | Britain"
  tags = branchesInCountries(text, tokens, tags); // "[Wal-Mart Canada]", "[Police Scotland]"
  tags = namesSplitAtInitials(text, tokens, tags); // "[John F.] [Kennedy School]", "[J.] [Dennis Hastert]"
  tags = divisionsOfPlaces(tokens, tags, tagger.gazetteer); // "[Chittoor District] of [Andhra Pradesh]", "[District of Columbia]"
  tags = knownPlacesJoinedByOf(tokens, tags); // "[Democratic Republic of the Congo]"
  tags = joinNameParticles(tokens, tags); // particles in people's names ("Mohammed bin Salman")
  tags = extendNamesToTheirAcronyms(text, tokens, tags); // a name's first words its acronym names ("The [Brain] Injury Rehabilitation Trust (BIRT)")
  tags = trimNameTails(tokens, tags); // where a name ends ("[Fujian] province")
  // After the tails are off: the tagger runs a person over the noun after a place ("[Abu Ghraib prison]"), and the vote
  // would carry that person over the text.
  tags = placesBeforePlaceNouns(tokens, tags); // places read as persons ("the Abu Ghraib prison")
  tags = scoresOffResultSides(text, tokens, tags); // a result's second score ("Sheffield Wednesday 1 [Leeds] 2.")
  tags = articlesOffNames(tokens, tags); // "A [High Court] judge", "with the [Chamber of Mines]"
  tags = companyFormsEndNames(tokens, tags, stats); // "[McDonnell Douglas Corp.] The [Federal Trade Commission]"
  tags = foreignOrganisations(text, tokens, tags, stats); // "[Banco Santander]", "[Compagnie Generale des Eaux]"
  tags = possessiveOrganisations(tokens, tags); // "[Bank of England]'s [Monetary Policy Committee]"
  tags = possessivesOfPlaces(tokens, tags); // "[Lloyd's of London]"
  tags = possessiveNamesWhole(tokens, tags); // "the [Chinese People's Liberation Army]", "the [Kurdistan Workers' Party]"
  tags = titlesOffPersons(tokens, tags); // "Prime Minister [John] Major", "President [Bill Clinton]"
  tags = surnamesThatAreTitles(tokens, tags); // "[John Major]"
  tags = lateTitlesOutOfNames(tokens, tags); // "Director-General [Diouf]"
  tags = countsOffNames(text, tokens, tags); // a sentence's count off the name after it ("[Thirteen] Pakistani Taliban fighters")
  tags = dropLoneWords(tokens, tags); // words that alone are no name ("I", "the Government", "the Bill")
  if (formal) tags = acronymsAreNoPersons(tokens, tags); // "RIM", "RCTV"
  // The document pass: each name's reading voted over the text.
  tags = harmonize(tokens, tags);
  // An organisation's first word the tagger left out ("the [Combatant] Status Review Tribunal"), where the name has its head word or recurs whole.
  tags = organisationsLastWords(tokens, organisationsFirstWords(tokens, tags, stats)); // and its business head word ("[Paramount] Pictures")
  // After it, whatever it voted: an acronym the text defines after an organisation's name ("Electronic Data Systems
  // (EDS)") is that organisation wherever it stands alone; so is a one-word name the text writes before a company form or
  // its stock ("Calpine shareholders").
  tags = typeDefinedAcronyms(tokens, tags);
  tags = companiesByTheirStock(tokens, tags, stats);
  // A firm placed by its seat ("Euroclear, based in Brussels,"), there and wherever the text names it so.
  tags = firmsBasedIn(tokens, tags, stats);
  // The names of a list after an organisation's kind in the plural ("the unions CGIL and UIL").
  tags = membersAfterPluralKinds(tokens, tags, stats);
  // A firm called by its first word once the text has named it whole ("Fidelity Investments ... [Fidelity] declined to comment").
  tags = firmsByTheirFirstWord(tokens, tags, tagger.gazetteer);
  // A band or another group named with its members ("[Nirvana] frontman Kurt Cobain", "members of [Batasuna]").
  tags = groupsByTheirMembers(tokens, tags);
  // A firm the tagger read as a person, named with its staff ("traders at Merrill Lynch", "JP Morgan economist John Lipsky").
  tags = employersOfStaff(tokens, tags, stats);
  if (formal) {
    // A firm or an app written in two capitalized parts, read as a person the text names nowhere else ("[TikTok]",
    // "[HubSpot]"); not in posts, whose users' names are written so ("JacobWhitesides", BTC's persons).
    tags = joinedCapitalsAreNoPersons(tokens, tags);
    // And one written before what only a service has or does ("[Shopify]'s app store", "[Instagram] users", "[Kajabi] lets you").
    tags = servicesAreNoPersons(tokens, tags);
  }
  // A club called by its first word in a match report ("Riverside United ... Northgate had led").
  tags = clubsByTheirFirstWord(tokens, tags);
  // A team a match report names by its town, in a team's part ("Barnsley manager Danny Wilson", "a 2-1 win over Portsmouth").
  tags = teamsInMatchReports(text, tokens, tags, stats);
  // A county's side named before its total on a cricket results line ("Leicestershire 401-8 declared").
  tags = sidesByTheirTotals(text, tokens, tags);
  // The sides of a list of fixtures, a line each ("KANSAS CITY AT DETROIT").
  tags = fixtureLines(text, tokens, tags);
  // The players of a tennis result, by the sets' scores after it ("Sampras beat Ivanisevic 6-3 6-4").
  tags = playersBySetScores(text, tokens, tags, stats);
  // Players listed with their clubs in brackets ("Dennis de Nooijer (Heerenveen)").
  tags = clubsAfterPlayers(tokens, tags);
  // A country before a possessive the tagger left untagged ("Britain 's Prime Minister" at a line's start).
  tags = countriesBeforePossessives(tokens, tags);
  // A ship named after its prefix, whatever the tagger and the document pass read ("the USS Harry S. Truman").
  tags = shipsAreMisc(text, tokens, tags);
  // A spacecraft, launcher or mission by its series and number ("[Apollo 13]", "a [Falcon 9] rocket").
  tags = numberedCraftAreMisc(tokens, tags);
  // A share index named with its number or its kind ("the [S&P 500]", "the [Nikkei] average"), whatever was read inside it.
  tags = shareIndexesAreMisc(tokens, tags);
  // A crude oil benchmark ("[Brent] crude", "[West Texas Intermediate]"), and its name alone once the text has named it so.
  tags = oilGradesAreMisc(tokens, tags);
  // A court named by its seat ("[Westminster Magistrates' Court]", "[Liverpool] [Crown Court]").
  tags = courtsBySeat(tokens, tags);
  // A seat of government that acts is the government ("The [Kremlin] said").
  tags = seatsOfGovernmentActing(tokens, tags);
  if (formal) {
    // A lone surname or first name of a person the text names in full ("John McCain ... McCain argued", "Thaksin
    // Shinawatra ... Thaksin") is that person where the tagger read an organisation; a party's label alone or before a
    // member's name ("|| Democrat ||", "Liberal Gerard Kennedy") is an organisation, no person.
    tags = surnamesAreNoOrganisations(tokens, tags);
    tags = firstNamesAreNoOrganisations(tokens, tags, tagger.gazetteer);
    tags = partyLabelsAreNoPersons(tokens, tags);
    tags = figureSpansAreNoNames(tokens, tags);
  }
  // Words that alone are no name stay none after the document pass too (one "Bill" left a person would make every "the Bill" one).
  tags = wire(dropLoneWords(tokens, tags));
  // Lowercase words the tagger ran a name over ("in [western Burundi]"), whichever pass left them.
  tags = lowercaseWordsOffNames(tokens, tags, stats);
  // An acronym of a common noun is no name ("[VPNs]", "[MEPs]", "[AI]", "[GDP]"), whichever pass left it one.
  tags = commonAcronymsAreNoNames(tokens, tags);
  // A ministry named by its portfolio alone ("Foreign Ministry spokesman") is an organisation where the tagger left it untagged.
  return typePortfolioMinistries(tokens, tags);
}

const KIND = { PER: 'person', LOC: 'place', ORG: 'organisation' } as const;

/** Typed mentions from BIO tags (MISC and stray I- tags are dropped). */
export function mentionsFromTags(text: string, tokens: readonly Token[], tags: readonly string[]): Mention[] {
  const out: Mention[] = [];
  for (const { from: i, to: j, type } of bioSpans(tags)) {
    const kind = KIND[type as keyof typeof KIND];
    if (!kind) continue;
    const start = (tokens[i] as Token).start;
    const end = (tokens[j - 1] as Token).end;
    const written = text.slice(start, end);
    // "North Koreans", "Chinese": people of a country are not places; and a name has a letter ("McLaren 1:06.635" had "1" an organisation).
    if ((kind === 'place' && DEMONYMS.has(written)) || !HAS_LETTER.test(written)) continue;
    const name = kind === 'place' ? (PLACES.get(written)?.canonical ?? written) : kind === 'organisation' ? (KNOWN_ORGS.get(written) ?? written) : written;
    const prev = tokens[i - 1]?.text ?? '';
    out.push(newMention(kind, name, start, end, kind === 'person' && j - i === 1 && (HONORIFICS.has(prev) || HONORIFICS.has(`${prev}.`))));
  }
  return out;
}

export type TagEntitiesOptions = {
  /** Most entities kept per kind (by salience). Default 25. */
  maxPerKind?: number;
  /** tokenize(article.text) (the rules' word tokens), when the caller already has it. */
  tokens?: readonly Token[];
  /** nerTokenize(article.text) (the tagger's tokens), when the caller already has it (nerAndWordTokens). */
  nerTokens?: readonly Token[];
};

/** Mentions the trained tagger finds in `text`; `nerTokens` nerTokenize(written), when the caller already has it. */
export function tagEntityMentions(written: string, ruleTokens: readonly Token[] = tokenize(written), nerTokens?: readonly Token[]): Mention[] {
  const tagger = entityTagger();
  // A dated dateline run into the text around it reads as a line of its own (the same offsets).
  const text = datelinesOnTheirLines(written);
  if (text !== written) ruleTokens = tokenize(text);
  const taggerTokens = text === written && nerTokens !== undefined ? nerTokens : nerTokenize(text);
  // Names in capitalised lines are given in ordinary case ("Japan" for "JAPAN"), at their offsets in `text`.
  const { text: cased, tokens } = readCased(text, splitNameParticiples(taggerTokens), tagger);
  const rules = cased === text ? ruleTokens : tokenize(cased);
  return mentionsFromTags(cased, tokens, labelCased(cased, tokens, sentenceRanges(cased, tokens), tagger, rules, text));
}

/**
 * A place in capitals, one to three words, its country or state after a comma, and an ISO date: a wire dateline
 * ("BRUSSELS 1996-08-22", "NEW YORK 1996-08-22", "AL-AIN , United Arab Emirates 1996-12-06").
 */
const DATED_DATELINE = /(?:\p{Lu}[\p{Lu}.'’-]+[ \t]+){1,3}(?:,[ \t]*(?:\p{Lu}[\p{L}.'’-]*[ \t]+){1,4})?\d{4}-\d{2}-\d{2}(?![\d-])/gu;

/**
 * `text` with each dated dateline on a line of its own: "Peter Blackburn BRUSSELS 1996-08-22 The European Commission
 * said" read as "Peter Blackburn\nBRUSSELS 1996-08-22\nThe European Commission said", the space before and after it a
 * line break, so that every offset stays the same. Wire copy sets the place and date on a line of their own; text that
 * runs them into the story (sentences joined by spaces) had the place, the date and the first words read as one name.
 */
export function datelinesOnTheirLines(text: string): string {
  if (!/\d{4}-\d{2}-\d{2}/.test(text)) return text;
  let out: string[] | undefined;
  for (const m of text.matchAll(DATED_DATELINE)) {
    const from = m.index ?? 0;
    const to = from + m[0].length;
    const before = text.charAt(from - 1);
    if (before !== '' && before !== ' ' && before !== '\t' && before !== '\n') continue; // inside a word
    out ??= text.split('');
    if (before === ' ' || before === '\t') out[from - 1] = '\n';
    const after = text.charAt(to);
    if ((after === ' ' || after === '\t') && /\S/.test(text.charAt(to + 1))) out[to] = '\n';
  }
  return out ? out.join('') : text;
}

/**
 * People, places and organisations in an article, by the trained tagger, with
 * the same merging and salience as the rules (extractEntities).
 */
export function tagEntities(article: { title: string; text: string }, opts: TagEntitiesOptions = {}): Entities {
  return mergeMentions(tagEntityMentions(article.text, opts.tokens, opts.nerTokens), article, opts.maxPerKind ?? 25).entities;
}

/** Every resolved mention with its span and merged entity (for evaluation). */
export function tagEntityResolved(article: { title: string; text: string }): ResolvedMention[] {
  return mergeMentions(tagEntityMentions(article.text), article, Number.MAX_SAFE_INTEGER).resolved;
}
