import { createRequire } from 'node:module';
import { Event as LinkedomEvent, EventTarget as LinkedomEventTarget, parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  installLinkedomLazyListeners,
  KNOWN_VERSIONS,
  lazyListenersMismatch,
} from '../../../../src/workers/extractor/linkedom-events.js';

type Doc = Document & { defaultView: Window & { addEventListener: EventTarget['addEventListener'] } };

const parse = (html: string): Doc => (parseHTML(html) as unknown as { document: Doc }).document;
const ev = (type: string, bubbles = true): Event => new (LinkedomEvent as unknown as typeof Event)(type, { bubbles });

/**
 * Event dispatch over linkedom nodes in every way linkedom's EventTarget
 * supports, written down as a trace: which listener ran, on which current
 * target, with which target and phase, and what dispatchEvent returned.
 */
function scenarios(): string[] {
  const trace: string[] = [];
  const doc = parse('<html><body><div id="outer"><p id="inner"><b id="leaf">x</b></p></div><i id="lone">y</i></body></html>');
  const byId = (id: string) => doc.getElementById(id) as Element;
  const name = (t: EventTarget | null) => (t && 'id' in (t as object) ? (t as Element).id || (t as Element).localName : t === doc ? 'document' : t ? 'window' : 'none');
  const log = (label: string) => (e: Event) => trace.push(`${label}:${e.type}@${name(e.currentTarget)} target=${name(e.target)} phase=${e.eventPhase}`);

  // Bubbling through ancestors, the document and the window, in order.
  for (const id of ['leaf', 'inner', 'outer']) {
    byId(id).addEventListener('ping', log(id));
  }
  doc.addEventListener('ping', log('doc'));
  doc.defaultView.addEventListener('ping', log('win'));
  trace.push(`returned ${byId('leaf').dispatchEvent(ev('ping'))}`);
  // Not bubbling: only the target.
  trace.push(`returned ${byId('leaf').dispatchEvent(ev('ping', false))}`);

  // once, handleEvent objects, removal, and removal of what was never added.
  const lone = byId('lone');
  lone.removeEventListener('tap', log('never'));
  lone.addEventListener('tap', log('once'), { once: true });
  const obj = { handleEvent: log('object') };
  lone.addEventListener('tap', obj);
  const gone = log('removed');
  lone.addEventListener('tap', gone);
  lone.removeEventListener('tap', gone);
  lone.dispatchEvent(ev('tap'));
  lone.dispatchEvent(ev('tap'));

  // stopImmediatePropagation stops the rest on this node; stopPropagation stops the ancestors.
  const inner = byId('inner');
  inner.addEventListener('halt', (e) => {
    trace.push('first');
    e.stopImmediatePropagation();
  });
  inner.addEventListener('halt', log('skipped'));
  byId('outer').addEventListener('halt', log('outer-after-immediate'));
  inner.dispatchEvent(ev('halt'));
  byId('leaf').addEventListener('stop', (e) => {
    trace.push('leaf-stops');
    e.stopPropagation();
  });
  byId('outer').addEventListener('stop', log('outer-after-stop'));
  byId('leaf').dispatchEvent(ev('stop'));

  // preventDefault decides what dispatchEvent returns; a node without listeners dispatches cleanly.
  byId('outer').addEventListener('cancel', (e) => e.preventDefault());
  trace.push(`returned ${byId('leaf').dispatchEvent(ev('cancel'))}`);
  trace.push(`returned ${doc.createElement('span').dispatchEvent(ev('cancel'))}`);
  // The window's listener sees the node as the target when nothing on the way has one.
  doc.defaultView.addEventListener('far', log('win-far'));
  trace.push(`returned ${byId('leaf').dispatchEvent(ev('far'))}`);
  return trace;
}

describe(installLinkedomLazyListeners.name, () => {
  /** The constructors a node's construction goes through, up to linkedom's EventTarget. */
  const superChain = (node: object): unknown[] => {
    const chain: unknown[] = [];
    for (let c: unknown = node.constructor; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
      chain.push(c);
    }
    return chain;
  };

  it("leaves event dispatch exactly as linkedom does it, with nodes built without linkedom's EventTarget constructor", () => {
    // Before and after the install, in the same process: the adapter changes linkedom for good.
    const before = scenarios();
    const chainBefore = superChain(parse('<p>x</p>').querySelector('p') as Element);
    expect(chainBefore.at(-1)).toBe(LinkedomEventTarget);
    expect(before.length).toBeGreaterThan(15);
    expect(before).toContain('win:ping@window target=leaf phase=3');
    expect(installLinkedomLazyListeners()).toBe('installed');
    const after = scenarios();
    expect(after).toEqual(before);
    // Nodes parsed now are still linkedom's EventTargets, with linkedom's methods' behaviour.
    const p = parse('<p>x</p>').querySelector('p') as Element;
    expect(p).toBeInstanceOf(LinkedomEventTarget);
    // Node's super constructor is no longer linkedom's EventTarget (whose constructor makes the map).
    const chainAfter = superChain(p);
    expect(chainAfter.slice(0, -1)).toEqual(chainBefore.slice(0, -1));
    expect(chainAfter).not.toContain(LinkedomEventTarget);
    expect(installLinkedomLazyListeners()).toBe('installed');
  });

  it('fits only the linkedom versions and EventTarget source it was written for', () => {
    const version = (createRequire(import.meta.url)('linkedom/package.json') as { version: string }).version;
    const source = Function.prototype.toString.call(LinkedomEventTarget);
    expect(KNOWN_VERSIONS).toContain(version);
    expect(lazyListenersMismatch(version, source)).toBeNull();
    expect(lazyListenersMismatch('0.19.0', source)).toBe('unknown-version');
    expect(lazyListenersMismatch(version, source.replace('wm.set(this, new Map)', 'wm.set(this, new Map())'))).toBe('unknown-source');
  });
});
