/**
 * Story versions over HTTP:
 *   GET /articles/:id/versions      the kept versions, oldest first (number, time, title, substantive, sizes)
 *   GET /articles/:id/versions/:n   one version in full (title, byline, text, topics)
 *   GET /articles/:id/versions/:n?against=m
 *                                   the same, with the word diff from version m to it
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ArticleStore } from '../store/article-store.js';
import { ArticleIdParam, parseParams } from './article-query.js';
import { notFound } from './http-error.js';
import { versionDiff } from './version-diff.js';

const VersionNumber = z.coerce.number().int().min(1).max(2_147_483_647);
const VersionParams = ArticleIdParam.extend({ n: VersionNumber });
const VersionQuery = z.object({ against: VersionNumber.optional() }).strict();

export function registerVersionRoutes(app: FastifyInstance, store: ArticleStore): void {
  app.get('/articles/:id/versions', { config: { access: 'read' } }, async (request) => {
    const { id } = parseParams(ArticleIdParam, request.params, 'article id');
    const items = await store.listVersions(id);
    if (!items) {
      throw notFound(`no article ${id}`);
    }
    return { id, items };
  });

  app.get('/articles/:id/versions/:n', { config: { access: 'read' } }, async (request) => {
    const { id, n } = parseParams(VersionParams, request.params, 'version');
    const { against } = parseParams(VersionQuery, request.query);
    const [version, base] = await Promise.all([store.getVersion(id, n), against === undefined ? null : store.getVersion(id, against)]);
    if (!version) {
      throw notFound(`no version ${n} of article ${id} is kept`);
    }
    if (against === undefined) {
      return { id, ...version };
    }
    if (!base) {
      throw notFound(`no version ${against} of article ${id} is kept`);
    }
    return { id, ...version, diff: versionDiff(base, version) };
  });
}
