import { describe, expect, it } from 'vitest';
import { dumpDirFor, dumpFile, dumpText } from '../../../bench/extract-dump.js';

describe(dumpDirFor.name, () => {
  it('writes a one-mode run into DIR itself and each mode of a longer run into DIR/<mode>', () => {
    expect(dumpDirFor('/tmp/out', 'linkedom', ['linkedom'])).toBe('/tmp/out');
    expect(dumpDirFor('/tmp/out', 'linkedom', ['linkedom', 'before'])).toBe('/tmp/out/linkedom');
    expect(dumpDirFor('/tmp/out', 'before', ['linkedom', 'before'])).toBe('/tmp/out/before');
  });
});

describe(dumpFile.name, () => {
  it('names the file after the page id, with characters a path would read otherwise replaced', () => {
    expect(dumpFile('/tmp/out', '0394')).toBe('/tmp/out/0394.txt');
    expect(dumpFile('/tmp/out', 'mozilla-1')).toBe('/tmp/out/mozilla-1.txt');
    expect(dumpFile('/tmp/out', '../x y')).toBe('/tmp/out/.._x_y.txt');
  });
});

describe(dumpText.name, () => {
  it('ends the text with a line break and writes nothing for an empty result', () => {
    expect(dumpText('One.\n\nTwo.')).toBe('One.\n\nTwo.\n');
    expect(dumpText(null)).toBe('');
    expect(dumpText('')).toBe('');
  });
});
