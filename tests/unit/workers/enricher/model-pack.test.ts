import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import {
  adoptPacks,
  buildKeyTable,
  decodePack,
  encodePack,
  keyRow,
  loadPack,
  MODEL_FILES,
  packArray,
  prunedRows,
  sharedPacks,
} from '../../../../src/workers/enricher/model-pack.js';

const dir = mkdtempSync(join(tmpdir(), 'telex-model-pack-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe(encodePack.name, () => {
  it('round-trips metadata and arrays of every kind, q16 to its precision', () => {
    const bytes = encodePack(
      { format: 'test', tags: ['a', 'b'] },
      {
        f: { array: Float32Array.from([1.5, -2.25]) },
        u: { array: Uint32Array.from([7, 4_000_000_000]) },
        b: { array: Uint8Array.from([1, 2, 3]) },
        q: { array: Float32Array.from([0.12, -3.4, 0]), q16Scale: 100 },
      },
    );
    const pack = decodePack(bytes);
    expect(pack.meta).toEqual({ format: 'test', tags: ['a', 'b'] });
    expect([...packArray(pack, 'f', Float32Array)]).toEqual([1.5, -2.25]);
    expect([...packArray(pack, 'u', Uint32Array)]).toEqual([7, 4_000_000_000]);
    expect([...packArray(pack, 'b', Uint8Array)]).toEqual([1, 2, 3]);
    expect([...packArray(pack, 'q', Float32Array)]).toEqual([Math.fround(0.12), Math.fround(-3.4), 0]);
    expect(() => packArray(pack, 'missing', Float32Array)).toThrow(/no Float32Array array "missing"/);
  });

  it('refuses a q16 value that does not fit and bytes that are not a pack', () => {
    expect(() => encodePack({}, { q: { array: Float32Array.from([400]), q16Scale: 100 } })).toThrow(/does not fit int16/);
    expect(() => decodePack(new TextEncoder().encode('# some text model\n'))).toThrow(/not a telex model pack/);
    const whole = encodePack({}, { f: { array: new Float32Array(100) } });
    expect(() => decodePack(whole.slice(0, 40))).toThrow(/header runs past the end/);
    expect(() => decodePack(whole.slice(0, whole.length - 8))).toThrow(/array f runs past the end/);
  });
});

describe(buildKeyTable.name, () => {
  it('finds each key at its row, and prefix + value as the joined key, and nothing else', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `w=word${i}`);
    const t = buildKeyTable(keys);
    keys.forEach((k, i) => expect(keyRow(t, k)).toBe(i));
    expect(keyRow(t, 'w=', 'word42')).toBe(42);
    expect(keyRow(t, 'w=word4', '2')).toBe(42);
    for (let i = 5000; i < 10_000; i++) expect(keyRow(t, `w=word${i}`)).toBe(-1);
    expect(keyRow(t, '')).toBe(-1);
  });

  it('refuses a repeated key', () => {
    expect(() => buildKeyTable(['a', 'b', 'a'])).toThrow(/share a 64-bit hash/);
  });
});

describe(prunedRows.name, () => {
  it('rounds, drops small weights and the features left with none, in name order', () => {
    const rows = prunedRows(
      new Map([
        ['z', 0],
        ['a', 2],
        ['m', 4],
      ]),
      [1.26, 0.2, -0.04, 0.01, 0.3, -3],
      2,
      { minWeight: 0.1, decimals: 1 },
    );
    expect(rows.keys).toEqual(['m', 'z']);
    expect([...rows.weights]).toEqual([0.3, -3, 1.3, 0.2].map(Math.fround));
  });
});

describe(loadPack.name, () => {
  it('reads a file once per process into shared memory', () => {
    const file = pathToFileURL(join(dir, 'a.bin'));
    writeFileSync(file, encodePack({ n: 1 }, { f: { array: Float32Array.from([1, 2]) }, q: { array: Float32Array.from([0.5]), q16Scale: 10 } }));
    const a = loadPack(file);
    expect(loadPack(file)).toBe(a);
    expect(a.arrays['f']?.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(a.arrays['q']?.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('gives a worker thread the same memory: what the thread sees is what this thread wrote after handing it over', async () => {
    const file = pathToFileURL(join(dir, 'b.bin'));
    writeFileSync(file, encodePack({}, { f: { array: Float32Array.from([1, 2, 3]) } }));
    const packs = sharedPacks([file]);
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      parentPort.once('message', () => {
        const f = workerData.models[${JSON.stringify(file.href)}].arrays.f;
        parentPort.postMessage({ shared: f.buffer instanceof SharedArrayBuffer, values: [...f] });
      });`;
    const worker = new Worker(source, { eval: true, workerData: { models: packs } });
    try {
      packArray(loadPack(file), 'f', Float32Array)[0] = 42;
      const reply = await new Promise<{ shared: boolean; values: number[] }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage('go');
      });
      expect(reply).toEqual({ shared: true, values: [42, 2, 3] });
    } finally {
      await worker.terminate();
    }
  });

  it('uses adopted packs instead of reading the file', () => {
    const file = pathToFileURL(join(dir, 'never-written.bin'));
    const pack = decodePack(encodePack({ adopted: true }, {}));
    adoptPacks({ [file.href]: pack });
    expect(loadPack(file)).toBe(pack);
    adoptPacks(undefined);
  });

  it('loads the committed model files', () => {
    for (const url of Object.values(MODEL_FILES)) expect(typeof loadPack(url).meta['format']).toBe('string');
  });
});
