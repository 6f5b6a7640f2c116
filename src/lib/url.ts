/** URL canonicalisation (pure): the form used for article ids and item identity. */

/** Query parameters that only track the click, never select content. Compared lower-case. */
const TRACKING_EXACT = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'mc_cid', 'mc_eid', 'igshid', 'igsh', 'ref_src', 'ref_url', '_hsenc', '_hsmi', 'hsctatracking', 'mkt_tok',
  'vero_id', 'vero_conv', 'oly_enc_id', 'oly_anon_id', 'rb_clickid', 's_cid', 'ncid', 'ocid', 'cmpid', 'cmp',
  'smid', 'smtyp', 'xtor', 'wt.mc_id', 'wt.tsrc', 'ito', 'sr_share', 'guccounter', 'guce_referrer',
  'guce_referrer_sig', 'ns_mchannel', 'ns_source', 'ns_campaign', 'ns_linkname', 'ns_fee', 'at_medium',
  'at_campaign', 'spm', 'soc_src', 'soc_trk', 'feature', '__twitter_impression', 'trk', 'trkcampaign',
  'sc_cid', 'cid_source', 'from_rss', 'src_rss',
]);
const TRACKING_PREFIXES = ['utm_', 'at_custom', 'pk_', 'mtm_', 'hmb_', 'ga_', '_ga', '_gl'];

/** A host lower-cased and without its "www." label: "WWW.Example.com" -> "example.com". */
export function bareHost(host: string): string {
  return host.toLowerCase().replace(/^www\./, '');
}

/** True for a query parameter name that only tracks the click. */
export function isTrackingParam(name: string): boolean {
  const key = name.toLowerCase();
  return TRACKING_EXACT.has(key) || TRACKING_PREFIXES.some((p) => key.startsWith(p));
}

function decodeKey(pair: string): string {
  const raw = pair.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

/**
 * Canonical form of a URL: scheme and host lower-cased, default port dropped,
 * fragment removed, tracking parameters (utm_*, fbclid, gclid, mc_cid, ...) removed,
 * remaining query parameters sorted by name (stable: repeated names keep their order,
 * values keep their original encoding), empty query dropped.
 * A string that is not an absolute URL is returned trimmed and otherwise unchanged.
 */
export function canonicalizeUrl(url: string): string {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return trimmed;
  }
  parsed.hash = '';
  if (parsed.hostname.endsWith('.') && parsed.hostname.length > 1) {
    parsed.hostname = parsed.hostname.slice(0, -1);
  }
  const query = parsed.search.startsWith('?') ? parsed.search.slice(1) : parsed.search;
  const kept = query
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => ({ pair, key: decodeKey(pair) }))
    .filter(({ key }) => !isTrackingParam(key))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ pair }) => pair);
  parsed.search = kept.length > 0 ? `?${kept.join('&')}` : '';
  return parsed.href;
}
