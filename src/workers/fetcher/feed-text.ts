/** Small pure text helpers for feed fields: entity decoding and HTML to plain text. */

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„', laquo: '«', raquo: '»',
  lsaquo: '‹', rsaquo: '›', bull: '•', middot: '·', copy: '©', reg: '®', trade: '™', deg: '°', plusmn: '±',
  times: '×', divide: '÷', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³', para: '¶', sect: '§',
  euro: '€', pound: '£', yen: '¥', cent: '¢', curren: '¤', iexcl: '¡', iquest: '¿', shy: '\u00ad',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwnj: '\u200c', zwj: '\u200d', lrm: '\u200e', rlm: '\u200f',
  dagger: '†', Dagger: '‡', permil: '‰', prime: '′', Prime: '″', larr: '←', rarr: '→', uarr: '↑', darr: '↓',
  hearts: '♥', acute: '´', cedil: '¸', uml: '¨', macr: '¯', ordf: 'ª', ordm: 'º', micro: 'µ', not: '¬',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï',
  ETH: 'Ð', Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø',
  Ugrave: 'Ù', Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', THORN: 'Þ', szlig: 'ß', agrave: 'à',
  aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç', egrave: 'è',
  eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï', eth: 'ð',
  ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø', ugrave: 'ù',
  uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', thorn: 'þ', yuml: 'ÿ', OElig: 'Œ', oelig: 'œ',
  Scaron: 'Š', scaron: 'š', Yuml: 'Ÿ', fnof: 'ƒ', circ: 'ˆ', tilde: '˜', alpha: 'α', beta: 'β', gamma: 'γ',
  delta: 'δ', pi: 'π', sigma: 'σ', omega: 'ω', mu: 'μ', infin: '∞', ne: '≠', le: '≤', ge: '≥', minus: '−',
};

/** Names every XML parser knows without a DTD. */
const XML_BUILTIN = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

function codePointToString(cp: number): string {
  if (!Number.isFinite(cp) || cp <= 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
    return '\ufffd';
  }
  return String.fromCodePoint(cp);
}

/** Decodes HTML character references (numeric and the common named ones). Unknown names stay as they are. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) {
    return text;
  }
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));?/g, (whole, dec, hex, name) => {
    if (dec !== undefined) {
      return codePointToString(Number(dec));
    }
    if (hex !== undefined) {
      return codePointToString(parseInt(hex, 16));
    }
    return NAMED[name as string] ?? whole;
  });
}

/**
 * Makes sloppy XML acceptable to a strict parser: escapes bare ampersands and
 * rewrites HTML named entities (which XML does not define) as numeric references.
 */
export function repairXmlEntities(xml: string): string {
  // CDATA sections are literal: leave them untouched.
  return xml
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith('<![CDATA[') ? part : repairEntitiesOutsideCdata(part)))
    .join('');
}

function repairEntitiesOutsideCdata(xml: string): string {
  return xml.replace(/&(#\d{1,7};|#[xX][0-9a-fA-F]{1,6};|([A-Za-z][A-Za-z0-9]{0,31});)?/g, (whole, ref, name) => {
    if (ref === undefined) {
      return '&amp;';
    }
    if (name === undefined || XML_BUILTIN.has(name as string)) {
      return whole;
    }
    const ch = NAMED[name as string];
    return ch === undefined ? `&amp;${name};` : `&#${ch.codePointAt(0)};`;
  });
}

const BLOCK = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|section|article|table|tr|pre|hr)\b[^>]*>/gi;

/** HTML (or plain text) to plain text: tags dropped, block boundaries become spaces, entities decoded, whitespace collapsed. */
export function htmlToText(html: string): string {
  const withoutInvisible = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  const noTags = withoutInvisible.replace(BLOCK, ' ').replace(/<\/?[A-Za-z][^>]*>/g, '');
  return decodeEntities(noTags).replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Caps a string at `max` characters without splitting a surrogate pair. */
export function capText(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  let cut = max;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) {
    cut -= 1;
  }
  return text.slice(0, cut);
}

/** Caps a plain-text summary at `max` characters, at a word boundary when possible, with an ellipsis. */
export function capSummary(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const hard = capText(text, max - 1);
  const space = hard.lastIndexOf(' ');
  const cut = space > max * 0.8 ? hard.slice(0, space) : hard;
  return `${cut.trimEnd()}…`;
}

/**
 * Repairs badly nested XML for a second parse: a close tag that matches an element
 * further up closes the elements in between, a close tag that matches nothing
 * closes the innermost element (below the root), and
 * elements still open at the end are closed. CDATA, comments, processing
 * instructions and quoted attribute values are left untouched.
 */
export function balanceXmlTags(xml: string): string {
  const token = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!DOCTYPE(?:[^[>]|\[[\s\S]*?\])*>|<\/\s*([A-Za-z_][\w.:-]*)\s*>|<([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/)?>/g;
  const stack: string[] = [];
  let out = '';
  let last = 0;
  for (let m = token.exec(xml); m; m = token.exec(xml)) {
    out += xml.slice(last, m.index);
    last = token.lastIndex;
    const [whole, closing, opening, selfClosing] = m;
    if (closing !== undefined) {
      const at = stack.lastIndexOf(closing);
      if (at === -1) {
        // A close tag nothing opened: most likely a misspelling of the innermost element's.
        if (stack.length > 1) {
          out += `</${stack.pop()}>`;
        }
        continue;
      }
      while (stack.length > at) {
        out += `</${stack.pop()}>`;
      }
      continue;
    }
    if (opening !== undefined && selfClosing === undefined) {
      stack.push(opening);
    }
    out += whole;
  }
  out += xml.slice(last);
  while (stack.length > 0) {
    out += `</${stack.pop()}>`;
  }
  return out;
}
