import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

describe('the telex package', () => {
  it('gives plain Node the pure cores through its package entry', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { extractArticle, enrichArticle, toNinjs } from 'telex';
      const html = readFileSync('tests/fixtures/pages/voa-2002-06-11.html', 'utf8');
      const x = extractArticle(html, 'https://www.voanews.test/a/refugees.html');
      const record = enrichArticle({ ...x, feedId: 'voa', url: 'https://www.voanews.test/a/refugees.html',
        canonicalUrl: 'https://www.voanews.test/a/refugees.html', fetchedAt: new Date(0).toISOString(),
        extraction: { method: 'readability', warnings: x.warnings } });
      process.stdout.write(JSON.stringify({ title: record.title, places: record.entities.places.map((p) => p.name), ninjs: toNinjs(record).headlines }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.title).toBe("N. Korean Refugees' Asylum Discussed by Beijing, Seoul");
    expect(out.places).toEqual(expect.arrayContaining(['Beijing', 'Seoul', 'China', 'South Korea', 'North Korea', 'Canada']));
    expect(JSON.stringify(out.ninjs)).toContain('N. Korean Refugees');
  });
});
