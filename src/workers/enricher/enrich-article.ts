import type { ExtractedArticle } from '../../queues/contracts.js';
import { storedIdentity } from '../../lib/ids.js';
import type { ArticleRecord, Topic } from '../../store/types.js';
import { classifyTopics } from './classify-topics.js';
import { detectLanguage, primarySubtag } from './detect-language.js';
import { extractEntities } from './extract-entities.js';
import { extractKeywords } from './extract-keywords.js';
import { nerAndWordTokens } from './ner-tokens.js';
import { parseDateline } from './parse-dateline.js';
import { normalizedWords } from './phrase-matcher.js';
import { tagCustomTopics } from './tag-custom-topics.js';
import { tagEntities } from './tag-entities.js';
import { tokenize } from './tokens.js';
import type { CustomTopic } from './topics-config.js';

export type EnrichOptions = {
  /** Newsroom topics, from parseTopicsConfig(config/topics.yaml). */
  customTopics?: readonly CustomTopic[];
  /** Most IPTC topics per article (default 5). */
  maxTopics?: number;
};

/**
 * The enricher's core: turns an extracted article into the record to store,
 * with language, IPTC and newsroom topics, entities, keywords and dateline.
 * Pure and synchronous. Entities come from the trained tagger (tag-entities.ts)
 * and IPTC topics from the trained classifier plus the keyword rules
 * (classify-topics.ts); both models load on first use. The taggers are English: for text detected as
 * another language, IPTC topics are left empty, entities are limited to
 * gazetteer names and keywords to those names (newsroom topics still apply). clusterId starts as the article's own id and
 * duplicateOf as null: the handler sets them from the store's near-duplicate
 * lookup (see cluster.ts).
 */
export function enrichArticle(extracted: ExtractedArticle, opts: EnrichOptions = {}): ArticleRecord {
  const { id, contentHash } = storedIdentity(extracted);
  const { title, text } = extracted;
  const language = detectLanguage(`${title}\n${text}`, extracted.language).language;
  // The chunker's capitalization rules and head words are English; other languages get gazetteer names only.
  const english = language === null || primarySubtag(language) === 'en';
  // Tokenize once for every tagger: English text for the trained tagger and for the rest in one pass.
  const { nerTokens, wordTokens: tokens } = english ? nerAndWordTokens(text) : { nerTokens: undefined, wordTokens: tokenize(text) };
  const textWords = normalizedWords(text, tokens);
  const titleWords = normalizedWords(title);
  // English: the trained tagger (which reads the rules' chunks as features); other languages: gazetteer names from the rules.
  const entities = english ? tagEntities({ title, text }, { tokens, nerTokens }) : extractEntities({ title, text }, { tokens, gazetteerOnly: true });
  // The topic classifier, the IPTC keyword lexicon and the keyphrase stopwords are English too.
  const topics: Topic[] = [
    ...(english ? classifyTopics({ title, text }, { maxTopics: opts.maxTopics ?? 5, titleWords, textWords }) : []),
    ...tagCustomTopics({ title, text, words: textWords, titleWords }, opts.customTopics ?? [], entities),
  ];
  const keywords = english
    ? extractKeywords({ title, text }, entities, { tokens })
    : [...entities.places, ...entities.organisations, ...entities.people].slice(0, 10).map((e) => e.name);
  const dateline = extracted.dateline ?? parseDateline(text)?.raw ?? null;
  return {
    id,
    url: extracted.url,
    canonicalUrl: extracted.canonicalUrl,
    feed: { id: extracted.feedId, title: extracted.feedTitle ?? null, url: extracted.feedUrl ?? null },
    siteName: extracted.siteName,
    title,
    byline: extracted.byline,
    dateline,
    publishedAt: extracted.publishedAt,
    modifiedAt: extracted.modifiedAt,
    fetchedAt: extracted.fetchedAt,
    language,
    excerpt: extracted.excerpt,
    text,
    html: extracted.html,
    wordCount: extracted.wordCount,
    leadImage: extracted.leadImage,
    topics,
    entities,
    keywords,
    clusterId: id,
    duplicateOf: null,
    contentHash,
    version: 1,
    extraction: extracted.extraction,
  };
}
