import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { EventTarget as LinkedomEventTarget, Node as LinkedomNode } from 'linkedom';

/**
 * Listener maps made on demand for linkedom's nodes, installed once per process.
 *
 * linkedom's EventTarget constructor gives every node (each element, text node
 * and comment) its own listener Map in a module-level WeakMap. The extractor
 * never adds a listener, yet those entries cost it about a fifth of its CPU
 * time per page: the WeakMap insert on every node and the garbage collector's
 * ephemeron work on them (docs/BENCHMARKS.md). This makes the constructor
 * that linkedom's Node calls with super() `Object` (which makes the object and
 * nothing else), and gives
 * Node.prototype its own addEventListener, removeEventListener and
 * dispatchEvent, which keep listeners in a WeakMap of this module, made on
 * the first addEventListener, and otherwise follow linkedom's own code (0.18)
 * step by step. Only the document's window-like event target (`defaultView`'s
 * listeners) stays linkedom's own object: when an event bubbles up to it, the
 * rest of the dispatch is linkedom's, which finds no listeners of its own on
 * the nodes and calls the window's with the same target and phase.
 *
 * Guarded: it installs only on a linkedom whose version and EventTarget source
 * are the ones it was written against, and otherwise steps aside (extraction
 * works the same, only slower). Worth offering upstream as a lazily created
 * map in linkedom's DOMEventTarget.
 */

/** linkedom versions whose EventTarget this follows. */
export const KNOWN_VERSIONS: readonly string[] = ['0.18.15'];
/** sha256 of linkedom's EventTarget class source (`Function.prototype.toString`) in those versions. */
export const KNOWN_SOURCE_SHA256 = '7c54de30b9f81bd070798156aa9a5992fadc9d6c5a54613ccb7cc76357c1d0ab';

export type LazyListenersStatus = 'installed' | 'unknown-version' | 'unknown-source' | 'no-node-class';

type Listener = EventListenerOrEventListenerObject;
type PathEntry = { currentTarget: EventTarget; target: EventTarget };
/** The fields of linkedom's Event that its dispatch uses. */
type LinkedomEvent = Event & {
  _path: PathEntry[];
  _stopImmediatePropagationFlag: boolean;
  eventPhase: number;
  currentTarget: EventTarget | null;
  target: EventTarget | null;
};
type Parent = { _getParent?: () => Parent | null; dispatchEvent?: unknown };

const listeners = new WeakMap<object, Map<string, Map<Listener, unknown>>>();

function call(event: LinkedomEvent, listener: Listener): boolean {
  if (typeof listener === 'function') {
    listener.call(event.target, event);
  } else {
    listener.handleEvent(event);
  }
  return event._stopImmediatePropagationFlag;
}

/** linkedom's invokeListeners, reading this module's maps. */
function invoke(this: LinkedomEvent, { currentTarget, target }: PathEntry): boolean | undefined {
  const map = listeners.get(currentTarget);
  const forType = map?.get(this.type);
  if (!forType) {
    return undefined;
  }
  this.eventPhase = currentTarget === target ? this.AT_TARGET : this.BUBBLING_PHASE;
  const event = this as { currentTarget: EventTarget | null; target: EventTarget | null };
  event.currentTarget = currentTarget;
  event.target = target;
  for (const [listener, options] of forType) {
    if ((options as { once?: boolean } | undefined)?.once) {
      forType.delete(listener);
    }
    if (call(this, listener)) {
      break;
    }
  }
  delete (this as Partial<LinkedomEvent>).currentTarget;
  delete (this as Partial<LinkedomEvent>).target;
  return this.cancelBubble;
}

/** linkedom's Node class, once the adapter is installed. */
let nodeClass: (abstract new () => object) | undefined;

/** The methods linkedom's Node gets: a listener map only once a listener is added. */
class LazyListenersTarget {
  addEventListener(type: string, listener: Listener, options?: unknown): void {
    let map = listeners.get(this);
    if (!map) {
      map = new Map();
      listeners.set(this, map);
    }
    let forType = map.get(type);
    if (!forType) {
      forType = new Map();
      map.set(type, forType);
    }
    forType.set(listener, options);
  }

  removeEventListener(type: string, listener: Listener): void {
    const forType = listeners.get(this)?.get(type);
    if (forType?.delete(listener) && forType.size === 0) {
      listeners.get(this)?.delete(type);
    }
  }

  dispatchEvent(event: Event): boolean {
    const e = event as LinkedomEvent;
    e.eventPhase = e.CAPTURING_PHASE;
    let node: Parent | null | undefined = this as unknown as Parent;
    while (node) {
      if (node.dispatchEvent) {
        e._path.push({ currentTarget: node as unknown as EventTarget, target: this as unknown as EventTarget });
      }
      node = e.bubbles ? node._getParent?.() : null;
    }
    let handOver = false;
    e._path.some((entry) => {
      if (nodeClass && entry.currentTarget instanceof nodeClass) {
        return invoke.call(e, entry);
      }
      handOver = true;
      return true;
    });
    e._path = [];
    if (handOver) {
      // The path reached linkedom's own target (the window): linkedom dispatches the rest.
      return (LinkedomEventTarget.prototype.dispatchEvent as (ev: Event) => boolean).call(this, event);
    }
    e.eventPhase = e.NONE;
    return !e.defaultPrevented;
  }
}

/** Why the adapter would not fit this linkedom, or null when it does. */
export function lazyListenersMismatch(version: string, eventTargetSource: string): Exclude<LazyListenersStatus, 'installed' | 'no-node-class'> | null {
  if (!KNOWN_VERSIONS.includes(version)) {
    return 'unknown-version';
  }
  return createHash('sha256').update(eventTargetSource).digest('hex') === KNOWN_SOURCE_SHA256 ? null : 'unknown-source';
}

let status: LazyListenersStatus | undefined;

/** Installs the adapter (see above) once; says whether it did, or why not. */
export function installLinkedomLazyListeners(): LazyListenersStatus {
  if (status) {
    return status;
  }
  const version = (createRequire(import.meta.url)('linkedom/package.json') as { version: string }).version;
  const mismatch = lazyListenersMismatch(version, Function.prototype.toString.call(LinkedomEventTarget));
  if (mismatch) {
    status = mismatch;
    return status;
  }
  // linkedom's Node class (its export is a facade sharing the prototype). Found without making
  // a node: the super() call sites should only ever see the new base class.
  const cls: unknown = (LinkedomNode as unknown as { prototype: { constructor: unknown } }).prototype.constructor;
  if (typeof cls !== 'function' || Object.getPrototypeOf(cls) !== LinkedomEventTarget) {
    status = 'no-node-class';
    return status;
  }
  // Node's constructor reaches its base class through this link when it calls super(): from now
  // on `Object`, which only makes the object (new.target's prototype, as before). Not an empty
  // class of ours: V8 (Node 20) then keeps dropping the optimised code of every node
  // constructor (a map dependency of its default-constructor skipping fails again and again),
  // which cost more than the listener maps saved; `Object` as the base does not
  // (bench:extract, docs/BENCHMARKS.md). Node.prototype keeps its chain (changing a
  // prototype's prototype slows V8's property access on every node); the three methods are
  // set on it.
  Object.setPrototypeOf(cls, Object);
  const proto = (cls as { prototype: object }).prototype;
  for (const name of ['addEventListener', 'removeEventListener', 'dispatchEvent'] as const) {
    Object.defineProperty(proto, name, { value: LazyListenersTarget.prototype[name], writable: true, configurable: true });
  }
  nodeClass = cls as abstract new () => object;
  status = 'installed';
  return status;
}
