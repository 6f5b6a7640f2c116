import { extractArticle } from '/work/main/src/workers/extractor/extract-article.ts';
import { readabilityPage, readabilityPageNames } from '/work/main/tests/helpers/corpora.ts';
const pages = readabilityPageNames().map(readabilityPage);
for (const p of pages.slice(0, 10)) extractArticle(p, 'http://fakehost/a');
const c0 = process.cpuUsage(); const t0 = performance.now();
for (let r = 0; r < 2; r++) for (const p of pages) extractArticle(p, 'http://fakehost/a');
const c = process.cpuUsage(c0);
console.log(process.env.NO_LAZY ? 'plain' : 'lazy ', ((c.user + c.system) / 1000).toFixed(0), 'ms cpu', (performance.now() - t0).toFixed(0), 'ms wall');
