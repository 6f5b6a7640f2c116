/**
 * The enricher's model files ("packs"): named numeric arrays plus a little
 * JSON metadata in one binary file, and string keys looked up through a hash
 * table stored in the same file, so that a loaded model is nothing but typed
 * arrays. A process reads each pack once, into SharedArrayBuffers; the
 * enricher pool hands them to its threads (workerData), which use the same
 * memory instead of each holding a copy of the models.
 *
 * Layout: "TLXPACK1", a uint32 header length, the header (JSON: meta and the
 * arrays' names, kinds and lengths), then each array, 8-byte aligned, little-endian.
 * Kinds: f32, u32, u8, and q16 (a Float32 array stored as int16 times `scale`,
 * decoded to f32 on load).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';
import { fmix32 } from '../../lib/hash.js';

const MAGIC = 'TLXPACK1';

export type PackArray = Float32Array | Uint32Array | Uint8Array;
export type Pack = { meta: Record<string, unknown>; arrays: Record<string, PackArray> };
/** How an array is written: q16 stores a Float32Array as int16 values times `scale` (values must fit). */
export type PackEntry = { array: PackArray; q16Scale?: number };
type HeaderEntry = { name: string; kind: 'f32' | 'u32' | 'u8' | 'q16'; length: number; scale?: number };

const align8 = (n: number) => (n + 7) & ~7;

function checkEndianness(): void {
  if (endianness() !== 'LE') throw new Error('model packs are little-endian; this machine is big-endian');
}

/** The bytes of a pack file. */
export function encodePack(meta: Record<string, unknown>, arrays: Record<string, PackEntry>): Uint8Array {
  checkEndianness();
  const entries: HeaderEntry[] = [];
  const bodies: Uint8Array[] = [];
  for (const [name, { array, q16Scale }] of Object.entries(arrays)) {
    if (q16Scale !== undefined) {
      if (!(array instanceof Float32Array)) throw new Error(`pack array ${name}: q16 needs a Float32Array`);
      const q = new Int16Array(array.length);
      for (let i = 0; i < array.length; i++) {
        const v = Math.round((array[i] as number) * q16Scale);
        if (v > 32767 || v < -32768) throw new Error(`pack array ${name}: ${array[i]} does not fit int16 at scale ${q16Scale}`);
        q[i] = v;
      }
      entries.push({ name, kind: 'q16', length: q.length, scale: q16Scale });
      bodies.push(new Uint8Array(q.buffer));
    } else {
      const kind = array instanceof Float32Array ? 'f32' : array instanceof Uint32Array ? 'u32' : 'u8';
      entries.push({ name, kind, length: array.length });
      bodies.push(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    }
  }
  const header = new TextEncoder().encode(JSON.stringify({ meta, arrays: entries }));
  let size = align8(12 + header.length);
  for (const b of bodies) size = align8(size + b.length);
  const out = new Uint8Array(size);
  out.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(out.buffer).setUint32(8, header.length, true);
  out.set(header, 12);
  let at = align8(12 + header.length);
  for (const b of bodies) {
    out.set(b, at);
    at = align8(at + b.length);
  }
  return out;
}

/** A pack from its bytes; numeric arrays are views on `bytes` except q16 ones, decoded into new memory (shared when `bytes` is). */
export function decodePack(bytes: Uint8Array, what = 'model file'): Pack {
  checkEndianness();
  if (bytes.length < 12 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC) throw new Error(`${what} is not a telex model pack`);
  if (bytes.byteOffset % 8 !== 0) throw new Error(`${what}: pack bytes must start 8-byte aligned`);
  const headerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(8, true);
  if (12 + headerLength > bytes.length) throw new Error(`${what}: header runs past the end of the file`);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headerLength))) as { meta: Record<string, unknown>; arrays: HeaderEntry[] };
  const shared = bytes.buffer instanceof SharedArrayBuffer;
  const arrays: Record<string, PackArray> = {};
  let at = align8(12 + headerLength);
  for (const e of header.arrays) {
    const width = e.kind === 'u8' ? 1 : e.kind === 'q16' ? 2 : 4;
    if (at + e.length * width > bytes.length) throw new Error(`${what}: array ${e.name} runs past the end of the file`);
    const offset = bytes.byteOffset + at;
    if (e.kind === 'f32') arrays[e.name] = new Float32Array(bytes.buffer, offset, e.length);
    else if (e.kind === 'u32') arrays[e.name] = new Uint32Array(bytes.buffer, offset, e.length);
    else if (e.kind === 'u8') arrays[e.name] = new Uint8Array(bytes.buffer, offset, e.length);
    else {
      const q = new Int16Array(bytes.buffer, offset, e.length);
      const f = new Float32Array(shared ? new SharedArrayBuffer(e.length * 4) : new ArrayBuffer(e.length * 4));
      const scale = e.scale ?? 1;
      for (let i = 0; i < q.length; i++) f[i] = (q[i] as number) / scale;
      arrays[e.name] = f;
    }
    at = align8(at + e.length * width);
  }
  return { meta: header.meta, arrays };
}

// ---------- string keys ----------

/**
 * A hash table of string keys to rows 0..n-1, stored as three arrays:
 * `slots` (open addressing, linear probing; row + 1, 0 = empty) and the two
 * 32-bit hashes of each row's key. A key matches a row when both hashes do:
 * the keys themselves are not stored, so an unknown string is taken for a key
 * only if it collides on 64 bits (building the table refuses two keys that do).
 */
export type KeyTable = { slots: Uint32Array; hash1: Uint32Array; hash2: Uint32Array };

let H1 = 0;
let H2 = 0;

/** Hashes `a` followed by `b` (UTF-16 code units) into H1, H2: two multiplicative hashes, each finished by murmur3's mix (the packs' tables depend on it). */
function hashPair(a: string, b: string): void {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < a.length; i++) {
    const c = a.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  for (let i = 0; i < b.length; i++) {
    const c = b.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  H1 = fmix32(h1 ^ (a.length + b.length));
  H2 = fmix32(h2 ^ Math.imul(a.length + b.length, 0x9e3779b1));
}

/** The table of `keys` (row i = keys[i]); load factor at most one half. */
export function buildKeyTable(keys: readonly string[]): KeyTable {
  let size = 16;
  while (size < keys.length * 2) size *= 2;
  const slots = new Uint32Array(size);
  const hash1 = new Uint32Array(keys.length);
  const hash2 = new Uint32Array(keys.length);
  const mask = size - 1;
  keys.forEach((k, row) => {
    hashPair(k, '');
    hash1[row] = H1;
    hash2[row] = H2;
    let s = H1 & mask;
    for (let r = slots[s] as number; r !== 0; r = slots[s] as number) {
      if (hash1[r - 1] === H1 && hash2[r - 1] === H2) throw new Error(`key table: "${k}" and "${keys[r - 1]}" share a 64-bit hash (or repeat)`);
      s = (s + 1) & mask;
    }
    slots[s] = row + 1;
  });
  return { slots, hash1, hash2 };
}

/** The row of the key `prefix + value` (without building that string), or -1. */
export function keyRow(t: KeyTable, prefix: string, value = ''): number {
  hashPair(prefix, value);
  const mask = t.slots.length - 1;
  for (let s = H1 & mask; ; s = (s + 1) & mask) {
    const r = t.slots[s] as number;
    if (r === 0) return -1;
    if (t.hash1[r - 1] === H1 && t.hash2[r - 1] === H2) return r - 1;
  }
}

/** A key table's arrays as pack entries, under `name.slots`, `name.hash1`, `name.hash2`. */
export function keyTableEntries(name: string, t: KeyTable): Record<string, PackEntry> {
  return { [`${name}.slots`]: { array: t.slots }, [`${name}.hash1`]: { array: t.hash1 }, [`${name}.hash2`]: { array: t.hash2 } };
}

/** The key table stored under `name` in a pack. */
export function packKeyTable(pack: Pack, name: string): KeyTable {
  return { slots: packArray(pack, `${name}.slots`, Uint32Array), hash1: packArray(pack, `${name}.hash1`, Uint32Array), hash2: packArray(pack, `${name}.hash2`, Uint32Array) };
}

export function packArray<A extends PackArray>(pack: Pack, name: string, kind: { new (n: number): A; name: string }): A {
  const a = pack.arrays[name];
  if (!(a instanceof kind)) throw new Error(`model pack: no ${kind.name} array "${name}"`);
  return a;
}

/** A map-like view (row offsets row * stride) of a key table, for code that looks features up by name. */
export function keyOffsets(t: KeyTable, stride: number): { get(key: string): number | undefined; readonly size: number } {
  return {
    get: (key) => {
      const r = keyRow(t, key);
      return r < 0 ? undefined : r * stride;
    },
    size: t.hash1.length,
  };
}

// ---------- linear models ----------

/** `x` rounded to `decimals` as toFixed does, with -0 read as 0. */
export const roundTo = (x: number, decimals: number): number => Number(x.toFixed(decimals)) + 0;

/**
 * The rows of a linear model worth saving: each feature's weights rounded to
 * `decimals`, those under `minWeight` in size set to 0 (except in the rows
 * `keepSmall` names), features left with no weight dropped; features in name order.
 */
export function prunedRows(
  features: Iterable<readonly [string, number]>,
  weights: ArrayLike<number>,
  stride: number,
  opts: { minWeight: number; decimals: number; keepSmall?: (name: string) => boolean },
): { keys: string[]; weights: Float32Array } {
  const kept: Array<[string, Float32Array]> = [];
  for (const [name, at] of [...features].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const row = new Float32Array(stride);
    let any = false;
    const small = opts.keepSmall?.(name) ?? false;
    for (let k = 0; k < stride; k++) {
      const v = roundTo(weights[at + k] as number, opts.decimals);
      if (small ? v !== 0 : Math.abs(v) >= opts.minWeight) {
        row[k] = v;
        any = true;
      }
    }
    if (any) kept.push([name, row]);
  }
  const out = new Float32Array(kept.length * stride);
  kept.forEach(([, row], i) => out.set(row, i * stride));
  return { keys: kept.map(([k]) => k), weights: out };
}

// ---------- loading, once per process ----------

const LOADED = new Map<string, Pack>();

/** Reads a file into a new SharedArrayBuffer. */
function readShared(url: URL): Uint8Array {
  const fd = openSync(url, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    let at = 0;
    while (at < size) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
    if (at !== size) throw new Error(`short read of ${url.pathname}`);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * The pack at `url`: read on first use in this process (or handed over by the
 * thread's parent, see adoptPacks), then kept. Its arrays live in
 * SharedArrayBuffers, so passing the pack to a worker thread shares them.
 */
export function loadPack(url: URL): Pack {
  let pack = LOADED.get(url.href);
  if (!pack) {
    pack = decodePack(readShared(url), url.pathname);
    LOADED.set(url.href, pack);
  }
  return pack;
}

/** The packs at `urls`, loaded now, keyed for adoptPacks (pass as a worker thread's workerData). */
export function sharedPacks(urls: readonly URL[]): Record<string, Pack> {
  return Object.fromEntries(urls.map((u) => [u.href, loadPack(u)]));
}

/** Makes packs loaded by another thread (sharedPacks) this thread's own, so that loadPack does not read them again. */
export function adoptPacks(packs: unknown): void {
  if (!packs || typeof packs !== 'object') return;
  for (const [href, pack] of Object.entries(packs as Record<string, Pack>)) {
    if (pack && typeof pack === 'object' && 'arrays' in pack && !LOADED.has(href)) LOADED.set(href, pack);
  }
}

/** The committed model files. */
export const MODEL_FILES = {
  nerModel: new URL('./data/ner-model.bin', import.meta.url),
  nerGazetteer: new URL('./data/ner-gazetteer.bin', import.meta.url),
  /** Word clusters of GloVe vectors (scripts/build-glove-clusters.ts), read only when the gazetteer says the tagger uses them. */
  nerClusters: new URL('./data/ner-clusters.bin', import.meta.url),
  topicModel: new URL('./data/topic-model.bin', import.meta.url),
  closeLanguages: new URL('./data/close-languages.bin', import.meta.url),
  wordVectors: new URL('./data/word-vectors.bin', import.meta.url),
} as const;
