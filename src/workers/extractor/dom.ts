import { createRequire } from 'node:module';
import { parseHTML } from 'linkedom';
import { installLinkedomLazyListeners } from './linkedom-events.js';
import { installLinkedomFastQueries } from './linkedom-fast.js';

type JsdomModule = typeof import('jsdom');
let jsdomModule: JsdomModule | null = null;

/** jsdom is heavy to load (~1 s, tens of MiB): only pay for it when it is used. */
function jsdom(): JsdomModule {
  jsdomModule ??= createRequire(import.meta.url)('jsdom') as JsdomModule;
  return jsdomModule;
}

export type DomKind = 'jsdom' | 'linkedom';

export type ParsedDocument = {
  document: Document;
  close(): void;
};

/**
 * Parses HTML into a DOM the extractor can walk. Scripts never run: jsdom is
 * built without `runScripts` and resources, linkedom never executes anything.
 * The caller is expected to have stripped <script> and <style> already.
 */
export function parseDocument(html: string, url: string, kind: DomKind): ParsedDocument {
  if (kind === 'jsdom') {
    const { JSDOM, VirtualConsole } = jsdom();
    const virtualConsole = new VirtualConsole();
    const dom = new JSDOM(html, { url, virtualConsole, contentType: 'text/html' });
    return {
      document: dom.window.document,
      close: () => dom.window.close(),
    };
  }
  // Listener maps first: before any node exists (the selector install parses a page).
  installLinkedomLazyListeners();
  installLinkedomFastQueries();
  const { document } = parseHTML(html) as unknown as { document: Document };
  // linkedom has no notion of a document URL: Readability resolves links against these.
  const base = /<base\b/i.test(html) ? baseHrefOf(document, url) : url;
  Object.defineProperty(document, 'baseURI', { value: base, configurable: true });
  Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  Object.defineProperty(document, 'URL', { value: url, configurable: true });
  return { document, close: () => {} };
}

function baseHrefOf(document: Document, url: string): string {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      const base = new URL(href, url);
      return base.protocol === 'http:' || base.protocol === 'https:' ? base.href : url;
    } catch {
      return url;
    }
  }
  return url;
}
