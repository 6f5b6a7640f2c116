/**
 * A first-order structured perceptron over BIO tags (Collins 2002), with
 * averaged weights and exact Viterbi decoding. Pure: the caller supplies the
 * feature strings of each token, and optionally real-valued inputs (word
 * vectors) weighted by a dense block of the model. Used by the entity tagger (tag-entities.ts)
 * and trained by scripts/train-ner.ts.
 */
import { seededRandom, shuffleInPlace } from '../../lib/random.js';

/** Feature name -> row offset in a weight array (a Map, or a packed key table: model-pack.ts). */
export type FeatureIndex = { get(name: string): number | undefined; readonly size: number };

/**
 * Weights of a trained model: per feature, one weight per tag (features maps a
 * feature to its row offset in weights); transitions[(prev + 1) * T + cur], row 0 = sentence start.
 */
export type SequenceModel = {
  tags: readonly string[];
  features: FeatureIndex;
  weights: Float32Array;
  transitions: Float32Array;
  /** Weights of real-valued token inputs (TrainingSentence.dense), dims x T, when the model takes them. */
  dense?: Float32Array;
};

/** allowed[(prev + 1) * T + cur]: BIO forbids I-X except after B-X or I-X. */
export function allowedTransitions(tags: readonly string[]): Uint8Array {
  const T = tags.length;
  const out = new Uint8Array((T + 1) * T);
  for (let p = -1; p < T; p++) {
    for (let c = 0; c < T; c++) {
      const cur = tags[c] as string;
      let ok = true;
      if (cur.startsWith('I-')) {
        const prev = p < 0 ? 'O' : (tags[p] as string);
        ok = prev === `B-${cur.slice(2)}` || prev === cur;
      }
      out[(p + 1) * T + c] = ok ? 1 : 0;
    }
  }
  return out;
}

/** Emission scores (n x T) of each token's features (and real-valued inputs, `dense`). Unknown features weigh nothing. */
export function emissionScores(model: SequenceModel, features: readonly (readonly string[])[], dense?: readonly (ArrayLike<number> | undefined)[]): Float32Array {
  const T = model.tags.length;
  const out = new Float32Array(features.length * T);
  for (let i = 0; i < features.length; i++) {
    const base = i * T;
    for (const f of features[i] as readonly string[]) {
      const at = model.features.get(f);
      if (at === undefined) continue;
      addRow(out, base, model.weights, at, T);
    }
    const x = dense?.[i];
    if (x && model.dense) addDense(out, base, x, model.dense, T);
  }
  return out;
}

/**
 * Adds to the T scores of `out` from `base` the T weights of `src` from `at` (a model row, or one copied into a word's
 * entry), each a float32 sum. A function of its own, not a closure over the scores: in a loop, V8 reads the arguments
 * from registers where it reloaded and checked a closure's scores and `T` on every pass.
 */
export function addRow(out: Float32Array, base: number, src: Float32Array, at: number, T: number): void {
  for (let t = 0; t < T; t++) out[base + t] = (out[base + t] as number) + (src[at + t] as number);
}

/**
 * addRow of the row of `src` at each offset of `ats` in turn: the same float32 sums in the same order, each of the T
 * scores kept in a local over the rows (Math.fround rounds as a Float32Array's store does) rather than read from `out`
 * and written back for every row.
 */
export function addRows(out: Float32Array, base: number, src: Float32Array, ats: readonly number[], T: number): void {
  for (let t = 0; t < T; t++) {
    let sum = out[base + t] as number;
    for (let k = 0; k < ats.length; k++) sum = Math.fround(sum + (src[(ats[k] as number) + t] as number));
    out[base + t] = sum;
  }
}

/** out[base + t] += sum over d of x[d] * w[d * T + t], in a fixed order (float32 sums, as the tagger computes them). */
export function addDense(out: Float32Array, base: number, x: ArrayLike<number>, w: ArrayLike<number>, T: number): void {
  // Each sum is a float32 added to in the order of d (Math.fround rounds as a Float32Array's store does), kept in a
  // local rather than in an array read and written at every product.
  const D = x.length;
  for (let t = 0; t < T; t++) {
    let sum = 0;
    for (let d = 0; d < D; d++) sum = Math.fround(sum + Math.fround((x[d] as number) * (w[d * T + t] as number)));
    out[base + t] = (out[base + t] as number) + sum;
  }
}

/**
 * addDense of one input against three consecutive blocks of `w` (x.length x T each: a word's vector, then the vectors
 * before and after a token, SequenceModel.dense with neighbours), block b's sums added to out[base + b * T, base + (b + 1) * T):
 * the same float32 sums in the same order as an addDense per block, with each value of x read once for the three.
 */
export function addDenseThree(out: Float32Array, base: number, x: ArrayLike<number>, w: ArrayLike<number>, T: number): void {
  const D = x.length;
  const second = D * T;
  const third = 2 * D * T;
  for (let t = 0; t < T; t++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    for (let d = 0; d < D; d++) {
      const xd = x[d] as number;
      const at = d * T + t;
      s0 = Math.fround(s0 + Math.fround(xd * (w[at] as number)));
      s1 = Math.fround(s1 + Math.fround(xd * (w[second + at] as number)));
      s2 = Math.fround(s2 + Math.fround(xd * (w[third + at] as number)));
    }
    out[base + t] = (out[base + t] as number) + s0;
    out[base + T + t] = (out[base + T + t] as number) + s1;
    out[base + 2 * T + t] = (out[base + 2 * T + t] as number) + s2;
  }
}

/** Viterbi's scores and back pointers, n * T each or more: a caller decoding many sentences allocates them once. */
export type ViterbiWork = { score: Float64Array; back: Int32Array };

/** The best tag sequence (tag indexes) for emission scores and transitions, over allowed moves only (`work`: arrays to reuse). */
export function viterbi(emissions: ArrayLike<number>, n: number, T: number, transitions: ArrayLike<number>, allowed: Uint8Array, work?: ViterbiWork): number[] {
  if (n === 0) return [];
  const score = work?.score ?? new Float64Array(n * T);
  const back = work?.back ?? new Int32Array(n * T);
  for (let c = 0; c < T; c++) {
    score[c] = allowed[c] ? (emissions[c] as number) + (transitions[c] as number) : -Infinity;
  }
  // Each tag's allowed predecessors, in ascending order as the loop over all tags met them, with their transitions: BIO
  // allows two of the tags before an I- tag, so the test of every pair is left out (the same sums and the same ties).
  const { from, preds } = predecessors(allowed, T);
  if (MOVES.length < preds.length) MOVES = new Float64Array(preds.length);
  const moves = MOVES;
  for (let c = 0; c < T; c++) for (let j = from[c] as number; j < (from[c + 1] as number); j++) moves[j] = transitions[((preds[j] as number) + 1) * T + c] as number;
  for (let i = 1; i < n; i++) {
    const prev = (i - 1) * T;
    const row = i * T;
    for (let c = 0; c < T; c++) {
      let best = -Infinity;
      let arg = 0;
      const end = from[c + 1] as number;
      for (let j = from[c] as number; j < end; j++) {
        const p = preds[j] as number;
        const s = (score[prev + p] as number) + (moves[j] as number);
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[row + c] = best + (emissions[row + c] as number);
      back[row + c] = arg;
    }
  }
  let last = 0;
  for (let c = 1; c < T; c++) if ((score[(n - 1) * T + c] as number) > (score[(n - 1) * T + last] as number)) last = c;
  const out = new Array<number>(n);
  out[n - 1] = last;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + (out[i] as number)] as number;
  return out;
}

/** A tag's allowed predecessors (tags, not the sentence's start): preds[from[c]] up to preds[from[c + 1]] for tag c. */
type Predecessors = { from: Int32Array; preds: Int32Array };

/** predecessors() of each `allowed` array (a tagger keeps one; allowedTransitions' arrays are not changed once made), and viterbi's transitions of those pairs, reused. */
const PREDECESSORS = new WeakMap<Uint8Array, Predecessors>();
let MOVES = new Float64Array(0);

/** The tags allowed before each tag by allowed[(prev + 1) * T + cur], in ascending order. */
function predecessors(allowed: Uint8Array, T: number): Predecessors {
  let out = PREDECESSORS.get(allowed);
  if (out && out.from.length === T + 1) return out;
  const from = new Int32Array(T + 1);
  const list: number[] = [];
  for (let c = 0; c < T; c++) {
    from[c] = list.length;
    for (let p = 0; p < T; p++) if (allowed[(p + 1) * T + c]) list.push(p);
  }
  from[T] = list.length;
  out = { from, preds: Int32Array.from(list) };
  PREDECESSORS.set(allowed, out);
  return out;
}

/** Decodes one sentence with a model. */
export function tagSequence(model: SequenceModel, features: readonly (readonly string[])[], allowed = allowedTransitions(model.tags)): string[] {
  const T = model.tags.length;
  const em = emissionScores(model, features);
  return viterbi(em, features.length, T, model.transitions, allowed).map((t) => model.tags[t] as string);
}

/** A tag left open in a partly labelled sentence: training takes the best path through the known tags as the gold one. */
export const UNKNOWN_TAG = '?';

/** A labelled sentence; `weight` (default 1) scales its updates (e.g. machine-labelled text weighing less than gold). */
export type TrainingSentence = { features: readonly (readonly string[])[]; tags: readonly string[]; weight?: number; /** Per token, real-valued inputs (TrainOptions.denseDims of them) or none. */ dense?: readonly (ArrayLike<number> | undefined)[] };

export type TrainOptions = {
  epochs: number;
  /** Seed of the shuffle between epochs. */
  seed: number;
  /** Called after each epoch with the averaged model so far (e.g. to print dev figures). */
  onEpoch?: (epoch: number, model: SequenceModel) => void;
  /** The number of real-valued inputs per token (TrainingSentence.dense); 0 or absent: none. */
  denseDims?: number;
};

/**
 * Trains an averaged structured perceptron. Deterministic for a given input
 * order and seed: features are interned in order of first appearance and the
 * sentences are shuffled with a seeded generator.
 */
export function trainPerceptron(tags: readonly string[], data: readonly TrainingSentence[], opts: TrainOptions): SequenceModel & { features: Map<string, number> } {
  const T = tags.length;
  const tagIndex = new Map(tags.map((t, i) => [t, i]));
  const featIndex = new Map<string, number>();
  const sentences = data.map((s) => ({
    feats: s.features.map((fs) => Int32Array.from(fs, (f) => {
      let id = featIndex.get(f);
      if (id === undefined) {
        id = featIndex.size;
        featIndex.set(f, id);
      }
      return id;
    })),
    gold: s.tags.map((t) => {
      if (t === UNKNOWN_TAG) return -1;
      const i = tagIndex.get(t);
      if (i === undefined) throw new Error(`unknown tag ${t}`);
      return i;
    }),
    weight: s.weight ?? 1,
    dense: s.dense,
  }));
  const D = opts.denseDims ?? 0;
  const dw = new Float64Array(D * T);
  const du = new Float64Array(D * T);
  const F = featIndex.size;
  const w = new Float64Array(F * T);
  const u = new Float64Array(F * T); // sum of c * update, for averaging
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  const allowed = allowedTransitions(tags);
  let c = 1;
  const averaged = (): SequenceModel & { features: Map<string, number> } => {
    const weights = Float32Array.from(w, (x, k) => x - (u[k] as number) / c);
    const features = new Map<string, number>();
    for (const [name, id] of featIndex) features.set(name, id * T);
    const transitions = Float32Array.from(tw, (x, k) => x - (tu[k] as number) / c);
    return D ? { tags, features, weights, transitions, dense: Float32Array.from(dw, (x, k) => x - (du[k] as number) / c) } : { tags, features, weights, transitions };
  };
  const order = sentences.map((_, i) => i);
  const rand = seededRandom(opts.seed);
  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    shuffleInPlace(order, rand);
    for (const idx of order) {
      const s = sentences[idx] as (typeof sentences)[number];
      const n = s.feats.length;
      if (n === 0) continue;
      const em = new Float64Array(n * T);
      for (let i = 0; i < n; i++) {
        for (const f of s.feats[i] as Int32Array) {
          for (let t = 0; t < T; t++) em[i * T + t] = (em[i * T + t] as number) + (w[f * T + t] as number);
        }
        const x = D ? s.dense?.[i] : undefined;
        if (x) for (let d = 0; d < D; d++) for (let t = 0; t < T; t++) em[i * T + t] = (em[i * T + t] as number) + (x[d] as number) * (dw[d * T + t] as number);
      }
      const pred = viterbi(em, n, T, tw, allowed);
      let gold = s.gold;
      if (gold.includes(-1)) {
        // Partly labelled: the gold path is the model's best path through the known tags.
        const known = Float64Array.from(em, (x, k) => {
          const g = s.gold[Math.floor(k / T)] as number;
          return g < 0 || g === k % T ? x : -Infinity;
        });
        gold = viterbi(known, n, T, tw, allowed);
      }
      const sw = s.weight;
      const cw = c * sw;
      let prevP = -1;
      let prevG = -1;
      for (let i = 0; i < n; i++) {
        const p = pred[i] as number;
        const g = gold[i] as number;
        if (p !== g) {
          for (const f of s.feats[i] as Int32Array) {
            w[f * T + g] = (w[f * T + g] as number) + sw;
            u[f * T + g] = (u[f * T + g] as number) + cw;
            w[f * T + p] = (w[f * T + p] as number) - sw;
            u[f * T + p] = (u[f * T + p] as number) - cw;
          }
          const x = D ? s.dense?.[i] : undefined;
          if (x) {
            for (let d = 0; d < D; d++) {
              const v = x[d] as number;
              dw[d * T + g] = (dw[d * T + g] as number) + sw * v;
              du[d * T + g] = (du[d * T + g] as number) + cw * v;
              dw[d * T + p] = (dw[d * T + p] as number) - sw * v;
              du[d * T + p] = (du[d * T + p] as number) - cw * v;
            }
          }
        }
        if (p !== g || prevP !== prevG) {
          const kg = (prevG + 1) * T + g;
          const kp = (prevP + 1) * T + p;
          tw[kg] = (tw[kg] as number) + sw;
          tu[kg] = (tu[kg] as number) + cw;
          tw[kp] = (tw[kp] as number) - sw;
          tu[kp] = (tu[kp] as number) - cw;
        }
        prevP = p;
        prevG = g;
      }
      c++;
    }
    opts.onEpoch?.(epoch, averaged());
  }
  return averaged();
}

/**
 * The mean of models trained on the same tags (e.g. with different shuffles):
 * a feature missing from a model weighs 0 there. Features keep the order of
 * first appearance across the models, so the result is deterministic.
 */
export function averageModels(models: ReadonlyArray<SequenceModel & { features: Map<string, number> }>): SequenceModel & { features: Map<string, number> } {
  const first = models[0];
  if (!first) throw new Error('averageModels: no model');
  const tags = first.tags;
  const T = tags.length;
  const features = new Map<string, number>();
  for (const m of models) {
    if (m.tags.join() !== tags.join()) throw new Error('averageModels: models with different tags');
    for (const name of m.features.keys()) if (!features.has(name)) features.set(name, features.size * T);
  }
  const weights = new Float32Array(features.size * T);
  const transitions = new Float32Array((T + 1) * T);
  const k = models.length;
  for (const m of models) {
    for (const [name, at] of m.features) {
      const to = features.get(name) as number;
      for (let t = 0; t < T; t++) weights[to + t] = (weights[to + t] as number) + (m.weights[at + t] as number) / k;
    }
    for (let j = 0; j < transitions.length; j++) transitions[j] = (transitions[j] as number) + (m.transitions[j] as number) / k;
  }
  // The real-valued inputs' weights are averaged too; models that differ in them cannot be averaged.
  if (!first.dense) {
    if (models.some((m) => m.dense)) throw new Error('averageModels: models with and without real-valued inputs');
    return { tags, features, weights, transitions };
  }
  const dense = new Float32Array(first.dense.length);
  for (const m of models) {
    if (m.dense?.length !== dense.length) throw new Error('averageModels: models with different real-valued inputs');
    for (let j = 0; j < dense.length; j++) dense[j] = (dense[j] as number) + (m.dense[j] as number) / k;
  }
  return { tags, features, weights, transitions, dense };
}
