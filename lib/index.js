// Plain-Node entry of the library: the sources are TypeScript, loaded through tsx.
import { register } from 'tsx/esm/api';

register();
const telex = await import('../src/index.ts');

export const {
  extractArticle,
  enrichArticle,
  toNinjs,
  parseFeed,
  readArticleEvents,
  ackArticleEvents,
  ensureArticleEventGroup,
  parseArticleEvent,
  openStore,
} = telex;
