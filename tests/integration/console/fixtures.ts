/** Realistic stored records for the console tests (as the enricher writes them). */
import { articleIdFor, contentHashOf } from '../../../src/lib/ids.js';
import type { ArticleRecord, Entity, Topic } from '../../../src/store/types.js';

const entity = (name: string, mentions = 1, offset = 0): Entity => ({ name, mentions, salience: 0.5, offset });

type Overrides = Partial<Omit<ArticleRecord, 'id' | 'contentHash'>> & { url: string; title: string; text: string };

export function record(o: Overrides): ArticleRecord {
  const canonicalUrl = o.canonicalUrl ?? o.url;
  const id = articleIdFor(canonicalUrl);
  return {
    feed: { id: 'wire-a', title: 'Wire A', url: 'https://wire-a.test/feed.xml' },
    siteName: 'Wire A',
    byline: null,
    dateline: null,
    publishedAt: '2026-03-02T09:00:00.000Z',
    modifiedAt: null,
    fetchedAt: '2026-03-02T09:05:00.000Z',
    language: 'en',
    excerpt: null,
    html: o.text
      .split('\n\n')
      .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join(''),
    wordCount: o.text.split(/\s+/).length,
    leadImage: null,
    topics: [],
    entities: { people: [], places: [], organisations: [] },
    keywords: [],
    clusterId: id,
    duplicateOf: null,
    version: 1,
    extraction: { method: 'readability', warnings: [] },
    ...o,
    canonicalUrl,
    id,
    contentHash: contentHashOf({ title: o.title, text: o.text }),
  };
}

const REFUGEE_TOPICS: Topic[] = [
  { code: 'medtop:20000772', label: 'refugees and internally displaced people', score: 0.92, scheme: 'medtop', evidence: ['refugees', 'asylum'] },
  { code: 'medtop:20000638', label: 'diplomacy', score: 0.71, scheme: 'medtop', evidence: ['foreign ministry', 'talks'] },
  { code: 'desk-asia', label: 'Asia desk', score: 0.6, scheme: 'custom', evidence: ['Beijing'] },
];

const SEED_TEXT = [
  'China and South Korea are discussing the fate of 17 North Korean refugees inside Seoul\'s mission in Beijing.',
  'Chinese Foreign Ministry spokesman Liu Jianchao said the two sides are holding talks on the matter.',
  'The refugees entered the South Korean consulate over the past two weeks.',
].join('\n\n');

/** The seed story, a copy of it from a second wire, and an unrelated story. */
export function wireRecords(): { seed: ArticleRecord; copy: ArticleRecord; other: ArticleRecord } {
  const seed = record({
    url: 'https://wire-a.test/2026/03/refugees-asylum',
    title: "N. Korean Refugees' Asylum Discussed by Beijing, Seoul",
    text: SEED_TEXT,
    byline: 'VOA News',
    dateline: 'BEIJING',
    topics: REFUGEE_TOPICS,
    entities: {
      people: [entity('Liu Jianchao', 2, 120)],
      places: [entity('Beijing', 3), entity('Seoul', 2), entity('South Korea', 2), entity('North Korea', 1)],
      organisations: [entity('Chinese Foreign Ministry', 1, 100)],
    },
    keywords: ['refugees', 'asylum', 'consulate'],
  });
  const copy = record({
    url: 'https://wire-b.test/asia/n-korean-refugees',
    feed: { id: 'wire-b', title: 'Wire B', url: 'https://wire-b.test/rss' },
    siteName: 'Wire B',
    title: 'Beijing and Seoul discuss North Korean asylum seekers',
    text: SEED_TEXT,
    publishedAt: '2026-03-02T09:40:00.000Z',
    topics: REFUGEE_TOPICS.slice(0, 2),
    clusterId: seed.id,
    duplicateOf: seed.id,
  });
  const other = record({
    url: 'https://wire-a.test/2026/03/storm',
    title: 'Storm Idris Cuts Power to 40,000 Homes Along the Northern Coast',
    text: 'Storm Idris brought down power lines overnight.\n\nCrews expect to restore supply by Friday.',
    publishedAt: '2026-03-02T08:00:00.000Z',
    language: 'en-GB',
    topics: [{ code: 'medtop:06000000', label: 'environment', score: 0.5, scheme: 'medtop', evidence: ['storm'] }],
    entities: { people: [], places: [entity('Northern Coast')], organisations: [] },
  });
  return { seed, copy, other };
}

/** Script, event-handler and javascript: URL payloads in every field a feed or page controls. */
export const HOSTILE_TITLE = `<script>window.__pwned='title'</script><img src=x onerror="window.__pwned='img'"> Hostile headline`;

export function hostileRecord(slug = 'hostile'): ArticleRecord {
  return record({
    url: `https://evil.test/${slug}`,
    canonicalUrl: `javascript:window.__pwned='canonical'//${slug}`,
    feed: { id: 'evil-feed', title: `<b onmouseover="window.__pwned='feed'">Evil feed</b>`, url: 'javascript:window.__pwned="feedurl"' },
    siteName: `<svg onload="window.__pwned='site'">`,
    title: HOSTILE_TITLE,
    text: `First <script>window.__pwned='text'</script> paragraph.\n\n<img src=x onerror=alert(1)> and <a href="javascript:window.__pwned='link'">click</a> javascript:alert(2)`,
    byline: `<iframe src="javascript:window.__pwned='byline'"></iframe>`,
    dateline: `"><script>window.__pwned='dateline'</script>`,
    leadImage: 'javascript:window.__pwned="image"',
    topics: [{ code: 'x"><script>window.__pwned=1</script>', label: `<img src=x onerror="window.__pwned='topic'">`, score: 0.9, scheme: 'custom', evidence: ['<script>alert(3)</script>'] }],
    entities: {
      people: [entity(`<img src=x onerror="window.__pwned='person'">`)],
      places: [entity('javascript:alert(4)')],
      organisations: [],
    },
    keywords: ['<script>alert(5)</script>'],
  });
}
