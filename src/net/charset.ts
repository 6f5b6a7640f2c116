/**
 * Charset detection and decoding (pure). Order: BOM, then the declared charsets
 * (HTTP Content-Type, then XML prolog / HTML meta), checked against the bytes:
 * valid UTF-8 with non-ASCII content overrides a legacy declaration, a declaration
 * whose decoding produces replacement characters gives way to the next one,
 * and windows-1252 is the last resort.
 */

import { isAscii, isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type CharsetSource = 'bom' | 'header' | 'document' | 'utf8' | 'sniffed' | 'fallback';

export type DecodedText = { text: string; charset: string; source: CharsetSource };

/** WHATWG-style label aliases: what browsers really decode these labels as. */
const ALIASES: Record<string, string> = {
  'utf8': 'utf-8',
  'unicode-1-1-utf-8': 'utf-8',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  'iso_8859-1': 'windows-1252',
  'latin1': 'windows-1252',
  'l1': 'windows-1252',
  'us-ascii': 'windows-1252',
  'ascii': 'windows-1252',
  'cp1252': 'windows-1252',
  'x-cp1252': 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'gb2312': 'gbk',
  'gb_2312-80': 'gbk',
  'x-gbk': 'gbk',
  'cp936': 'gbk',
  'x-sjis': 'shift_jis',
  'sjis': 'shift_jis',
  'ms_kanji': 'shift_jis',
  'windows-31j': 'shift_jis',
  'cp932': 'shift_jis',
  'x-euc-jp': 'euc-jp',
  'ks_c_5601-1987': 'euc-kr',
  'windows-949': 'euc-kr',
  'big5-hkscs': 'big5',
  'x-big5': 'big5',
  'koi8': 'koi8-r',
  'unicode': 'utf-16le',
  'utf-16': 'utf-16le',
  'ucs-2': 'utf-16le',
};

/** Canonical lower-case charset name when iconv-lite can decode it, else null. */
export function normalizeCharset(label: string | null | undefined): string | null {
  if (typeof label !== 'string') {
    return null;
  }
  const l = label.trim().replace(/^["']|["']$/g, '').toLowerCase();
  if (l === '') {
    return null;
  }
  const name = ALIASES[l] ?? l;
  return iconv.encodingExists(name) ? name : null;
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetFromContentType(contentType: string | null | undefined): string | null {
  if (!contentType) {
    return null;
  }
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return m?.[2] ?? null;
}

/** The encoding declared inside the document: XML prolog, then HTML <meta charset> / http-equiv. */
export function charsetFromDocument(body: Uint8Array): string | null {
  const head = Buffer.from(body.subarray(0, 4096)).toString('latin1');
  const prolog = /^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/i.exec(head);
  if (prolog) {
    return prolog[1] ?? null;
  }
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  return meta?.[1] ?? null;
}

function bomCharset(body: Uint8Array): { charset: string; length: number } | null {
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) {
    return { charset: 'utf-8', length: 3 };
  }
  // UTF-32 first: its little-endian BOM begins with UTF-16LE's.
  if (body[0] === 0xff && body[1] === 0xfe && body[2] === 0 && body[3] === 0) {
    return { charset: 'utf-32le', length: 4 };
  }
  if (body[0] === 0 && body[1] === 0 && body[2] === 0xfe && body[3] === 0xff) {
    return { charset: 'utf-32be', length: 4 };
  }
  if (body[0] === 0xff && body[1] === 0xfe) {
    return { charset: 'utf-16le', length: 2 };
  }
  if (body[0] === 0xfe && body[1] === 0xff) {
    return { charset: 'utf-16be', length: 2 };
  }
  return null;
}

/** UTF-32 or UTF-16 without a BOM, recognised by the NUL bytes around the first ASCII characters ("<" or "{"). */
function sniffUtf16(body: Uint8Array): string | null {
  if (body.length < 4) {
    return null;
  }
  if (body[0] === 0 && body[1] === 0 && body[2] === 0 && body[3] !== 0) {
    return 'utf-32be';
  }
  if (body[0] !== 0 && body[1] === 0 && body[2] === 0 && body[3] === 0) {
    return 'utf-32le';
  }
  let evenNul = 0;
  let oddNul = 0;
  const n = Math.min(body.length - (body.length % 2), 64);
  for (let i = 0; i < n; i += 2) {
    if (body[i] === 0) evenNul++;
    if (body[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.7 && evenNul === 0) {
    return 'utf-16le';
  }
  if (evenNul >= pairs * 0.7 && oddNul === 0) {
    return 'utf-16be';
  }
  return null;
}

/** True when the bytes are well-formed UTF-8 (shortest forms, no surrogates). */
export function isValidUtf8(b: Uint8Array): boolean {
  return isUtf8(b);
}

const hasHighBytes = (b: Uint8Array): boolean => !isAscii(b);

const isUtf16 = (c: string): boolean => c.startsWith('utf-16') || c.startsWith('utf-32') || c === 'ucs2';

function decodeWith(body: Uint8Array, charset: string): string {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (charset === 'utf-8') {
    return buf.toString('utf8');
  }
  return iconv.decode(buf, charset, { stripBOM: true });
}

const countReplacement = (s: string): number => {
  let n = 0;
  for (let i = s.indexOf('\ufffd'); i !== -1; i = s.indexOf('\ufffd', i + 1)) {
    n++;
  }
  return n;
};

/**
 * Detects the charset of a body and decodes it. `contentType` is the HTTP Content-Type header (or null).
 * The returned text never starts with a BOM.
 */
export function decodeBody(body: Uint8Array, contentType: string | null = null): DecodedText {
  const bom = bomCharset(body);
  if (bom) {
    return { text: decodeWith(body.subarray(bom.length), bom.charset), charset: bom.charset, source: 'bom' };
  }
  const header = normalizeCharset(charsetFromContentType(contentType));
  const utf16 = sniffUtf16(body);
  if (utf16) {
    return { text: decodeWith(body, utf16), charset: utf16, source: 'sniffed' };
  }
  const inDoc = normalizeCharset(charsetFromDocument(body));
  const declared: Array<{ charset: string; source: CharsetSource }> = [];
  if (header) {
    declared.push({ charset: header, source: 'header' });
  }
  if (inDoc && inDoc !== header && !isUtf16(inDoc)) {
    declared.push({ charset: inDoc, source: 'document' });
  }
  const first = declared[0];
  if (first && isUtf16(first.charset)) {
    return { text: decodeWith(body, first.charset), charset: first.charset, source: first.source };
  }
  if (!hasHighBytes(body)) {
    // Pure ASCII reads the same in every ASCII-compatible charset.
    const charset = first?.charset ?? 'utf-8';
    return { text: decodeWith(body, charset), charset, source: first?.source ?? 'utf8' };
  }
  if (isValidUtf8(body)) {
    const utf8Declared = declared.find((d) => d.charset === 'utf-8');
    return { text: decodeWith(body, 'utf-8'), charset: 'utf-8', source: utf8Declared?.source ?? 'utf8' };
  }
  let best: { text: string; charset: string; source: CharsetSource; bad: number } | null = null;
  for (const d of declared) {
    if (d.charset === 'utf-8') {
      continue; // not valid UTF-8: the declaration lies
    }
    const text = decodeWith(body, d.charset);
    const bad = countReplacement(text);
    if (bad === 0) {
      return { text, charset: d.charset, source: d.source };
    }
    if (!best || bad < best.bad) {
      best = { text, charset: d.charset, source: d.source, bad };
    }
  }
  if (best) {
    return { text: best.text, charset: best.charset, source: best.source };
  }
  return { text: decodeWith(body, 'windows-1252'), charset: 'windows-1252', source: 'fallback' };
}
