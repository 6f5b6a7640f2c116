import { CAP_BUCKETS, type WordStats, wordStatsCode } from '../../src/workers/enricher/ner-features.js';

/** Word statistics that know each listed word (in lowercase) with the given capitalization bucket, and no other word. */
export function statsOf(buckets: Record<string, (typeof CAP_BUCKETS)[number]>): WordStats {
  const codes = new Map(Object.entries(buckets).map(([w, b]) => [w.toLowerCase(), wordStatsCode(1, CAP_BUCKETS.indexOf(b))]));
  return { get: (w) => codes.get(w), coarse: [] };
}
