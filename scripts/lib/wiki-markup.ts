/**
 * Wiki and HTML markup that the Wikinews dump left in article text (comments such as "<!-- 0% -->", tags such as
 * <br>, <noinclude>, <blockquote>, <gallery>, magic words such as __NOTOC__, image links, the "publish
 * Archive-unreviewed" template residue), taken out for train-topics.ts' --clean-wikinews; a link's shown text is kept.
 */
export function withoutWikiMarkup(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[A-Za-z][^<>]{0,200}>/g, ' ')
    .replace(/__[A-Z]+__/g, ' ')
    .replace(/\[\[(?:Image|File):[^\]]*\]\]/gi, ' ')
    .replace(/\[\[(?:[^\]|]*\|)?([^\]]*)\]\]/g, '$1')
    .replace(/\bpublish Archive-unreviewed\b|\bArchive-unreviewed\b/g, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
