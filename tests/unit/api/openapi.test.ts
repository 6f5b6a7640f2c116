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
});
