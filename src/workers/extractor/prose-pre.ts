/**
 * Stories set in a <pre> (wire copy and plain-text pages of the 1990s and
 * 2000s: "By Jane Doe\nMarch 4, 2008\n\nThe council voted ..."): a reader sees
 * paragraphs, a byline line and a date line, but the text of a <pre> reads as
 * one block. A <pre> that holds prose, not code, a table or verse, is given
 * back as the paragraphs it shows: a blank line or a short line ends a
 * paragraph, and the lines of a paragraph hard-wrapped at a fixed width are
 * joined. Code and everything else in a <pre> is left as it is.
 */

/** Characters that code, markup and data use far more than prose does. */
const CODE_CHARS = /[{}[\]();=<>$#\\|_*^~`@]/g;
/** Columns: two words apart by three spaces or more inside a line. */
const COLUMNS = /\S {3,}\S/;
const SENTENCE_END = /[.!?]["'”’)]?$/;

type Paragraph = { html: string; text: string };

/** The lines of a <pre>'s markup grouped into the paragraphs a reader sees. */
function paragraphsOf(html: string, text: string): Paragraph[] | null {
  const htmlLines = html.split('\n');
  const textLines = text.split('\n');
  // Markup spanning lines (an element across a line break) would be cut: left alone.
  if (htmlLines.length !== textLines.length) {
    return null;
  }
  // A loop, not Math.max(...lines): a hostile <pre> of a million lines would overflow the call's arguments.
  let widest = 0;
  for (const l of textLines) {
    widest = Math.max(widest, l.trimEnd().length);
  }
  const out: Paragraph[] = [];
  let html_: string[] = [];
  let text_: string[] = [];
  const close = () => {
    if (text_.length > 0) {
      out.push({ html: html_.join(' '), text: text_.join(' ') });
    }
    html_ = [];
    text_ = [];
  };
  for (let i = 0; i < textLines.length; i++) {
    const raw = textLines[i] as string;
    const line = raw.trim();
    if (!line) {
      close();
      continue;
    }
    // An indented line opens a paragraph (wire copy indents its paragraphs instead of leaving a blank line).
    if (/^[ \t]{2,}\S/.test(raw)) {
      close();
    }
    html_.push((htmlLines[i] as string).trim());
    text_.push(line);
    // A line well short of the width the text is wrapped at ends its paragraph ("By Jane Doe", a date, a last line).
    if (raw.trimEnd().length < widest * 0.6) {
      close();
    }
  }
  close();
  return out;
}

/**
 * Whether the paragraphs are prose: most of the text in sentences of eight
 * words or more, hardly any code characters, no columns.
 */
function isProse(text: string, paragraphs: Paragraph[]): boolean {
  const letters = text.replace(/\s+/g, '');
  if (letters.length < 400 || (text.match(CODE_CHARS)?.length ?? 0) > letters.length * 0.01) {
    return false;
  }
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  if (lines.filter((l) => COLUMNS.test(l)).length > lines.length * 0.1) {
    return false;
  }
  const sentences = paragraphs.filter((p) => SENTENCE_END.test(p.text) && p.text.split(/\s+/).length >= 8);
  const inSentences = sentences.reduce((n, p) => n + p.text.length, 0);
  return sentences.length >= 3 && inSentences >= paragraphs.reduce((n, p) => n + p.text.length, 0) * 0.7;
}

/** Replaces each prose <pre> under `root` by a <div> of its paragraphs. Returns how many were replaced. */
export function unwrapProsePre(root: Element): number {
  let replaced = 0;
  for (const pre of Array.from(root.getElementsByTagName('pre'))) {
    // Code inside (<code>, a highlighter's spans) or blocks inside: not a story set in type.
    if (pre.querySelector('code, kbd, samp, span[class], div, p, table, pre')) {
      continue;
    }
    const text = pre.textContent ?? '';
    const paragraphs = paragraphsOf(pre.innerHTML, text);
    if (!paragraphs || !isProse(text, paragraphs)) {
      continue;
    }
    const doc = pre.ownerDocument;
    const div = doc.createElement('div');
    for (const name of ['id', 'class']) {
      const v = pre.getAttribute(name);
      if (v) {
        div.setAttribute(name, v);
      }
    }
    div.innerHTML = paragraphs.map((p) => `<p>${p.html}</p>`).join('');
    pre.replaceWith(div);
    replaced++;
  }
  return replaced;
}
