import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layering rules of STYLE.md, checked over the real import graph of src/:
 * cli | api -> workers | queues | store; workers never import each other; the
 * pure cores import nothing that does I/O; no import cycles.
 */
const SRC = resolve(import.meta.dirname, '../../../src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

type Edge = { from: string; to: string; spec: string };

function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8');
  const edges: Edge[] = [];
  const re = /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of text.matchAll(re)) {
    const spec = (m[1] ?? m[2]) as string;
    const to = spec.startsWith('.') ? relative(SRC, resolve(dirname(file), spec.replace(/\.js$/, '.ts'))) : spec;
    edges.push({ from: relative(SRC, file), to, spec });
  }
  return edges;
}

const all = files(SRC);
const edges = all.flatMap(importsOf);
const local = edges.filter((e) => !e.to.startsWith('node:') && e.spec.startsWith('.'));
const area = (p: string) => p.split('/')[0] ?? '';
const worker = (p: string) => (p.startsWith('workers/') ? p.split('/')[1] : null);

const SHELL_FILES = /(^|\/)(handler|main|pool|pool-worker)\.ts$/;
const IO_MODULES = ['ioredis', 'bullmq', 'pg', 'better-sqlite3', 'node:http', 'node:https', 'node:net', 'node:fs', 'node:fs/promises', 'node:child_process', 'node:worker_threads', 'pino'];

describe('import rules', () => {
  it('finds the source files', () => {
    expect(all.length).toBeGreaterThan(40);
    expect(edges.length).toBeGreaterThan(100);
  });

  it('keeps workers from importing each other', () => {
    const bad = local.filter((e) => worker(e.from) && worker(e.to) && worker(e.from) !== worker(e.to));
    expect(bad).toEqual([]);
  });

  it('keeps workers, queues, store and net from importing cli or api', () => {
    const bad = local.filter((e) => ['workers', 'queues', 'store', 'net', 'lib', 'ninjs'].includes(area(e.from)) && ['cli', 'api'].includes(area(e.to)));
    expect(bad).toEqual([]);
  });

  it('keeps queues, store and net from importing workers', () => {
    const bad = local.filter((e) => ['queues', 'store', 'net', 'lib'].includes(area(e.from)) && area(e.to) === 'workers');
    expect(bad).toEqual([]);
  });

  it('keeps the pure cores free of I/O, config and logging', () => {
    const ioFiles = /^(store\/(?!types\.ts|store-core\.ts)|queues\/(producer|consumer|connection|metrics)\.ts|net\/(safe-fetch|host-limiter)\.ts|config\.ts|logger\.ts|runtime\.ts|redis-server\.ts|shutdown\.ts|pipeline\.ts)/;
    const cores = edges.filter((e) => e.from.startsWith('workers/') && !SHELL_FILES.test(e.from));
    expect(cores.length).toBeGreaterThan(20);
    // The enricher's model packs are files of the package itself, read once like a JSON import
    // (binary, so through node:fs): the one module allowed to read them.
    const packageData = (e: Edge) => e.from === 'workers/enricher/model-pack.ts' && e.to === 'node:fs';
    // Type-only imports are skipped when the graph is read, so a core may still name I/O types.
    expect(cores.filter((e) => (IO_MODULES.includes(e.to) || ioFiles.test(e.to)) && !packageData(e))).toEqual([]);
  });

  it('has no import cycles', () => {
    const graph = new Map<string, string[]>();
    for (const e of local) {
      graph.set(e.from, [...(graph.get(e.from) ?? []), e.to]);
    }
    const cycles: string[][] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (n: string) => {
      state.set(n, 'visiting');
      stack.push(n);
      for (const m of graph.get(n) ?? []) {
        if (state.get(m) === 'visiting') {
          cycles.push([...stack.slice(stack.indexOf(m)), m]);
        } else if (!state.has(m)) {
          visit(m);
        }
      }
      stack.pop();
      state.set(n, 'done');
    };
    for (const n of graph.keys()) {
      if (!state.has(n)) {
        visit(n);
      }
    }
    expect(cycles).toEqual([]);
  });
});
