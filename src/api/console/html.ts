/**
 * Strict HTML templating for the console: every value interpolated into an
 * `html` template is escaped unless it is itself the output of `html` (or of
 * `raw`, which only this module's callers use for constant markup). Pure.
 */

const SAFE = Symbol('safe-html');

export type SafeHtml = { readonly [SAFE]: true; readonly value: string; toString(): string };

const safe = (value: string): SafeHtml => ({ [SAFE]: true, value, toString: () => value });

export const isSafeHtml = (v: unknown): v is SafeHtml => typeof v === 'object' && v !== null && SAFE in v;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Escapes text for an element body or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c] ?? c);
}

/** Markup written by the console itself (never data). */
export const raw = (markup: string): SafeHtml => safe(markup);

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(v: HtmlValue): string {
  if (v === null || v === undefined || v === false) {
    return '';
  }
  if (isSafeHtml(v)) {
    return v.value;
  }
  if (Array.isArray(v)) {
    return v.map((x) => render(x as HtmlValue)).join('');
  }
  return escapeHtml(String(v));
}

/** Tagged template: the literal parts are markup, every `${value}` is escaped (arrays are joined). */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) {
    out += render(values[i]) + (strings[i + 1] ?? '');
  }
  return safe(out);
}

/**
 * A URL from a feed or page, fit for an href: absolute http(s) only, so
 * `javascript:`, `data:` and friends never become links. Null otherwise.
 */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) {
    return null;
  }
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A query string from the defined, non-empty values (in the given order). */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') {
      q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
