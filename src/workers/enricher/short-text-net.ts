/**
 * A small non-linear classifier over a text's pretrained word vectors, for the
 * topic classifier's short texts (classify-topics.ts): one hidden layer (ReLU)
 * over the text's weighted mean word vector (word-vectors.ts, meanVector) and,
 * optionally, its element-wise maximum over the words. Its log probabilities
 * are added to the linear model's scores with a weight that shrinks with the
 * text's length, so that it counts on headlines and single sentences and gives
 * way to the words on full articles. Trained by scripts/train-topics.ts.
 */
import { keyRow } from './model-pack.js';
import { meanVector, VECTOR_ZERO, type WordVectors } from './word-vectors.js';

export type ShortTextNet = {
  /** 'mean' or 'mean+max'. */
  inputs: string;
  /** Hidden units. */
  hidden: number;
  /** inputs x hidden, row-major by input. */
  W1: Float32Array;
  b1: Float32Array;
  /** hidden x classes. */
  W2: Float32Array;
  b2: Float32Array;
  /** Weight of the net's log probabilities in the scores of a text of at most `lengthRef` content words. */
  mix: number;
  /** A text of n > lengthRef content words takes mix * lengthRef / n. */
  lengthRef: number;
};

/** Input width of a net over `dims`-dimensional vectors. */
export const netInputSize = (inputs: string, dims: number): number => (inputs === 'mean+max' ? 2 * dims : dims);

/**
 * The net's input for a text: its smooth-inverse-frequency weighted mean word
 * vector (meanVector: unit length, here times sqrt(dims) so that components
 * are of order one) and, for 'mean+max', the element-wise maximum of its words'
 * unit vectors (times the same factor). Null when no word has a vector.
 * `mean`: the text's meanVector with the same arguments, when the caller has it.
 */
export function netInput(
  v: WordVectors,
  groups: ReadonlyArray<{ words: readonly string[]; weight: number }>,
  r0: number,
  keep: (w: string) => boolean,
  inputs: string,
  mean: Float64Array | null = meanVector(v, groups, r0, keep),
): Float64Array | null {
  if (!mean) return null;
  const D = v.dims;
  const f = Math.sqrt(D);
  const x = new Float64Array(netInputSize(inputs, D));
  for (let d = 0; d < D; d++) x[d] = (mean[d] as number) * f;
  if (inputs === 'mean+max') {
    x.fill(-Infinity, D);
    for (const { words } of groups) {
      for (const w of words) {
        if (!keep(w)) continue;
        const r = keyRow(v.words, w);
        if (r < 0) continue;
        const base = r * D;
        for (let d = 0; d < D; d++) {
          const q = ((v.vectors[base + d] as number) - VECTOR_ZERO) * v.scale;
          if (q > (x[D + d] as number)) x[D + d] = q;
        }
      }
    }
    for (let d = D; d < 2 * D; d++) x[d] = (x[d] as number) * f;
  }
  return x;
}

/** out += x · W, W row-major with out.length columns (row i scaled by x[i]; zero inputs skipped). Also the training script's forward pass. */
export function addRows(out: Float64Array, x: ArrayLike<number>, W: ArrayLike<number>): Float64Array {
  const width = out.length;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i] as number;
    if (xi === 0) continue;
    const base = i * width;
    for (let j = 0; j < width; j++) out[j] = (out[j] as number) + xi * (W[base + j] as number);
  }
  return out;
}

/** The hidden layer's activations (ReLU) of input x. */
export function netHidden(net: ShortTextNet, x: ArrayLike<number>): Float64Array {
  const H = net.hidden;
  const h = addRows(Float64Array.from(net.b1), x, net.W1);
  for (let j = 0; j < H; j++) if ((h[j] as number) < 0) h[j] = 0;
  return h;
}

/** The net's log probabilities (log softmax of its output) for input x. */
export function netLogProbs(net: ShortTextNet, x: ArrayLike<number>): Float64Array {
  const K = net.b2.length;
  const h = netHidden(net, x);
  const o = addRows(Float64Array.from(net.b2), h, net.W2);
  let max = -Infinity;
  for (let k = 0; k < K; k++) max = Math.max(max, o[k] as number);
  let sum = 0;
  for (let k = 0; k < K; k++) sum += Math.exp((o[k] as number) - max);
  const lse = max + Math.log(sum);
  for (let k = 0; k < K; k++) o[k] = (o[k] as number) - lse;
  return o;
}

/** The weight of the net's log probabilities for a text of n content words. */
export const netWeight = (net: Pick<ShortTextNet, 'mix' | 'lengthRef'>, n: number): number => (net.lengthRef > 0 && n > net.lengthRef ? (net.mix * net.lengthRef) / n : net.mix);
