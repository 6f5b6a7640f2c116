import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../src/api/openapi.js';

describe(buildOpenApiDocument.name, () => {
  it('documents the query parameters from the validation schemas', () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, any> };
    const params = doc.paths['/articles'].get.parameters as Array<{ name: string; schema: { maximum?: number } }>;
    expect(params.find((p) => p.name === 'limit')?.schema.maximum).toBe(200);
    const stream = doc.paths['/stream'].get.parameters.map((p: { name: string }) => p.name);
    expect(stream).toEqual(expect.arrayContaining(['Last-Event-ID', 'feed', 'topic', 'lastEventId']));
    expect(stream).not.toContain('cursor');
  });

  it('documents the summary view and field selection of the list', () => {
    const doc = buildOpenApiDocument() as { paths: Record<string, any>; components: { schemas: Record<string, any> } };
    const params = doc.paths['/articles'].get.parameters as Array<{ name: string; schema: { enum?: string[] } }>;
    expect(params.find((p) => p.name === 'view')?.schema.enum).toEqual(['full', 'summary']);
    expect(params.map((p) => p.name)).toContain('fields');
    const summary = doc.components.schemas.ArticleSummary;
    expect(Object.keys(summary.properties)).toEqual(['id', 'url', 'title', 'feed', 'publishedAt', 'language', 'topics', 'clusterId', 'excerpt']);
    expect(summary.properties.topics).toEqual(doc.components.schemas.Article.properties.topics);
    expect(Object.keys(doc.components.schemas.ArticleFields.properties)).toEqual(
      expect.arrayContaining(Object.keys(doc.components.schemas.Article.properties)),
    );
    expect(doc.components.schemas.ArticlePage.properties.items.items.anyOf).toHaveLength(3);
  });
});
