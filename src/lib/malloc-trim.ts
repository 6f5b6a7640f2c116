/**
 * glibc's malloc_trim(0) through the project's small native addon
 * (native/malloc-trim, built at install by scripts/build-native.mjs). free()
 * returns memory to the system only from the top of an arena; after a burst,
 * freed memory between allocations that are still live stays resident. The
 * SQLite page cache is the big case: its pages are thousands of small blocks.
 * Without the addon (not built, or not glibc) trimming does nothing.
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

type Addon = { trim(): boolean; supported: boolean };

const ADDON_PATH = fileURLToPath(new URL('../../native/malloc-trim/build/Release/malloc_trim.node', import.meta.url));

let addon: Addon | null | undefined;

function load(): Addon | null {
  if (addon === undefined) {
    try {
      const loaded = createRequire(import.meta.url)(ADDON_PATH) as Addon;
      addon = loaded.supported ? loaded : null;
    } catch {
      addon = null;
    }
  }
  return addon;
}

/** Whether trimMalloc can give memory back here (the addon is built, on glibc). */
export function mallocTrimAvailable(): boolean {
  return load() !== null;
}

/** Releases free malloc memory in every arena to the system; true if any was released. */
export function trimMalloc(): boolean {
  return load()?.trim() ?? false;
}
