/**
 * Complement naive Bayes (Rennie et al. 2003, "Tackling the poor assumptions of
 * naive Bayes text classifiers") as per-feature class weights, for train-topics.ts:
 * for class k, minus the log of the feature's smoothed share of the feature mass
 * in the texts of the other classes. A text's score for k is the sum of its
 * feature values times these weights; a sum of that and a logistic regression's
 * scores is one linear model, so the weights can be added to the regression's.
 * Each feature's row is centred (a constant over the classes changes no
 * probability, and centred rows prune better).
 */
export type WeightedVec = { ids: ArrayLike<number>; vals: ArrayLike<number>; label: number; weight: number };

/** Row-major F x K weights (`W[f * K + k]`). */
export function complementNBWeights(vecs: readonly WeightedVec[], K: number, F: number, alpha: number): Float64Array {
  const count = new Float64Array(F * K); // weighted feature mass per class
  for (const v of vecs) {
    for (let n = 0; n < v.ids.length; n++) {
      const at = (v.ids[n] as number) * K + v.label;
      count[at] = (count[at] as number) + v.weight * (v.vals[n] as number);
    }
  }
  const featAll = new Float64Array(F);
  const classTotal = new Float64Array(K);
  for (let f = 0; f < F; f++) {
    for (let k = 0; k < K; k++) {
      featAll[f] = (featAll[f] as number) + (count[f * K + k] as number);
      classTotal[k] = (classTotal[k] as number) + (count[f * K + k] as number);
    }
  }
  const grand = classTotal.reduce((a, x) => a + x, 0);
  const out = new Float64Array(F * K);
  for (let f = 0; f < F; f++) {
    let mean = 0;
    for (let k = 0; k < K; k++) {
      const comp = (featAll[f] as number) - (count[f * K + k] as number) + alpha;
      const compTotal = grand - (classTotal[k] as number) + alpha * F;
      out[f * K + k] = -Math.log(comp / compTotal);
      mean += out[f * K + k] as number;
    }
    mean /= K;
    for (let k = 0; k < K; k++) out[f * K + k] = (out[f * K + k] as number) - mean;
  }
  return out;
}

/**
 * Each example's weight in the naive Bayes counts: its own times its class's (the regression's class balance), times
 * `sourceScale[source]` for a source named there (1 otherwise): a set can teach the regression at full weight and enter
 * the counts at a fraction of it.
 */
export function nbCountWeights(
  examples: ReadonlyArray<{ weight: number; label: number; source: string }>,
  classWeight: ArrayLike<number>,
  sourceScale: Readonly<Record<string, number>> = {},
): Float64Array {
  return Float64Array.from(examples, (e) => {
    const w = e.weight * (classWeight[e.label] as number);
    const scale = sourceScale[e.source];
    return scale === undefined ? w : w * scale;
  });
}
