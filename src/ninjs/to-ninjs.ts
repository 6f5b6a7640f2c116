import type { ArticleRecord, Entity, Topic } from '../store/types.js';

/** ninjs 3.1 schema id, for `profile`-aware consumers and for validation in tests. */
export const NINJS_SCHEMA_ID = 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#';

const MEDIATOPIC_URI_BASE = 'http://cv.iptc.org/newscodes/mediatopic/';

type Named = { name?: string; rel?: string; uri?: string; literal?: string };

/** The part of ninjs 3.1 that Telex emits. */
export type NinjsDocument = {
  uri: string;
  type: 'text';
  representationType: 'full';
  version: string;
  firstCreated?: string;
  versionCreated: string;
  contentCreated?: string;
  pubStatus: 'usable';
  language?: string;
  headlines: Array<{ role: string; contentType?: string; value: string }>;
  descriptions?: Array<{ role: string; contentType?: string; value: string }>;
  bodies: Array<{ role: string; contentType: string; value: string; charCount?: number; wordCount?: number }>;
  by?: string;
  located?: string;
  subjects?: Array<Named & { creator?: string; relevance?: number; confidence?: number }>;
  people?: Named[];
  places?: Named[];
  organisations?: Named[];
  infoSources?: Array<Named & { role?: string }>;
  altIds: Array<{ role: string; value: string }>;
  associations?: Array<{
    name: string;
    uri: string;
    type: 'picture';
    renditions: Array<{ name: string; href: string }>;
  }>;
};

const isUri = (s: string | null | undefined): s is string => {
  if (!s) return false;
  try {
    return Boolean(new URL(s).protocol);
  } catch {
    return false;
  }
};

/** "2002-06-11T00:00:00Z" -> unchanged; anything unparsable -> undefined. */
const isoOrUndefined = (s: string | null | undefined): string | undefined => {
  if (!s) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
};

const pct = (x: number): number => Math.max(0, Math.min(100, Math.round(x * 100)));

function subjectOf(t: Topic): NonNullable<NinjsDocument['subjects']>[number] {
  const confidence = pct(Math.min(1, (t.evidence?.length ?? 1) / 4) * 0.5 + t.score * 0.5);
  if (t.scheme === 'medtop') {
    return {
      name: t.label,
      uri: `${MEDIATOPIC_URI_BASE}${t.code.replace(/^medtop:/, '')}`,
      literal: t.code,
      rel: 'about',
      creator: 'telex-enricher',
      relevance: pct(t.score),
      confidence,
    };
  }
  return { name: t.label, literal: t.code, rel: 'about', creator: 'telex-enricher', relevance: pct(t.score), confidence };
}

const mentioned = (e: Entity): Named => ({ name: e.name, rel: 'mentioned' });

/**
 * Renders a stored article as a ninjs 3.1 document (IPTC's JSON news format):
 * IPTC Media Topics as subjects with their URIs, relevance and confidence
 * 0–100, newsroom topics as subjects with a literal code, people, places,
 * organisations, headline, plain-text and HTML bodies, language, dates.
 */
export function toNinjs(record: ArticleRecord): NinjsDocument {
  const firstCreated = isoOrUndefined(record.publishedAt);
  const versionCreated =
    isoOrUndefined(record.modifiedAt) ?? isoOrUndefined(record.updatedAt) ?? firstCreated ?? isoOrUndefined(record.storedAt) ?? isoOrUndefined(record.fetchedAt) ?? new Date(0).toISOString();

  const doc: NinjsDocument = {
    uri: `urn:telex:article:${record.id}`,
    type: 'text',
    representationType: 'full',
    version: String(record.version),
    versionCreated,
    pubStatus: 'usable',
    headlines: [{ role: 'main', contentType: 'text/plain', value: record.title }],
    bodies: [
      { role: 'main', contentType: 'text/plain', value: record.text, charCount: record.text.length, wordCount: record.wordCount },
    ],
    altIds: [
      { role: 'url', value: record.canonicalUrl },
      { role: 'telex-id', value: record.id },
      { role: 'telex-cluster', value: record.clusterId },
      { role: 'content-hash', value: record.contentHash },
    ],
  };
  if (firstCreated) {
    doc.firstCreated = firstCreated;
    doc.contentCreated = firstCreated;
  }
  if (record.url !== record.canonicalUrl) doc.altIds.push({ role: 'fetched-url', value: record.url });
  if (record.duplicateOf) doc.altIds.push({ role: 'duplicate-of', value: record.duplicateOf });
  if (record.html) doc.bodies.push({ role: 'main', contentType: 'text/html', value: record.html });
  if (record.language) doc.language = record.language;
  if (record.excerpt) doc.descriptions = [{ role: 'summary', contentType: 'text/plain', value: record.excerpt }];
  if (record.byline) doc.by = record.byline;
  if (record.dateline) doc.located = record.dateline;

  const subjects = record.topics.map(subjectOf);
  for (const k of record.keywords) subjects.push({ name: k, rel: 'keyword', creator: 'telex-enricher' });
  if (subjects.length) doc.subjects = subjects;
  if (record.entities.people.length) doc.people = record.entities.people.map(mentioned);
  if (record.entities.places.length) doc.places = record.entities.places.map(mentioned);
  if (record.entities.organisations.length) doc.organisations = record.entities.organisations.map(mentioned);

  const sources: NonNullable<NinjsDocument['infoSources']> = [];
  const site = record.siteName ?? record.feed.title;
  if (site) sources.push({ name: site, role: 'publisher' });
  const feedSource: Named & { role?: string } = { name: record.feed.title ?? record.feed.id, role: 'feed', literal: record.feed.id };
  if (isUri(record.feed.url)) feedSource.uri = record.feed.url;
  sources.push(feedSource);
  doc.infoSources = sources;

  if (isUri(record.leadImage)) {
    doc.associations = [
      { name: 'leadImage', uri: record.leadImage, type: 'picture', renditions: [{ name: 'original', href: record.leadImage }] },
    ];
  }
  return doc;
}
