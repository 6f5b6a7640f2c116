import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PipelineError } from '../../../../src/errors.js';
import { extractArticle } from '../../../../src/workers/extractor/extract-article.js';
import { createExtractorPool } from '../../../../src/workers/extractor/pool.js';

const root = resolve(import.meta.dirname, '../../../..');
const seedPage = readFileSync(resolve(root, 'tests/fixtures/pages/voa-2002-06-11.html'), 'utf8');
const URL_ = 'https://news.test/2026/11/20/story.html';

const story = (body: string, head = ''): string =>
  `<!DOCTYPE html><html lang="en"><head><title>Hostile</title>${head}</head><body><article><h1>Hostile</h1>${body}</article></body></html>`;
const prose = (n: number): string =>
  Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: the ferry left the quay at dawn and the harbour master logged its departure.</p>`).join('');

const deepNesting = `<html><body>${'<div>'.repeat(100_000)}deep${'</div>'.repeat(100_000)}</body></html>`;
const neverClosedDeep = `<html><body><article>${'<div><span>'.repeat(60_000)}never closed`;
const fiftyMegabytes = story(`<p>${'all work and no play makes a dull page. '.repeat(1_300_000)}</p>`);
const allScripts = `<html><head>${'<script>var x = 1; document.write("<p>injected</p>");</script>'.repeat(2000)}</head><body>${'<script src="/a.js"></script>'.repeat(500)}<noscript>Please enable JavaScript</noscript></body></html>`;
const manyElements = story(`${prose(5)}${'<span>x</span>'.repeat(120_000)}`);
const neverClosedShallow = `<html><head><title>Unclosed</title><body><article><h1>Unclosed</h1><p>The tram depot reopened on Monday after a two-month refit, the transit agency said in a statement.<p>Drivers returned to a new canteen and a repaired roof over the maintenance pits.<p>Officials said evening services would resume on the northern line next week.<div><p>Engineers will monitor the new overhead wires during the first month of operation.<ul><li>Line 4 resumes Monday<li>Line 7 resumes Friday`;

const xssBody = `
  <p>Readers sent in <script>alert('text')</script> and &lt;script&gt;alert("escaped")&lt;/script&gt; as a test of the comment form on the harbour page.</p>
  <p onclick="alert(1)" onmouseover="steal()" style="background:url(javascript:alert(2))">The council voted on the new ferry timetable on Tuesday evening after a long debate.</p>
  <p><a href="javascript:alert(3)">click me</a> <a href="JaVaScRiPt:alert(4)">and me</a> <a href="  javascript:alert(5)">or me</a> <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCg2KTwvc2NyaXB0Pg==">data link</a> <a href="vbscript:msgbox(7)">vb</a> <a href="/timetable">the timetable</a></p>
  <p><img src="x" onerror="alert(8)"><img src="javascript:alert(9)"><img src="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEwKTwvc2NyaXB0Pjwvc3ZnPg=="> The harbour master said the changes would take effect next month.</p>
  <svg><script>alert(11)</script><a xlink:href="javascript:alert(12)"><text>svg link</text></a></svg>
  <iframe src="https://evil.test/" srcdoc="<script>alert(13)</script>"></iframe>
  <object data="https://evil.test/x.swf"></object><embed src="https://evil.test/x.swf">
  <form action="https://evil.test/"><button formaction="javascript:alert(14)">Go</button></form>
  <math><mtext><table><mglyph><style><img src=x onerror=alert(15)></style></mglyph></table></mtext></math>
  <p>Ferry operators said they were ready for the change and would publish the new times online.</p>
  <div style="expression(alert(16))" class="x" id="y"><p>Commuters welcomed the later sailings on weekdays during the winter months.</p></div>
  <p><base href="javascript:alert(17)//"><a href="/relative">relative link</a></p>
  <p>"><img src=x onerror=alert(18)> &lt;img src=x onerror=alert(19)&gt; more prose about ferries and tides and timetables.</p>
`;

function expectNothingExecutable(html: string): void {
  expect(html).not.toMatch(/<\s*(script|style|iframe|object|embed|form|button|svg|math|base|link|meta|input)\b/i);
  // Inside tags only: escaped markup in the text (&lt;img onerror=...&gt;) is harmless.
  expect(html).not.toMatch(/<[^>]*\son\w+\s*=/i);
  expect(html).not.toMatch(/<[^>]*(javascript:|vbscript:|data:)/i);
  expect(html).not.toMatch(/<[^>]*\s(style|srcdoc|formaction|xlink:href|class|id)\s*=/i);
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    expect(m[1]).toMatch(/^(https?:\/\/|mailto:)/);
  }
}

describe(`${extractArticle.name} on hostile pages`, () => {
  it('fails with a permanent error when elements nest 100,000 deep', () => {
    const err = (() => {
      try {
        extractArticle(deepNesting, URL_);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(PipelineError);
    expect((err as PipelineError).retryable).toBe(false);
  });

  it('fails with a permanent error when 120,000 tags are opened and never closed', () => {
    expect(() => extractArticle(neverClosedDeep, URL_)).toThrow(PipelineError);
  });

  it('fails as too_large without parsing when the page is 50 MB', () => {
    expect(fiftyMegabytes.length).toBeGreaterThan(50_000_000);
    try {
      extractArticle(fiftyMegabytes, URL_);
      expect.unreachable();
    } catch (e) {
      expect((e as PipelineError).code).toBe('too_large');
    }
  });

  it('fails as too_large when the page has more elements than the limit', () => {
    try {
      extractArticle(manyElements, URL_);
      expect.unreachable();
    } catch (e) {
      expect((e as PipelineError).code).toBe('too_large');
    }
  });

  it.each(['jsdom', 'linkedom'] as const)('returns null when the page is all scripts (%s)', (dom) => {
    expect(extractArticle(allScripts, URL_, { dom })).toBeNull();
  });

  it.each(['jsdom', 'linkedom'] as const)('extracts the text and nothing executable when the page carries XSS payloads (%s)', (dom) => {
    const article = extractArticle(story(xssBody), URL_, { dom });
    expect(article).not.toBeNull();
    const html = article?.html ?? '';
    expectNothingExecutable(html);
    expect(article?.text).toContain('The council voted on the new ferry timetable');
    expect(article?.text).toContain('Commuters welcomed the later sailings');
    expect(article?.text).not.toContain("alert('text')");
    expect(html).toContain('href="https://news.test/timetable"');
    // Escaped markup in the text stays text.
    expect(article?.text).toContain('<script>alert("escaped")</script>');
    expect(html).toContain('&lt;script&gt;alert("escaped")&lt;/script&gt;');
  });

  it.each(['jsdom', 'linkedom'] as const)('extracts clean text when the page has invalid bytes and control characters (%s)', (dom) => {
    const bytes = Buffer.concat([
      Buffer.from(`<!DOCTYPE html><html lang="en"><head><title>Bytes</title></head><body><article><h1>Bytes</h1>${prose(4)}<p>Broken: `),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0x28, 0x00, 0x01, 0x1b]),
      Buffer.from(' end of the broken paragraph.\u0000</p></article></body></html>'),
    ]);
    const html = `${bytes.toString('utf8')}\uD800 lone surrogate`;
    const article = extractArticle(html, URL_, { dom });
    expect(article?.text).toContain('Paragraph 3: the ferry left the quay');
    expect(article?.text).toContain('end of the broken paragraph.');
    expect(article?.text).not.toMatch(/[\u0000-\u0008\u000B\u000E-\u001F]/);
    expect(article?.html).not.toMatch(/[\u0000-\u0008\u000B\u000E-\u001F]/);
  });

  it.each(['jsdom', 'linkedom'] as const)('extracts every paragraph when the page never closes its tags (%s)', (dom) => {
    const article = extractArticle(neverClosedShallow, URL_, { dom });
    expect(article?.text).toContain('The tram depot reopened on Monday');
    expect(article?.text).toContain('Engineers will monitor the new overhead wires');
    expect(article?.text).toContain('Line 7 resumes Friday');
  });
});

describe(`${createExtractorPool.name} with hostile pages`, () => {
  const pool = createExtractorPool({ size: 2, timeoutMs: 30_000 });
  afterAll(async () => {
    await pool.close();
  });

  it('fails each hostile page alone and still extracts the good page sent with them', async () => {
    const pages = [deepNesting, neverClosedDeep, fiftyMegabytes, allScripts, manyElements, story(xssBody), seedPage];
    const results = await Promise.allSettled(pages.map((p, i) => pool.extract(p, `https://news.test/${i}.html`)));
    const [deep, unclosed, huge, scripts, many, xss, seed] = results;
    for (const r of [deep, unclosed, huge, many]) {
      expect(r?.status).toBe('rejected');
      expect((r as PromiseRejectedResult).reason).toBeInstanceOf(PipelineError);
    }
    expect(scripts).toEqual({ status: 'fulfilled', value: null });
    expect(xss?.status).toBe('fulfilled');
    expectNothingExecutable((xss as PromiseFulfilledResult<{ html: string }>).value.html);
    expect(seed?.status).toBe('fulfilled');
    expect((seed as PromiseFulfilledResult<{ title: string }>).value.title).toBe("N. Korean Refugees' Asylum Discussed by Beijing, Seoul");
  });
});
