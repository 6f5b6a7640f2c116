/**
 * Class weights for train-topics.ts: rarer classes count more, each class weighing (total / (K × its weight))^power
 * (power 0.5: the square root of inverse frequency; a class with no weight gets 0). Only the examples a model trains
 * on are counted: a source in `skip` (one the model is not trained on, as the short-text net's --net-skip) is left out
 * of the counts, so that the weights balance the set the model sees.
 */
export function classBalanceWeights(
  examples: ReadonlyArray<{ weight: number; label: number; source: string }>,
  K: number,
  power: number,
  skip: readonly string[] = [],
): number[] {
  const perClass = new Float64Array(K);
  for (const e of examples) if (!skip.includes(e.source)) perClass[e.label] = (perClass[e.label] as number) + e.weight;
  const total = perClass.reduce((a, x) => a + x, 0);
  return Array.from(perClass, (n) => (n > 0 ? (total / (K * n)) ** power : 0));
}
