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

/**
 * Wikinews' section names (its portals and categories) that the dump left as a caption before an article's first
 * sentence ("Economy and business The International Monetary Fund ...", "Canadian news The Ontario Court ..."): they
 * name the section the article was filed in, so a model trained on them learns the filing, not the story. A one-word
 * caption counts only before a sentence's usual first word ("Aviation The European Union ...", not "Sports Minister ...").
 */
const SECTION_CAPTION =
  /^(?:(?:(?:Economy and business|Politics and conflicts|Crime and law|Disasters and accidents|Science and technology|Culture and entertainment|(?:[A-Z][a-z]+ ){1,2}news)\s+)|(?:(?:Health|Environment|Sports|Weather|Obituaries|Wackynews|Aviation)\s+(?=(?:The|A|An|In|On|At|After|Following|According)\s)))+(?=[A-Z0-9"“‘'])/;

/** The text without Wikinews section captions at its start (train-topics.ts' --strip-captions). */
export function withoutSectionCaption(text: string): string {
  return text.replace(SECTION_CAPTION, '');
}
