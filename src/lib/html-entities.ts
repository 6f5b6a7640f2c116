/** HTML character references read without a DOM: numeric ones as HTML5 reads them, and the common named ones. Pure. */

import { CP1252_HIGH } from './cp1252.js';

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

/** Windows-1252 meanings of the C1 control points 0x80-0x9f (undefined ones keep their code point). */
const CP1252_C1 = CP1252_HIGH.map((ch, i) => (ch === '\ufffd' ? 0x80 + i : (ch.codePointAt(0) as number)));

/**
 * The character a numeric character reference stands for, as HTML5 reads it: the C1
 * control points 128-159 are what publishers mean in Windows-1252 (`&#146;` is ’),
 * invalid code points become U+FFFD.
 */
export function codePointToString(cp: number): string {
  if (cp >= 0x80 && cp <= 0x9f) {
    return String.fromCodePoint(CP1252_C1[cp - 0x80]!);
  }
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
  // A name without its ";" only counts when no letter, digit or "=" follows (so "?a=1&copy=2" stays a query string).
  return text.replace(/&(?:#(\d{1,7});?|#[xX]([0-9a-fA-F]{1,6});?|([A-Za-z][A-Za-z0-9]{1,31})(?:;|(?![=A-Za-z0-9])))/g, (whole, dec, hex, name) => {
    if (dec !== undefined) {
      return codePointToString(Number(dec));
    }
    if (hex !== undefined) {
      return codePointToString(parseInt(hex, 16));
    }
    return NAMED[name as string] ?? whole;
  });
}
