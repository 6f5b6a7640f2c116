import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'a', 'abbr', 'b', 'blockquote', 'br', 'caption', 'cite', 'code', 'dd', 'del', 'dfn', 'dl', 'dt',
  'em', 'figcaption', 'figure', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i', 'img', 'ins', 'kbd', 'li',
  'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'strong', 'sub', 'sup', 'table', 'tbody',
  'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
];

/** Resolves `value` against `base`; null unless the result is http(s) (or mailto for links). */
export function absoluteUrl(value: string | null | undefined, base: string, allowMailto = false): string | null {
  if (!value) {
    return null;
  }
  const trimmed = value.trim();
  if (!trimmed) {
    return null;
  }
  try {
    const u = new URL(trimmed, base);
    if (u.protocol === 'http:' || u.protocol === 'https:' || (allowMailto && u.protocol === 'mailto:')) {
      return u.href;
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * Allowlist sanitizer for the story body: structure and inline formatting,
 * links and images only; no scripts, styles, frames, forms, event handlers,
 * classes or ids; every href/src absolute http(s). h1 becomes h2 (the title
 * is carried separately).
 */
export function sanitizeArticleHtml(html: string, baseUrl: string): string {
  return sanitizeHtml(html, {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: {
      a: ['href', 'title'],
      img: ['src', 'alt', 'title', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      time: ['datetime'],
      ol: ['start'],
      blockquote: ['cite'],
      q: ['cite'],
    },
    allowedSchemes: ['http', 'https'],
    allowedSchemesByTag: { a: ['http', 'https', 'mailto'] },
    allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'button', 'select', 'title', 'head'],
    exclusiveFilter: (frame) =>
      (frame.tag === 'img' && !frame.attribs.src) ||
      (frame.tag === 'a' && !frame.attribs.href && !frame.text.trim()) ||
      (['p', 'li', 'figure', 'figcaption', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(frame.tag) &&
        !frame.text.trim() &&
        !frame.mediaChildren.length),
    transformTags: {
      h1: 'h2',
      a: (tagName, attribs) => {
        const href = absoluteUrl(attribs.href, baseUrl, true);
        const out: Record<string, string> = {};
        if (href) {
          out.href = href;
        }
        if (attribs.title) {
          out.title = attribs.title;
        }
        return { tagName, attribs: out };
      },
      img: (tagName, attribs) => {
        const src = absoluteUrl(attribs.src, baseUrl);
        const out: Record<string, string> = {};
        if (src) {
          out.src = src;
        }
        for (const k of ['alt', 'title', 'width', 'height'] as const) {
          const v = attribs[k];
          if (v !== undefined) {
            out[k] = v;
          }
        }
        return { tagName, attribs: out };
      },
      blockquote: (tagName, attribs) => citeOnly(tagName, attribs, baseUrl),
      q: (tagName, attribs) => citeOnly(tagName, attribs, baseUrl),
    },
  }).trim();
}

function citeOnly(tagName: string, attribs: Record<string, string>, baseUrl: string): sanitizeHtml.Tag {
  const cite = absoluteUrl(attribs.cite, baseUrl);
  return { tagName, attribs: cite ? { cite } : {} };
}
