import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'telex-imports-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Runs `body` in plain Node against the compiled build, with a resolve hook
 * that records every module URL resolved, and returns the URLs resolved
 * before and after the body's `mark()` call.
 */
function importsOf(body: string): { before: string[]; after: string[] } {
  const log = join(dir, `imports-${Math.random().toString(36).slice(2)}.log`);
  const hook = `import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) { const r = await next(specifier, context); appendFileSync(${JSON.stringify(log)}, r.url + '\\n'); return r; }`;
  const script = `
    import { register } from 'node:module';
    import { appendFileSync } from 'node:fs';
    register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(hook)}));
    const dist = (p) => ${JSON.stringify(pathToFileURL(join(REPO, 'dist')).href)} + '/' + p;
    const mark = () => appendFileSync(${JSON.stringify(log)}, '--mark--\\n');
    ${body}
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const lines = readFileSync(log, 'utf8').split('\n').filter(Boolean);
  const at = lines.indexOf('--mark--');
  return { before: at < 0 ? lines : lines.slice(0, at), after: at < 0 ? [] : lines.slice(at + 1) };
}

const heavy = (urls: string[]) => urls.filter((u) => /\/node_modules\/(?:linkedom|sanitize-html)\//.test(u));

describe('start-up imports of the pipeline', () => {
  it('leave the DOM and the sanitizer to the extractor threads until a feed-content fallback needs them', () => {
    const { before, after } = importsOf(`
      await import(dist('pipeline.js'));
      const { fromFeedContent } = await import(dist('workers/extractor/handler.js'));
      mark();
      const words = Array.from({ length: 80 }, (_, i) => 'word' + i).join(' ');
      const body = await fromFeedContent({ feedId: 'f', url: 'https://news.test/a', title: 't', content: '<p>' + words + '</p><script>alert(1)</script>' });
      if (!body || body.wordCount !== 80 || body.html.includes('script')) throw new Error('bad fallback ' + JSON.stringify(body));
    `);
    expect(before.some((u) => u.endsWith('/dist/workers/extractor/handler.js'))).toBe(true);
    expect(heavy(before)).toEqual([]);
    expect(heavy(after).some((u) => u.includes('/node_modules/linkedom/'))).toBe(true);
    expect(heavy(after).some((u) => u.includes('/node_modules/sanitize-html/'))).toBe(true);
  });
});
