/**
 * Organisations named in another language, head word first: "Banco
 * Santander", "Compagnie Generale des Eaux", "Ministerio de Hacienda",
 * "Banca Commerciale Italiana". English news keeps such names as they are
 * written, and the tagger, whose training text has few of them, reads the
 * head and a surname-like word as a person, or ends the name at its particle
 * ("[Compagnie Generale] des [Eaux]"). A name that opens with one of these
 * heads is an organisation, and goes on over the capitalized words after it
 * and over a particle between two of them ("de", "des", "do", "della" ...).
 *
 * Pure: tags in, tags out (the same length), tokens as nerTokenize gives them.
 */
import { PERSON_TITLES } from './gazetteer.js';
import { type WordStats, writtenLowercase } from './ner-features.js';
import { lineBreakAfter } from './ner-tokens.js';
import { startsCapitalized, type Token } from './tokens.js';
import { insideTagOf, setSpan } from './wire-conventions.js';

/** Head words that open organisations' names in Spanish, Portuguese, French, Italian ("Banco", "Compagnie", "Partido"). */
const FOREIGN_HEADS: ReadonlySet<string> = new Set(
  (
    'Banco Banca Banque Caixa Caja Compagnie Compañía Compania Companhia Groupe Grupo Gruppo Societe Société Società Societa ' +
    'Ministerio Ministère Ministero Ministério Partido Partito Instituto Istituto Institut Empresa Empresas Corporación Corporacion'
  ).split(' '),
);
/** Particles between the words of such a name ("Banque Nationale de Paris", "Banco do Brasil", "Cassa di Risparmio"). */
const PARTICLES: ReadonlySet<string> = new Set('de des do da dos das di del della delle dei du d y e'.split(' '));
/** The most words of a name read so. */
const NAME_MAX = 7;

/**
 * Tags where a name that opens with a foreign organisation's head (FOREIGN_HEADS), a span of any type or an untagged run of
 * two capitalized words or more, is one organisation up to the last capitalized word after it: over particles before a
 * capitalized word, over capitalized words that are not titles of office ("Chairman") nor words the word statistics know as
 * written in lowercase ("The"), not over a line's end and not into a person's name.
 */
export function foreignOrganisations(text: string, tokens: readonly Token[], tags: readonly string[], stats: WordStats | undefined): string[] {
  let out: string[] | undefined;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const head = (tokens[i] as Token).text;
    if (!FOREIGN_HEADS.has(head)) continue;
    const cur = out ?? tags;
    const tag = cur[i] as string;
    // The head opens the name: the start of a span, or an untagged word (inside a span it is another name's word: "the ... Banco").
    if (tag.startsWith('I-')) continue;
    let end = i + 1;
    while (end < tokens.length && end - i < NAME_MAX && !lineBreakAfter(text, tokens, end - 1)) {
      const w = (tokens[end] as Token).text;
      const t = cur[end] as string;
      if (t === 'B-PER') break;
      if (PARTICLES.has(w) && startsCapitalized(tokens[end + 1]?.text ?? '') && !lineBreakAfter(text, tokens, end) && cur[end + 1] !== 'B-PER') {
        end += 2;
        continue;
      }
      if (!startsCapitalized(w) || PERSON_TITLES.has(w) || (writtenLowercase(w, stats) && !t.startsWith('I-'))) break;
      end++;
    }
    if (end === i + 1) continue;
    if (tag === 'B-ORG' && spanEndsAt(cur, i, end)) {
      i = end - 1;
      continue;
    }
    out ??= [...tags];
    // A span the name ends inside keeps its rest as a span of its own (setSpan).
    setSpan(out, i, end, 'ORG');
    i = end - 1;
  }
  return out ?? (tags as string[]);
}

/** Whether the span whose B- tag is at `from` ends exactly at `end`. */
function spanEndsAt(tags: readonly string[], from: number, end: number): boolean {
  const inside = insideTagOf(tags[from] as string);
  for (let k = from + 1; k < end; k++) if (tags[k] !== inside) return false;
  return tags[end] !== inside;
}
