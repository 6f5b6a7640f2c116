/**
 * The shipped topic model's training texts (scripts/train-topics.ts): once every setting is chosen on dev, the final
 * model is trained on train + dev with those settings. The WCXB heads' dev part stays out, so that one short-text figure
 * of the shipped model is still never trained on.
 */

export type SplitText = { title: string; text: string };

const keyOf = (e: SplitText) => `${e.title}\n${e.text}`;

/**
 * `train` followed by the dev texts `take` accepts (all by default), in their order, leaving out any text that is also
 * in `wcxbDev`. The dev texts keep their own weights: train-topics pushes each with its source's training weight.
 */
export function withDevInTraining<T extends SplitText>(
  split: { train: readonly T[]; dev: readonly T[]; wcxbDev: readonly SplitText[] },
  take: (e: T) => boolean = () => true,
): T[] {
  const neverTrained = new Set(split.wcxbDev.map(keyOf));
  return [...split.train, ...split.dev.filter((e) => take(e) && !neverTrained.has(keyOf(e)))];
}
