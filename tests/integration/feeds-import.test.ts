/** `telex feeds import <file.opml>` names every entry it skipped, with the reason. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, scratch } from '../helpers/cli.js';

describe('telex feeds import', () => {
  it('prints the feeds imported and each skipped entry with its line and reason', async () => {
    const s = scratch([]);
    try {
      const file = join(s.dir, 'subs.opml');
      writeFileSync(
        file,
        [
          '<opml version="2.0"><body>',
          '<outline text="World"><outline type="rss" text="Wire" xmlUrl="https://wire.example.org/rss"/></outline>',
          '<outline type="rss" text="Wire twice" xmlUrl="https://wire.example.org/rss"/>',
          '<outline type="rss" text="Broken" xmlUrl="not a url"/>',
          '<outline text="A bookmark" type="link" url="https://example.org/"/>',
          '</body></opml>',
        ].join('\n'),
      );
      const r = await runCli(['feeds', 'import', file, '--config', s.configPath], s.env);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/imported 1 feeds\n {2}wire-example-org-rss -> https:\/\/wire\.example\.org\/rss/);
      expect(r.stdout).toMatch(/skipped 3/);
      expect(r.stdout).toContain('line 3: "Wire twice" https://wire.example.org/rss: duplicate of line 2');
      expect(r.stdout).toContain('line 4: "Broken" not a url: invalid URL');
      expect(r.stdout).toContain('line 5: "A bookmark": not a feed outline');
    } finally {
      s.cleanup();
    }
  }, 60_000);
});
