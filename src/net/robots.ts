/**
 * robots.txt for article pages (RFC 9309), parsed with robots-parser.
 *
 * One robots.txt per origin (scheme, host, port), fetched on first need and
 * kept in memory for as long as its own Cache-Control / Expires say, never
 * more than a day; concurrent checks for one origin share one fetch. What a
 * missing or failing robots.txt means follows RFC 9309 2.3.1: a 4xx (none
 * published) allows everything; a 5xx disallows everything until it is asked
 * again (a short while later). A network failure allows: the page fetch then
 * fails on its own, with its own error. Feeds are not checked here: a feed is
 * published to be polled.
 */

import robotsModule from 'robots-parser';
import { PipelineError } from '../errors.js';
import { parseMaxAge } from './http-headers.js';
import type { HttpClient } from './types.js';

type Robot = {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
};
/** robots-parser is CommonJS (`module.exports = function`); its typings describe an ES default export. */
const robotsParser = ((robotsModule as { default?: unknown }).default ?? robotsModule) as (url: string, text: string) => Robot;

export type RobotsDecision = {
  allowed: boolean;
  /** Crawl-delay for our user agent, in ms (capped), or null when none. */
  crawlDelayMs: number | null;
  robotsUrl: string;
  /** Why, when not allowed. */
  reason?: string;
};

export type RobotsChecker = {
  /** Whether Telex's user agent may fetch `url`, and how far apart its requests to that host must start. */
  check(url: string): Promise<RobotsDecision>;
};

export type RobotsOptions = {
  http: HttpClient;
  /** The User-Agent Telex sends; its product token ("Telex") selects the robots.txt group. */
  userAgent: string;
  now?: () => number;
  /** Longest time a robots.txt is kept (default and cap: 24 h). */
  maxAgeMs?: number;
  /** Shortest time, even when it says no-cache (default 60 s). */
  minAgeMs?: number;
  /** How long a 5xx answer (disallow all) is kept before asking again (default 10 min). */
  errorAgeMs?: number;
  /** Crawl-delay above this is taken as this (default 30 s). */
  maxCrawlDelayMs?: number;
  /** Origins kept at most (oldest dropped first; default 10,000). */
  maxOrigins?: number;
  /** Hears every robots.txt fetched (for logs and tests). */
  onFetch?: (robotsUrl: string, outcome: string) => void;
};

const DAY_MS = 24 * 3_600_000;
const MAX_ROBOTS_BYTES = 512 * 1024;

type Rules = { kind: 'rules'; robot: Robot } | { kind: 'allow-all' } | { kind: 'disallow-all'; why: string };
type Entry = { expiresAt: number; rules: Promise<Rules> };

function lifetimeMs(headers: Record<string, string>, now: number, o: { min: number; max: number }): number {
  const maxAge = parseMaxAge(headers['cache-control']);
  let ms: number | null = maxAge;
  if (ms === null && headers['expires']) {
    const expires = Date.parse(headers['expires']);
    const date = headers['date'] ? Date.parse(headers['date']) : now;
    if (Number.isFinite(expires)) {
      ms = expires - (Number.isFinite(date) ? date : now);
    }
  }
  return Math.min(o.max, Math.max(o.min, ms ?? o.max));
}

export function createRobotsChecker(opts: RobotsOptions): RobotsChecker {
  const now = opts.now ?? Date.now;
  const maxAge = Math.min(opts.maxAgeMs ?? DAY_MS, DAY_MS);
  const minAge = Math.min(opts.minAgeMs ?? 60_000, maxAge);
  const errorAge = opts.errorAgeMs ?? 10 * 60_000;
  const maxDelay = opts.maxCrawlDelayMs ?? 30_000;
  const maxOrigins = opts.maxOrigins ?? 10_000;
  const cache = new Map<string, Entry>();

  async function load(robotsUrl: string): Promise<{ rules: Rules; ttl: number }> {
    try {
      const res = await opts.http.get(robotsUrl, { accept: 'text/plain, */*;q=0.5', maxBytes: MAX_ROBOTS_BYTES });
      opts.onFetch?.(robotsUrl, String(res.status));
      const ttl = lifetimeMs(res.headers, now(), { min: minAge, max: maxAge });
      // Rules are read for the origin asked about, even when robots.txt was redirected elsewhere (RFC 9309 2.3.1.2).
      return { rules: { kind: 'rules', robot: robotsParser(robotsUrl, res.text) }, ttl };
    } catch (err) {
      const status = (err as { status?: unknown }).status;
      opts.onFetch?.(robotsUrl, typeof status === 'number' ? String(status) : err instanceof PipelineError ? err.code : 'error');
      if (typeof status === 'number' && status >= 500) {
        return { rules: { kind: 'disallow-all', why: `${robotsUrl} answered ${status}` }, ttl: errorAge };
      }
      if (typeof status === 'number') {
        // 4xx: no robots.txt, no restriction.
        return { rules: { kind: 'allow-all' }, ttl: maxAge };
      }
      // Unreachable or too large: do not block here (the page fetch reports its own failure).
      return { rules: { kind: 'allow-all' }, ttl: errorAge };
    }
  }

  function rulesFor(origin: string): Promise<Rules> {
    const t = now();
    const hit = cache.get(origin);
    if (hit && hit.expiresAt > t) {
      return hit.rules;
    }
    const robotsUrl = `${origin}/robots.txt`;
    const entry: Entry = { expiresAt: Number.POSITIVE_INFINITY, rules: Promise.resolve({ kind: 'allow-all' }) };
    entry.rules = load(robotsUrl).then(({ rules, ttl }) => {
      entry.expiresAt = now() + ttl;
      return rules;
    });
    cache.delete(origin);
    cache.set(origin, entry);
    while (cache.size > maxOrigins) {
      const oldest = cache.keys().next().value;
      if (oldest === undefined) {
        break;
      }
      cache.delete(oldest);
    }
    return entry.rules;
  }

  return {
    async check(url) {
      const u = new URL(url);
      const origin = `${u.protocol}//${u.host}`;
      const robotsUrl = `${origin}/robots.txt`;
      const rules = await rulesFor(origin);
      if (rules.kind === 'allow-all') {
        return { allowed: true, crawlDelayMs: null, robotsUrl };
      }
      if (rules.kind === 'disallow-all') {
        return { allowed: false, crawlDelayMs: null, robotsUrl, reason: `${rules.why}: every page disallowed until it answers` };
      }
      const allowed = rules.robot.isAllowed(url, opts.userAgent) !== false;
      const delay = rules.robot.getCrawlDelay(opts.userAgent);
      const crawlDelayMs = typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? Math.min(maxDelay, Math.round(delay * 1000)) : null;
      if (allowed) {
        return { allowed, crawlDelayMs, robotsUrl };
      }
      const line = rules.robot.getMatchingLineNumber(url, opts.userAgent);
      const token = opts.userAgent.split('/')[0]?.trim() || opts.userAgent;
      return {
        allowed,
        crawlDelayMs,
        robotsUrl,
        reason: `${robotsUrl} disallows ${u.pathname}${u.search} for ${token}${line > 0 ? ` (line ${line})` : ''}`,
      };
    },
  };
}
