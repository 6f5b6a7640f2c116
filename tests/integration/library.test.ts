import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, REPO } from '../helpers/cli.js';

type Pkg = { bin: Record<string, string>; exports: Record<string, { types: string; default: string }>; dependencies: Record<string, string>; scripts: Record<string, string> };
const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as Pkg;

describe('the telex package', () => {
  it('points bin and exports at the compiled JavaScript and its declarations, and needs no TypeScript loader', () => {
    expect(join(REPO, pkg.bin.telex ?? '')).toBe(BIN);
    expect(pkg.bin.telex).toBe('dist/cli/main.js');
    expect(pkg.exports['.']).toEqual({ types: './dist/index.d.ts', default: './dist/index.js' });
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(pkg.scripts.postinstall).toBeUndefined();
    expect(readFileSync(join(REPO, 'dist/index.d.ts'), 'utf8')).toMatch(/export \{ extractArticle \}/);
  });

  it('runs the compiled command with plain Node', () => {
    const r = spawnSync(process.execPath, [BIN, 'help'], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^telex — news ingestion pipeline/);
  });

  it('gives plain Node the pure cores through its package entry', () => {
    const script = `
      import { readFileSync } from 'node:fs';
      import { extractArticle, enrichArticle, toNinjs } from 'telex';
      const html = readFileSync('tests/fixtures/pages/voa-2002-06-11.html', 'utf8');
      const x = extractArticle(html, 'https://www.voanews.test/a/refugees.html');
      const record = enrichArticle({ ...x, feedId: 'voa', url: 'https://www.voanews.test/a/refugees.html',
        canonicalUrl: 'https://www.voanews.test/a/refugees.html', fetchedAt: new Date(0).toISOString(),
        extraction: { method: 'readability', warnings: x.warnings } });
      process.stdout.write(JSON.stringify({ entry: import.meta.resolve('telex'), title: record.title, places: record.entities.places.map((p) => p.name), ninjs: toNinjs(record).headlines }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out.entry).toMatch(/\/dist\/index\.js$/);
    expect(out.title).toBe("N. Korean Refugees' Asylum Discussed by Beijing, Seoul");
    expect(out.places).toEqual(expect.arrayContaining(['Beijing', 'Seoul', 'China', 'South Korea', 'North Korea', 'Canada']));
    expect(JSON.stringify(out.ninjs)).toContain('N. Korean Refugees');
  });
});
