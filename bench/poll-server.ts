/**
 * Local feed server for bench/poll-fetch.ts, run as a child process so that its CPU
 * does not count against the client. Every 5th feed publishes a new item on each
 * request (200); the others answer 304 to a matching If-None-Match.
 * Prints "listening <port>" on stdout when ready.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

const versions = new Map<number, number>();

function rss(feed: number, version: number): string {
  const items: string[] = [];
  for (let v = version; v > Math.max(0, version - 20); v--) {
    items.push(
      `<item><title>Story ${feed}-${v}</title><link>http://f${feed % 50}.bench.test/story/${feed}/${v}?utm_source=rss</link>` +
        `<guid isPermaLink="false">${feed}-${v}</guid><pubDate>${new Date(Date.UTC(2024, 0, 1) + v * 600_000).toUTCString()}</pubDate>` +
        `<description>Summary of story ${v} from feed ${feed}, a few words long.</description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Bench feed ${feed}</title><link>http://f${feed % 50}.bench.test/</link>${items.join('')}</channel></rss>`;
}

const server = http.createServer((req, res) => {
  const m = /^\/feed\/(\d+)$/.exec(req.url ?? '');
  if (!m) {
    res.writeHead(404).end();
    return;
  }
  const feed = Number(m[1]);
  const updating = feed % 5 === 0;
  let version = versions.get(feed) ?? 1;
  if (updating && req.headers['if-none-match']) {
    version += 1;
    versions.set(feed, version);
  }
  const etag = `"${feed}-${version}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag }).end();
    return;
  }
  versions.set(feed, version);
  res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag, 'cache-control': 'max-age=60' });
  res.end(rss(feed, version));
});
server.keepAliveTimeout = 30_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
});
process.on('disconnect', () => process.exit(0));
