import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';

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
    const virtualConsole = new VirtualConsole();
    const dom = new JSDOM(html, { url, virtualConsole, contentType: 'text/html' });
    return {
      document: dom.window.document,
      close: () => dom.window.close(),
    };
  }
  const { document } = parseHTML(html) as unknown as { document: Document };
  // linkedom has no notion of a document URL: Readability resolves links against these.
  const base = baseHrefOf(document, url);
  Object.defineProperty(document, 'baseURI', { value: base, configurable: true });
  Object.defineProperty(document, 'documentURI', { value: url, configurable: true });
  Object.defineProperty(document, 'URL', { value: url, configurable: true });
  return { document, close: () => {} };
}

function baseHrefOf(document: Document, url: string): string {
  const href = document.querySelector('base[href]')?.getAttribute('href');
  if (href) {
    try {
      return new URL(href, url).href;
    } catch {
      return url;
    }
  }
  return url;
}
