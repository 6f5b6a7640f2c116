/**
 * Texts of about `words` words for the enricher's cost figures: each text's
 * paragraphs, then the next texts' (wrapping round the set) until `words`
 * is reached. The same set in, the same texts out.
 */
export function textsOfWords(texts: readonly string[], words = 800): string[] {
  return texts.map((_, i) => {
    const paras: string[] = [];
    let n = 0;
    for (let k = 0; n < words; k++) {
      for (const p of (texts[(i + k) % texts.length] as string).split('\n\n')) {
        if (n >= words) break;
        paras.push(p);
        n += p.split(/\s+/).length;
      }
    }
    return paras.join('\n\n');
  });
}
