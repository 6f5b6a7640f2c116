import { classifyTopics } from '../src/workers/enricher/classify-topics.js';
import { topLevelOf } from '../src/workers/enricher/mediatopics.js';
import { readJsonl } from './lib/enrichment-data.js';
const ag = readJsonl('/work/shared/corpora/enrichment/topics/agnews/test.jsonl').filter((r) => r.iptc.length > 0);
const want = process.argv[2] ?? '15';
let shown = 0;
for (const r of ag.filter((_, i) => i % 5 === 1)) {
  if (r.iptc[0].slice(7, 9) !== want) continue;
  const t = classifyTopics(r)[0];
  if (t && r.iptc.includes(topLevelOf(t.code) ?? '')) continue;
  if (shown++ > 30) break;
  console.log(`${t?.code.slice(7,9)} ${t?.score} [${t?.evidence.join(',')}] ${r.title} | ${r.text.slice(0, 100)}`);
}
