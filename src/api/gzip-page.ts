/**
 * gzip list pages assembled from records compressed once.
 *
 * A page of 50 full records is about 1.4 MB of JSON; compressing it for every
 * request costs the API tens of milliseconds of CPU, and the same newest records
 * are on every consumer's first page. So each record's JSON is deflated once, on
 * its own (a raw deflate stream ending in a full flush: byte-aligned and
 * independent of what precedes it, RFC 1951 §3.2.3 / zlib's Z_FULL_FLUSH), and
 * kept in a bounded cache; a page is the gzip header, the cached chunks with the
 * page's punctuation between them as stored blocks, a final stored block and the
 * trailer (CRC-32 and length of the whole JSON text, RFC 1952). Decoders see one
 * ordinary gzip member.
 *
 * An entry keeps the JSON text it was made from, and is used only for exactly
 * that text (compared in full: a record that changed in any way is compressed
 * again); it is found by the record's id and the text's length. Each entry also
 * keeps its CRC-32, and the page's is combined from them (crc32_combine), so a
 * page served from the cache is neither re-encoded nor re-hashed. The cache is
 * bounded by the bytes it holds (texts and compressed chunks), least recently
 * used out first.
 *
 * A store that can name a page's records by the digest of their text
 * (PostgreSQL: `listArticleDigests`) lets the API skip reading the texts the
 * cache holds: entries are then found by id and digest (`pageByDigest`), and
 * only the missing texts are read (`getArticleJsons`). Receiving a page of 50
 * full records from the server cost the API about 8 ms of CPU (the client
 * library's buffers and strings for 1.4 MB); the digests are 2 KB.
 */
import zlib from 'node:zlib';

/** 1f 8b, deflate, no flags, no mtime, no extra flags, OS unknown. */
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);

/** Largest stored deflate block. */
const STORED_MAX = 65_535;

/** Default bound of the cache: texts and compressed chunks (a 28 KB record and its 6 KB chunk take 34 KB). */
export const GZIP_CACHE_BYTES = 64 * 1024 * 1024;

/** Entries shorter than this are not worth a cache slot: stored as they are. */
const MIN_CACHED = 512;

type Chunk = { text: string; data: Buffer; crc: number; bytes: number };

/** Stored (uncompressed) deflate blocks holding `text`, the last one final when `final`. */
function storedBlocks(text: Buffer, final: boolean): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  do {
    const n = Math.min(STORED_MAX, text.length - at);
    const last = final && at + n >= text.length;
    const head = Buffer.alloc(5);
    head[0] = last ? 1 : 0;
    head.writeUInt16LE(n, 1);
    head.writeUInt16LE(~n & 0xffff, 3);
    parts.push(head, text.subarray(at, at + n));
    at += n;
  } while (at < text.length);
  return Buffer.concat(parts);
}

/** GF(2) product of two polynomials modulo the CRC-32 polynomial (reflected), as zlib's multmodp. */
function multmodp(a: number, b: number): number {
  let m = 0x80000000;
  let p = 0;
  for (;;) {
    if ((a & m) !== 0) {
      p ^= b;
      if ((a & (m - 1)) === 0) {
        break;
      }
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ 0xedb88320 : b >>> 1;
  }
  return p >>> 0;
}

/** x^(2^k) modulo the polynomial, k = 0..31. */
const X2N = (() => {
  const t = new Uint32Array(32);
  let p = 0x40000000; // x^1
  t[0] = p;
  for (let k = 1; k < 32; k++) {
    t[k] = p = multmodp(p, p);
  }
  return t;
})();

/** x^(n * 2^k) modulo the polynomial. */
function x2nmodp(n: number, k: number): number {
  let p = 0x80000000; // x^0
  while (n > 0) {
    if (n & 1) {
      p = multmodp(X2N[k & 31] as number, p);
    }
    n = Math.floor(n / 2);
    k++;
  }
  return p;
}

/** CRC-32 of A followed by B, from CRC-32(A), CRC-32(B) and B's length in bytes (zlib's crc32_combine). */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multmodp(x2nmodp(lengthB, 3), crcA) ^ crcB) >>> 0;
}

/** The id at the start of a record's (or summary's) JSON text, or '' when it does not start with one. */
function idOf(json: string): string {
  if (!json.startsWith('{"id":"')) {
    return '';
  }
  const end = json.indexOf('"', 7);
  return end > 7 && end < 200 ? json.slice(7, end) : '';
}

export class GzipPageCache {
  private readonly entries = new Map<string, Chunk>();
  private bytes = 0;
  hits = 0;
  misses = 0;

  constructor(
    private readonly maxBytes = GZIP_CACHE_BYTES,
    private readonly level = 6,
  ) {}

  /** Raw deflate of `json` ending in a full flush, with its CRC-32 and length: from the cache or made now. */
  private chunk(json: string): Chunk {
    const key = `${json.length}:${idOf(json)}`;
    const hit = this.entries.get(key);
    if (hit && hit.text === json) {
      return this.used(key, hit);
    }
    const text = Buffer.from(json, 'utf8');
    if (text.length < MIN_CACHED) {
      return { text: json, data: storedBlocks(text, false), crc: zlib.crc32(text), bytes: text.length };
    }
    const chunk = this.compress(text, json);
    this.misses++;
    this.keep(key, chunk);
    return chunk;
  }

  /** `text` deflated on its own, ending in a full flush, with its CRC-32 and length; `kept` is the text an entry is compared with. */
  private compress(text: Buffer, kept: string): Chunk {
    return { text: kept, data: zlib.deflateRawSync(text, { level: this.level, finishFlush: zlib.constants.Z_FULL_FLUSH }), crc: zlib.crc32(text), bytes: text.length };
  }

  /** A cache hit: `chunk` moved to the most recently used end. */
  private used(key: string, chunk: Chunk): Chunk {
    this.entries.delete(key);
    this.entries.set(key, chunk);
    this.hits++;
    return chunk;
  }

  /** Keeps `chunk` under `key`, most recently used last, dropping the least recently used over the bound. */
  private keep(key: string, chunk: Chunk): void {
    const size = (c: Chunk): number => c.text.length + c.data.length;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= size(old);
    }
    if (size(chunk) > this.maxBytes / 16) {
      return;
    }
    this.entries.set(key, chunk);
    this.bytes += size(chunk);
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) {
        break;
      }
      this.entries.delete(k);
      this.bytes -= size(v);
    }
  }

  /**
   * Of `keys` (records named by id and the digest of their text, as a store's
   * `listArticleDigests` gives them), the ids whose compressed text is not held.
   */
  missing(keys: ReadonlyArray<{ id: string; digest: string }>): string[] {
    return keys.filter((k) => !this.entries.has(digestKey(k.id, k.digest))).map((k) => k.id);
  }

  /**
   * The gzip body of a page of records named by id and digest: each from the
   * cache, or from `texts` (the texts of the ids `missing` gave, with their
   * digests, read after the keys) compressed now and kept under its digest.
   * A text read after the keys that changed in between is served as read (its
   * newer digest is what it is kept under); a record gone in between is left
   * out. Entries kept by digest hold no text: the digest stands for it.
   */
  pageByDigest(head: string, keys: ReadonlyArray<{ id: string; digest: string }>, texts: ReadonlyArray<{ id: string; digest: string; json: string }>, tail: string): Buffer {
    const read = new Map(texts.map((t) => [t.id, t]));
    const chunks: Chunk[] = [];
    for (const k of keys) {
      const key = digestKey(k.id, k.digest);
      const hit = this.entries.get(key);
      if (hit) {
        chunks.push(this.used(key, hit));
        continue;
      }
      const t = read.get(k.id);
      if (!t) {
        continue;
      }
      const chunk = this.compress(Buffer.from(t.json, 'utf8'), '');
      this.misses++;
      this.keep(digestKey(t.id, t.digest), chunk);
      chunks.push(chunk);
    }
    return this.assemble(head, chunks, tail);
  }

  /**
   * The gzip body of `head + items.join(',') + tail`: each item deflated once
   * (cached), `head`, the commas and `tail` stored as they are.
   */
  page(head: string, items: readonly string[], tail: string): Buffer {
    return this.assemble(
      head,
      items.map((item) => this.chunk(item)),
      tail,
    );
  }

  private assemble(head: string, chunks: readonly Chunk[], tail: string): Buffer {
    const parts: Buffer[] = [GZIP_HEADER];
    let crc = 0;
    let length = 0;
    const add = (c: { data: Buffer; crc: number; bytes: number }): void => {
      crc = crc32Combine(crc, c.crc, c.bytes);
      length += c.bytes;
      parts.push(c.data);
    };
    const literal = (s: string, final: boolean): { data: Buffer; crc: number; bytes: number } => {
      const b = Buffer.from(s, 'utf8');
      return { data: storedBlocks(b, final), crc: zlib.crc32(b), bytes: b.length };
    };
    add(literal(head, false));
    chunks.forEach((chunk, i) => {
      if (i > 0) {
        add(COMMA);
      }
      add(chunk);
    });
    add(literal(tail, true));
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(length >>> 0, 4);
    parts.push(trailer);
    return Buffer.concat(parts);
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/** The cache key of a record's text known by its digest (apart from the keys of texts compared in full). */
const digestKey = (id: string, digest: string): string => `d:${digest}:${id}`;

const COMMA = { data: storedBlocks(Buffer.from(','), false), crc: zlib.crc32(','), bytes: 1 };

/**
 * True when an Accept-Encoding header admits gzip (by name, x-gzip or `*`, with a q above 0).
 * Not @fastify/accept-negotiator (which @fastify/compress uses): it lets `*` admit gzip even
 * after an explicit `gzip;q=0`, which RFC 9110 §12.5.3 says refuses it.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) {
    return false;
  }
  let star = false;
  for (const part of header.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (name === 'gzip' || name === 'x-gzip') {
      return q > 0;
    }
    if (name === '*') {
      star = q > 0;
    }
  }
  return star;
}
