import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PipelineError } from '../../../../src/errors.js';
import { ExtractedArticle } from '../../../../src/queues/contracts.js';
import { extractArticle } from '../../../../src/workers/extractor/extract-article.js';
import { fromFeedContent, handleExtract, type ExtractDeps } from '../../../../src/workers/extractor/handler.js';
import { fakeHttp, networkDown } from '../../../helpers/fake-http.js';

const seedHtml = readFileSync(new URL('../../../fixtures/pages/voa-2002-06-11.html', import.meta.url), 'utf8');
const now = new Date('2026-01-02T03:04:05.000Z');
const deps = (pages: Parameters<typeof fakeHttp>[0]): ExtractDeps => ({
  http: fakeHttp(pages),
  extract: async (html, url) => extractArticle(html, url),
  now: () => now,
});
const longContent = `<p>${'The council voted on the harbour plan after a long debate about costs and jobs. '.repeat(8)}</p>`;

describe(handleExtract.name, () => {
  it('queues the extracted article for enrichment when the page has a story', async () => {
    const url = 'https://news.test/2002/06/11/refugees';
    const result = await handleExtract({ feedId: 'voa', url, title: 'from feed' }, deps({ [url]: seedHtml }));
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    const next = result.next?.[0];
    expect(next?.queue).toBe('enrich');
    const payload = ExtractedArticle.parse(next?.payload);
    expect(payload.title).toBe("N. Korean Refugees' Asylum Discussed by Beijing, Seoul");
    expect(payload.extraction.method).toBe('readability');
    expect(payload.fetchedAt).toBe(now.toISOString());
    expect(payload.text).toContain('Liu Jianchao');
  });

  it('falls back to feed content with a warning when the page is gone', async () => {
    const url = 'https://news.test/gone';
    const result = await handleExtract({ feedId: 'f', url, title: 'Harbour plan', content: longContent }, deps({ [url]: { status: 404 } }));
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    const payload = ExtractedArticle.parse(result.next?.[0]?.payload);
    expect(payload.extraction.method).toBe('feed-content');
    expect(payload.extraction.warnings.join(' ')).toMatch(/404/);
    expect(payload.title).toBe('Harbour plan');
    expect(payload.text).toContain('harbour plan');
  });

  it('fails permanently with the reason when the page is gone and the feed has no content', async () => {
    const url = 'https://news.test/gone';
    await expect(handleExtract({ feedId: 'f', url, summary: 'short' }, deps({ [url]: { status: 404 } }))).rejects.toMatchObject({
      code: 'http_status',
      retryable: false,
    });
  });

  it('rethrows a retryable error while attempts remain', async () => {
    const url = 'https://news.test/flaky';
    const err = networkDown(url);
    await expect(
      handleExtract({ feedId: 'f', url, content: longContent }, deps({ [url]: err }), { finalAttempt: false }),
    ).rejects.toBeInstanceOf(PipelineError);
  });

  it('falls back on the last attempt of a retryable error', async () => {
    const url = 'https://news.test/flaky';
    const result = await handleExtract({ feedId: 'f', url, content: longContent }, deps({ [url]: networkDown(url) }), { finalAttempt: true });
    expect(result.status).toBe('done');
  });

  it('skips as unreadable when the page has no story and the feed no content', async () => {
    const url = 'https://news.test/menu';
    expect(await handleExtract({ feedId: 'f', url }, deps({ [url]: '<html><body><nav>Home | News | Sport</nav></body></html>' }))).toEqual({
      status: 'skipped',
      reason: 'unreadable: no article found on the page',
    });
  });

  it('refuses a non-HTML page permanently when there is nothing to fall back on', async () => {
    const url = 'https://news.test/file.pdf';
    await expect(
      handleExtract({ feedId: 'f', url }, deps({ [url]: { body: '%PDF-1.4', contentType: 'application/pdf' } })),
    ).rejects.toMatchObject({ code: 'not_html', retryable: false });
  });
});

describe('handleExtract with a failing extractor', () => {
  it('falls back to feed content when extraction itself fails (time budget, limits)', async () => {
    const url = 'https://news.test/hostile';
    const d: ExtractDeps = {
      http: fakeHttp({ [url]: '<html><body><div><div><div>deep</div></div></div></body></html>' }),
      extract: async () => {
        throw new PipelineError('timeout', false, 'extraction exceeded 10000 ms');
      },
      now: () => now,
    };
    const result = await handleExtract({ feedId: 'f', url, content: longContent }, d);
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    const payload = ExtractedArticle.parse(result.next?.[0]?.payload);
    expect(payload.extraction.method).toBe('feed-content');
    expect(payload.extraction.warnings.join(' ')).toMatch(/timeout/);
  });
});

describe('handleExtract when extraction overruns its time budget', () => {
  const url = 'https://news.test/busy';
  const timingOut = (): ExtractDeps => ({
    http: fakeHttp({ [url]: seedHtml }),
    extract: async () => {
      throw new PipelineError('timeout', false, 'extraction exceeded 10000 ms');
    },
    now: () => now,
  });

  it('asks for one retry on the first attempt when another follows (the budget is wall-clock time)', async () => {
    await expect(handleExtract({ feedId: 'f', url, content: longContent }, timingOut(), { attempt: 1, finalAttempt: false })).rejects.toMatchObject({
      code: 'timeout',
      retryable: true,
    });
  });

  it('falls back (or fails for good) on the second overrun and on a final first attempt', async () => {
    const second = await handleExtract({ feedId: 'f', url, content: longContent }, timingOut(), { attempt: 2, finalAttempt: false });
    expect(second.status).toBe('done');
    if (second.status === 'done') {
      expect(ExtractedArticle.parse(second.next?.[0]?.payload).extraction.method).toBe('feed-content');
    }
    await expect(handleExtract({ feedId: 'f', url }, timingOut(), { attempt: 2, finalAttempt: false })).rejects.toMatchObject({
      code: 'timeout',
      retryable: false,
    });
    await expect(handleExtract({ feedId: 'f', url }, timingOut(), { attempt: 1, finalAttempt: true })).rejects.toMatchObject({
      code: 'timeout',
      retryable: false,
    });
  });
});

describe('handleExtract hints', () => {
  it('hands the extractor the page’s Content-Language and the feed’s date', async () => {
    const url = 'https://news.test/fr';
    const seen: unknown[] = [];
    const d: ExtractDeps = {
      http: fakeHttp({ [url]: { body: seedHtml, headers: { 'content-language': 'fr' } } }),
      extract: async (html, u, hints) => {
        seen.push(hints);
        return extractArticle(html, u);
      },
      now: () => now,
    };
    await handleExtract({ feedId: 'f', url, publishedAt: '2002-06-11T08:00:00.000Z' }, d);
    expect(seen).toEqual([{ contentLanguage: 'fr', fallbackPublishedAt: '2002-06-11T08:00:00.000Z' }]);
  });
});

describe('handleExtract with extractBytes', () => {
  it('hands the page’s bytes and Content-Type to extractBytes, not the decoded text, when given one', async () => {
    const url = 'https://news.test/bytes';
    const seen: Array<{ bytes: string; contentType: string | null; hints: unknown }> = [];
    const d: ExtractDeps = {
      http: fakeHttp({ [url]: { body: seedHtml, contentType: 'text/html; charset=utf-8' } }),
      extract: async () => {
        throw new Error('the text path is not taken when extractBytes is given');
      },
      extractBytes: async (page, u, hints) => {
        seen.push({ bytes: Buffer.from(page.bytes).toString('utf8'), contentType: page.contentType, hints });
        return extractArticle(Buffer.from(page.bytes).toString('utf8'), u);
      },
      now: () => now,
    };
    const result = await handleExtract({ feedId: 'f', url }, d);
    expect(result.status).toBe('done');
    expect(seen).toEqual([{ bytes: seedHtml, contentType: 'text/html; charset=utf-8', hints: { contentLanguage: null, fallbackPublishedAt: null } }]);
  });
});

describe('handleExtract on a frameset page', () => {
  const outer = 'https://news.test/2008/06/11/refugees.html';
  const frameset = '<html><head><title>VOA</title></head><frameset rows="80,*"><frame src="/banner.html"><frame name="main" src="/body/refugees.html"></frameset></html>';

  it('reads the story from the main frame, files it under the page, and says so', async () => {
    const d = deps({ [outer]: frameset, 'https://news.test/body/refugees.html': seedHtml });
    const result = await handleExtract({ feedId: 'voa', url: outer }, d);
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    const payload = ExtractedArticle.parse(result.next?.[0]?.payload);
    expect(payload.text).toContain('Liu Jianchao');
    expect(payload.canonicalUrl).toBe(outer);
    expect(payload.extraction.warnings).toContain('frameset page: the story was read from its frame https://news.test/body/refugees.html');
    // The banner is never fetched.
    expect((d.http as ReturnType<typeof fakeHttp>).calls).toEqual([outer, 'https://news.test/body/refugees.html']);
  });

  it('falls back to the feed content, naming the frame, when the frame fails', async () => {
    const result = await handleExtract(
      { feedId: 'voa', url: outer, content: longContent },
      deps({ [outer]: frameset, 'https://news.test/body/refugees.html': { status: 404 } }),
    );
    expect(result.status).toBe('done');
    if (result.status !== 'done') return;
    const payload = ExtractedArticle.parse(result.next?.[0]?.payload);
    expect(payload.extraction.method).toBe('feed-content');
    expect(payload.extraction.warnings.join(' ')).toMatch(/frame https:\/\/news\.test\/body\/refugees\.html \(http_status/);
  });

  it('rethrows a retryable failure of the frame while attempts remain', async () => {
    const frameUrl = 'https://news.test/body/refugees.html';
    await expect(
      handleExtract({ feedId: 'voa', url: outer }, deps({ [outer]: frameset, [frameUrl]: networkDown(frameUrl) }), { finalAttempt: false }),
    ).rejects.toBeInstanceOf(PipelineError);
  });
});

describe('fromFeedContent', () => {
  it('stores a table of the feed content row by row, cells apart by tabs', async () => {
    const words = 'The league office supplied the results of the weekend matches to the agency on Saturday evening. '.repeat(4);
    const content = `<p>${words}</p><table><tr><td>Aberdeen</td><td>1</td><td>Hibernian</td><td>2</td></tr><tr><td>Hearts</td><td>2</td><td>Motherwell</td><td>2</td></tr></table>`;
    const body = await fromFeedContent({ feedId: 'f', url: 'https://news.test/results', title: 'Results', content });
    expect(body?.text).toContain('Aberdeen\t1\tHibernian\t2\n\nHearts\t2\tMotherwell\t2');
  });
});
