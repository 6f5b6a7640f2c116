/**
 * Frameset pages: the page is a layout of other documents (a menu, a banner,
 * the story), so the story has to be read from the frame that holds it. Pure
 * string work, no DOM: the extractor's main thread uses it without loading one.
 */

import { tagAttributes } from '../../lib/tag-attributes.js';
import type { Extracted } from './types.js';

/** How far into a page a <frameset> is looked for: it counts only before any body content, so near the top. */
export const FRAMESET_WITHIN = 65_536;

/** Whether the page is a frameset page. */
export const isFrameset = (html: string): boolean => /<frameset\b/i.test(html.slice(0, FRAMESET_WITHIN));

/** Frame names and file names of a frame that holds the page's content, and of one that holds anything else. */
const CONTENT_NAME = /(?:^|[^a-z])(?:main|content|body|article|story|text|page|haupt|inhalt|contenido|principal|centre|center)(?:[^a-z]|$)/i;
const OTHER_NAME = /(?:^|[^a-z])(?:nav|navi|navigation|menu|menue|toc|top|head|header|banner|title|logo|foot|footer|bottom|left|side|sidebar|links|ads?|advert)(?:[^a-z]|$)/i;

/**
 * The share of its frameset a slot of `cols` / `rows` takes: "*" and "2*"
 * take what is left, a percentage its share, pixels a fixed strip (a menu, a
 * banner); a frameset with no sizes splits evenly.
 */
function slotShare(sizes: string[], i: number): number {
  const s = sizes[i]?.trim() ?? '';
  if (sizes.length === 0 || s === '') {
    return 1 / Math.max(1, sizes.length);
  }
  if (s.endsWith('*')) {
    return 0.6 * (Number(s.slice(0, -1)) || 1);
  }
  if (s.endsWith('%')) {
    return (Number(s.slice(0, -1)) || 0) / 100;
  }
  // Pixels: a page is about a thousand wide.
  return Math.min(0.5, (Number(s) || 0) / 1000);
}

/**
 * The URL of the frame of a frameset page that holds its content: the frame
 * given the largest share of the window (nested framesets multiplied
 * through), favoured when its name or file says content and disfavoured when
 * it says menu, banner or footer. Null when the page is no frameset, or no
 * frame leads to another http(s) page.
 */
export function mainFrameUrl(html: string, pageUrl: string): string | null {
  if (!isFrameset(html)) {
    return null;
  }
  const stack: Array<{ sizes: string[]; next: number; share: number }> = [];
  let best: { url: string; score: number } | null = null;
  const TAG = /<(\/?)(frameset|frame)\b[^<>]*>/gi;
  let m: RegExpExecArray | null;
  let frames = 0;
  while ((m = TAG.exec(html)) && frames < 32) {
    const [tag, close, name] = m as unknown as [string, string, string];
    const parent = stack.at(-1);
    if (close) {
      if (name.toLowerCase() === 'frameset') {
        stack.pop();
      }
      continue;
    }
    const share = parent ? parent.share * slotShare(parent.sizes, parent.next++) : 1;
    if (name.toLowerCase() === 'frameset') {
      const a = tagAttributes(tag);
      const sizes = (a['cols'] ?? a['rows'] ?? '').split(',').filter((s) => s.trim() !== '');
      stack.push({ sizes, next: 0, share });
      continue;
    }
    frames++;
    const a = tagAttributes(tag);
    const src = a['src'];
    if (!src) {
      continue;
    }
    let url: URL;
    try {
      url = new URL(src.trim(), pageUrl);
    } catch {
      continue;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.href.split('#')[0] === pageUrl.split('#')[0]) {
      continue;
    }
    const label = `${a['name'] ?? ''} ${a['id'] ?? ''} ${url.pathname.split('/').pop() ?? ''}`;
    const score = share * (CONTENT_NAME.test(label) ? 2 : 1) * (OTHER_NAME.test(label) ? 0.25 : 1);
    // Ties go to the later frame: the content follows the menu and the banner.
    if (!best || score >= best.score) {
      best = { url: url.href, score };
    }
  }
  return best?.url ?? null;
}

/**
 * The story read from a frameset page's frame, as the page's own: filed under
 * the page's URL (what the feed links to, not the frame's address), with a
 * warning that names the frame.
 */
export function storyOfFrame(found: Extracted, pageUrl: string, frameUrl: string): Extracted {
  return { ...found, canonicalUrl: pageUrl, warnings: [...found.warnings, `frameset page: the story was read from its frame ${frameUrl}`] };
}
