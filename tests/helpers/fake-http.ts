import { PipelineError } from '../../src/errors.js';
import { HttpStatusError } from '../../src/net/safe-fetch.js';
import type { FetchResult, HttpClient } from '../../src/net/types.js';

type Page = string | { status: number } | { body: string; contentType?: string; headers?: Record<string, string> } | Error;

/**
 * A strict fake HTTP client for handler unit tests: answers only the URLs it
 * was given and fails the test on any other (no network in unit tests).
 */
export function fakeHttp(pages: Record<string, Page>): HttpClient & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    async get(url) {
      calls.push(url);
      const page = pages[url];
      if (page === undefined) {
        throw new Error(`fakeHttp: unexpected request to ${url}`);
      }
      if (page instanceof Error) {
        throw page;
      }
      if (typeof page === 'object' && 'status' in page) {
        throw new HttpStatusError(page.status, url, null);
      }
      const body = typeof page === 'string' ? page : page.body;
      const contentType = typeof page === 'string' ? 'text/html; charset=utf-8' : (page.contentType ?? 'text/html; charset=utf-8');
      const result: FetchResult = {
        status: 200,
        url,
        permanentRedirect: null,
        headers: { 'content-type': contentType, ...(typeof page === 'string' ? {} : (page.headers ?? {})) },
        notModified: false,
        body: Buffer.from(body),
        text: body,
        charset: 'utf-8',
        contentType,
      };
      return result;
    },
  };
}

export const networkDown = (url: string) => new PipelineError('network', true, `connect ECONNREFUSED for ${url}`);
