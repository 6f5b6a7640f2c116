/** Item identity (pure): which key a feed item is remembered by, and when it counts as changed. */

import { canonicalizeUrl } from '../../lib/url.js';
import { sha256Hex } from '../../lib/ids.js';
import type { ParsedItem } from './types.js';

export type IdentifiedItem = {
  /** The item, with `url` guaranteed (items without a usable link are left out). */
  item: ParsedItem & { url: string };
  /** Stable identity within the feed: "guid:<guid>", "link:<canonical url>" or "link:<canonical url>#<title hash>". */
  key: string;
  /** Changes when the item's title, content (or summary), updated date or link changes: a changed hash is an update. */
  hash: string;
};

const MAX_KEY_CHARS = 512;

function boundedKey(prefix: string, value: string): string {
  const key = `${prefix}:${value}`;
  return key.length <= MAX_KEY_CHARS ? key : `${prefix}#sha256:${sha256Hex(value)}`;
}

const normalizeSpace = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();

function contentHash(item: ParsedItem, canonical: string): string {
  return sha256Hex(
    JSON.stringify([
      normalizeSpace(item.title),
      normalizeSpace(item.content ?? item.summary),
      item.updatedAt ?? '',
      canonical,
    ]),
  ).slice(0, 32);
}

/**
 * Gives each item of one feed its identity key and change hash.
 *
 * - Key: the GUID, when the item has one and no other item of this feed repeats it;
 *   otherwise the canonical link; when the canonical link also repeats within the feed,
 *   the link plus a hash of the title.
 * - Items without a usable http(s) link are dropped (nothing could be extracted from them);
 *   see `itemsWithoutLink` to report them.
 * - Exact repeats (same key) keep only their first occurrence. Input order is kept.
 */
export function identifyItems(items: ParsedItem[]): IdentifiedItem[] {
  const usable = items.filter((i): i is ParsedItem & { url: string } => typeof i.url === 'string' && i.url !== '');
  const guidCount = new Map<string, number>();
  const linkCount = new Map<string, number>();
  const canonical = usable.map((i) => canonicalizeUrl(i.url));
  usable.forEach((item, idx) => {
    const guid = item.guid?.trim();
    if (guid) {
      guidCount.set(guid, (guidCount.get(guid) ?? 0) + 1);
    }
    const link = canonical[idx] ?? item.url;
    linkCount.set(link, (linkCount.get(link) ?? 0) + 1);
  });

  const out: IdentifiedItem[] = [];
  const seen = new Set<string>();
  usable.forEach((item, idx) => {
    const link = canonical[idx] ?? item.url;
    const guid = item.guid?.trim();
    let key: string;
    if (guid && guidCount.get(guid) === 1) {
      key = boundedKey('guid', guid);
    } else if ((linkCount.get(link) ?? 0) > 1) {
      key = boundedKey('link', `${link}#${sha256Hex(normalizeSpace(item.title)).slice(0, 16)}`);
    } else {
      key = boundedKey('link', link);
    }
    if (seen.has(key)) {
      return;
    }
    seen.add(key);
    out.push({ item, key, hash: contentHash(item, link) });
  });
  return out;
}

/** The items `identifyItems` leaves out because they carry no usable link. */
export function itemsWithoutLink(items: ParsedItem[]): ParsedItem[] {
  return items.filter((i) => typeof i.url !== 'string' || i.url === '');
}
