import { bareHost } from '../../lib/url.js';
import { collapseSpace, countWords, firstTextNode, holdsNoText, inlineRun, isBlockTag, isHeadingTag, lineElement, spacedText, squash, tagOf, textBlocks, textOwners } from './blocks.js';
import { boundedRawText, shortText } from './metadata.js';
import { MONTH_START } from './written-dates.js';

/** Tags that are never part of a story body. */
const DROP_TAGS = [
  'nav', 'aside', 'form', 'button', 'input', 'select', 'textarea', 'iframe', 'object', 'embed',
  'template', 'dialog', 'menu', 'footer',
];

/** class / id tokens that mark page furniture. Matched against whole dash/underscore separated words. */
const FURNITURE_WORDS = new Set([
  'share', 'sharing', 'sharebar', 'shares', 'social', 'socials', 'newsletter', 'newsletters', 'subscribe',
  'subscription', 'signup', 'related', 'recommended', 'recommendations', 'readmore', 'comments', 'comment',
  'disqus', 'promo', 'promos', 'advert', 'advertisement', 'ad', 'ads', 'adslot', 'sponsored', 'sponsor',
  'breaking', 'skiplink', 'skiplinks', 'accessibility', 'cookie', 'cookies', 'consent', 'paywall',
  'outbrain', 'taboola', 'trending', 'popular', 'mostread', 'banner', 'toolbar', 'breadcrumb', 'breadcrumbs',
  'follow', 'sidebar', 'masthead', 'navbar', 'nav', 'menu', 'footer', 'print', 'tools', 'utility',
  'credit', 'credits', 'copyright', 'caption', 'captions', 'figcaption', 'photocredit', 'cutline', 'cutlines',
  'disclaimer', 'disclosure', 'modal', 'tooltip', 'badge', 'dropdown',
  // The list of a story's notes ("footnotes", "wp-block-footnotes"); one note ("footnote") is not named here.
  'footnotes',
  // A post's summary shown above it or on its teaser card ("post-excerpt", "article-card__excerpt").
  'excerpt',
  // A post's list of tags ("post-detail-tags", "content-topics tags").
  'tags',
]);

/**
 * Compound names that mean furniture even though their words alone do not. "gform_heading": the title and
 * description a form plugin sets above its fields ("Request our free ebook", "Fill out the form…"), outside the
 * <form> that goes as a whole.
 */
const FURNITURE_PHRASES = /(?:gform_heading|read-?more|more-?stories|most-?(?:read|popular)|you-?may-?also-?like|also-?read|see-?also|skip-?(?:link|to)|sr-only|visually-?hidden|screen-?reader|tag-?list|article-?tags|author-?bio|about-?the-?author)/i;

/**
 * A regular expression that a block's whole text matches when it is one of `phrases` (regular-expression sources, one
 * alternative each), case set aside: `^lead(?:phrase|phrase|…)tail$`.
 */
const wholeText = (phrases: readonly string[], lead = '', tail = ''): RegExp => new RegExp(`^${lead}(?:${phrases.join('|')})${tail}$`, 'i');

/** Whole-block texts that are furniture wherever they sit. */
export const FURNITURE_TEXT = wholeText(
  [
    String.raw`share(?: this)?(?: (?:article|story|page|post))?(?: on [\w ]+)?`,
    String.raw`share via [\w ]+`,
    // "Share this article with your friends", "Share With a Friend or Colleague".
    String.raw`share(?: (?:this|it|this (?:article|story|post|newsletter)))? with (?:a|your) (?:friends?|colleagues?)(?: or (?:a )?(?:friends?|colleagues?))?`,
    String.raw`tweet`,
    String.raw`e-?mail`,
    String.raw`print`,
    // Story tools of older news pages: "Print this story", "E-mail this article", "Text size: A A A",
    // "Printer-friendly version", "E-mail to a friend", "Reprints", "Discuss this story".
    String.raw`(?:print|e-?mail|save|send|bookmark|discuss|recommend)(?: (?:this|the))? (?:story|article|page|post)`,
    String.raw`(?:text|font) size:?(?:\s*[aA][+-]?){0,4}`,
    String.raw`printer[- ]friendly(?: (?:version|page|format))?`,
    String.raw`(?:e-?mail|send)(?: (?:this|it))? to a friend`,
    String.raw`reprints?`,
    String.raw`save`,
    String.raw`copy link`,
    String.raw`follow(?: us)?(?: on [\w ,&]+)?`,
    String.raw`follow [\w .'-]{1,40} on (?:twitter|x|facebook|instagram|linkedin|threads|bluesky)`,
    String.raw`(?:read|see) (?:more|also)(?:[: ].{0,100})?`,
    String.raw`related(?:(?: [\w-]+)? (?:articles|stories|content|coverage|links|news|topics|posts)(?: (?:on|from|in|and) [^.!?:]{1,50})?)?:?`,
    String.raw`thank you for subscribing(?: to [^.!?]{1,60})?`,
    String.raw`(?:(?:you )?can also read|also read|must read|don['’]t miss|recommended(?: reading)?|you (?:may|might) also like|more on (?:the|this) (?:topic|subject|story)|related(?: (?:reading|reads|articles?|stories|story|posts?|content|coverage))?)\s*:\s*[^\n]{1,150}`,
    String.raw`more (?:from|on|stories|news)(?: [\w .'-]{1,40})?:?`,
    String.raw`recommended(?: for you| stories)?`,
    String.raw`you (?:may|might) also (?:like|be interested in)`,
    String.raw`most (?:read|popular|viewed|e-?mailed|commented|shared)(?: (?:stories|articles))?`,
    String.raw`trending(?: now)?`,
    String.raw`advertisement`,
    String.raw`sponsored(?: content)?`,
    String.raw`skip to (?:main )?content`,
    String.raw`skip (?:to )?navigation`,
    String.raw`accessibility links`,
    String.raw`breaking news`,
    String.raw`sign up(?: for| to)? (?:our|the)?.{0,40}newsletter.{0,60}`,
    String.raw`subscribe(?: to)?(?: our)? .{0,60}`,
    String.raw`get (?:our|the) .{0,40}newsletter.{0,60}`,
    String.raw`(?:\d+ )?comments?(?: \(\d+\))?`,
    String.raw`leave a comment`,
    String.raw`add a comment`,
    String.raw`post a comment`,
    String.raw`join the (?:conversation|discussion)`,
    String.raw`show comments`,
    String.raw`view comments`,
    String.raw`comments are closed\.?`,
    String.raw`back to top`,
    String.raw`click here to .{0,60}`,
    String.raw`this article (?:was|is) (?:originally )?(?:published|from) .{0,80}`,
    String.raw`listen to (?:this )?article.{0,20}`,
    String.raw`(?:.{1,80}\s[|·•]\s*)?\d+\s*min(?:ute)?s?\.? read`,
    String.raw`(?:estimated )?reading time\s*:?\s*(?:about )?\d+\s*min(?:ute)?s?\.?`,
    String.raw`continue reading(?: the main story| below)?`,
    String.raw`(?:the )?(?:story|article) continues (?:below|after).{0,30}`,
    String.raw`supported by`,
    String.raw`sponsored by`,
    String.raw`presented by`,
    String.raw`brought to you by`,
    String.raw`in partnership with`,
    String.raw`a version of this article appears in print on.{0,300}`,
    String.raw`order reprints.{0,80}`,
  ],
);

/**
 * A character of a date line that is not a sentence's stop: a month's abbreviation and "a.m." / "p.m." hold one
 * ("Nov. 19, 2025", "Sept. 3, 2024 at 10:15 a.m."). Not a line break either: the line after the date is another one.
 */
const NO_STOP = String.raw`(?:[^.\n]|(?<=\b(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|[ap]|[ap]\.m))\.)`;

/** A month's name, whole or abbreviated: "June", "Sept.", "dec". */
const MONTH_NAME = String.raw`${MONTH_START}[a-z]{0,6}\.?`;

/** A date written out, month first or day first, with its year, the whole of it: "June 11, 2025", "Tuesday, Dec. 11th, 2025", "11 June 2025". */
const POST_DATE = String.raw`(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:${MONTH_NAME}\s+\d{1,2}(?:st|nd|rd|th)?,?|\d{1,2}(?:st|nd|rd|th)?\s+${MONTH_NAME},?)\s+\d{4}`;

/**
 * More whole-block furniture: "Read next" / "Latest news" / "Recent posts"
 * headings, tables of contents, shop buttons and badges ("See deal", "Now 20%
 * Off", "On sale", "Active deal", "Deal alert: 20% off at Amazon", "Where to
 * buy", "Book now", "Book a demo with Example", "Check price on Amazon", "Read
 * full review", "Read our full Nest Cam review", "Read reviews",
 * "Get a quote (212) 555-0100", "Get an estimate from a local pro"), a paid
 * section's label and title ("Advertisement: New AI Book!", "Sponsored: …"), a
 * bare "Show caption", a list's or a widget's control ("Show more", "Hide all",
 * "See all", "Load more", "Embed:"), "Sponsor this newsletter", "You may also be
 * interested in the following reports:", "Join the Facebook group", author-box headings,
 * newsletter and comment prompts, "you might also like", a script's
 * placeholder ("Loading…", "Loading prices for your region..."), an image's
 * zoom prompt ("Click to enlarge", "Press enter or click to view image in full
 * size"), an empty list's notice ("No posts found"), a bare
 * "Posted by X on <date>" or "Updated: <date>" line inside the body, and a
 * post's tags, filing or categories written on one line after a colon ("Tags: Budget,
 * Council", "Filed under: Local News", "Category: Personal Finance"; no sentence's stop among them).
 */
export const MORE_FURNITURE_TEXT = wholeText(
  [
    String.raw`back to top`,
    String.raw`(?:press enter or )?(?:click|tap)(?: here)? to (?:enlarge|expand|zoom|view (?:the )?(?:image|photo|picture) (?:in )?(?:full[- ]?size|larger))`,
    String.raw`enlarge (?:this )?(?:image|photo|picture)`,
    String.raw`read next`,
    String.raw`up next`,
    String.raw`discover more`,
    String.raw`keep reading`,
    String.raw`(?:latest|recent) (?:news|posts|articles|stories)`,
    String.raw`(?:show|hide) caption`,
    String.raw`(?:show|hide|expand|collapse|view|see|load) (?:all|more|less)`,
    String.raw`embed`,
    String.raw`(?:see|view|get) (?:the )?deals?`,
    String.raw`where to buy`,
    String.raw`on sale`,
    String.raw`active deal`,
    String.raw`deal alert\s*:.{1,80}`,
    String.raw`now \d{1,2} ?% off`,
    String.raw`in this (?:article|post|guide)`,
    String.raw`table of contents?(?: (?:show|hide|toggle))?`,
    String.raw`contents`,
    String.raw`jump to(?: section)?`,
    String.raw`on this page`,
    String.raw`check (?:the )?(?:latest )?(?:price|prices|availability)(?: (?:on|at) [\w .'&-]{1,30})?`,
    String.raw`(?:shop|buy|book|order) now`,
    String.raw`book an? (?:free )?(?:demo|call|consultation)(?: with [\w .&'’-]{1,30})?`,
    String.raw`read (?:the |our )?full (?:[^.!?]{1,60} )?review`,
    String.raw`read (?:all )?reviews`,
    String.raw`(?:advertisement|sponsored|promoted|partner content)\s*:\s*[^\n]{1,100}`,
    String.raw`(?:✅\s*)?get an? (?:free |instant )?(?:quote|estimate)(?: from a (?:local )?pro)?(?:\s*\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4})?`,
    String.raw`sponsor this (?:newsletter|podcast|blog|site|show)`,
    String.raw`about the author`,
    String.raw`meet the author`,
    String.raw`author bio`,
    String.raw`join (?:our|the) (?:mailing list|newsletter|community)\b.{0,80}`,
    String.raw`be the first to comment`,
    String.raw`what do you think\??`,
    String.raw`what (?:others|other readers|people|readers) are reading(?: now)?`,
    String.raw`(?:if you (?:liked|enjoyed) this (?:post|article|story),? )?you (?:may|might) (?:also )?(?:like|enjoy)`,
    String.raw`you (?:may|might) (?:also )?(?:be interested in the following(?: [\w ]{1,30})?|be interested\s*:\s*[^.!?]{1,80})`,
    String.raw`join (?:our|the|my) (?:facebook|discord|slack|telegram|whatsapp|linkedin|reddit) (?:group|community|server|channel)(?: here| today| now)?(?:\s*[-–—:]\s*https?:\/\/\S+)?`,
    String.raw`rate this (?:article|story|post|page)`,
    String.raw`(?:other )?(?:posts|articles|stories) you (?:may|might) (?:also )?(?:like|enjoy)`,
    String.raw`(?:pin|save) (?:(?:this|it) )?for later!?`,
    String.raw`loading(?: [^.…]{1,40})?(?:…|\.\.\.)`,
    String.raw`no (?:posts|articles|stories|comments|results)(?: (?:found|yet|to (?:show|display)))?`,
    String.raw`posted by .{1,60} (?:at|on) .{1,60}`,
    String.raw`(?:tags|tagged(?: with| in| as)?|filed under|categor(?:y|ies))\s*:\s*[^.!?:\n]{1,150}`,
    String.raw`(?:this (?:post|article|page|story) was )?(?:published|updated|posted|last updated)(?: on)?:? ${NO_STOP}{0,40}\d${NO_STOP}{0,30}`,
    // A post's date with its reading time or share button and nothing else: "June 11, 2025 5 min",
    // "December 17, 2025 • 8 minutes", "Dec 11, 2025 Share". A bare date stays (the reference keeps some).
    String.raw`${POST_DATE}(?:\s*[|·•⋅,–—-]?\s*(?:\d{1,3}\s*min(?:ute)?s?\.?(?: read)?|share))+`,
  ],
  String.raw`(?:↑\s*)?`,
  String.raw`\s*[:.!…]*`,
);

/** A picture's name in a credit: "photo", "images", "picture", "illustration". */
const PICTURE = String.raw`(?:photo|image|picture|illustration)s?`;

/** Other things a credit names: a graphic, a video, a cover or header picture, a featured one. */
const MEDIA = String.raw`(?:graphic|video|cover|header|featured?)`;

/** The word that makes a label a credit's: "credit", "courtesy", "source". */
const CREDIT_WORD = String.raw`(?:credits?|courtesy|sources?)`;

/**
 * What heads a credit before its colon: "Photo", "Image credit", "Photos courtesy", "Featured image source",
 * "Video credit", "Credits". A label of MEDIA alone is BARE_MEDIA_CREDIT's.
 */
const CREDIT_LABEL = String.raw`(?:(?:photo|image|picture|illustration) ?(?:image|photo)?s? ?${CREDIT_WORD}?|${MEDIA} ?(?:image|photo)s? ?${CREDIT_WORD}?|${MEDIA} ?s? ?${CREDIT_WORD}|credits?)`;

/**
 * A credit under a bare MEDIA label: "Video: Example News", "Graphic: Jane Doe". One label, in the singular, a colon
 * and a name without figures: "Video: 4K/30p", "Graphics: Intel Iris Xe", "Features: IP53 weather-sealing" and a
 * table's "Feature | Standard | Pro" are a product's particulars.
 */
const BARE_MEDIA_CREDIT = String.raw`${MEDIA}\s*(?:by|of|via)?\s*[:：]\s*[^\s\d][^\d]{0,150}`;

/** Photo agencies and wires a credit names after the photographer, behind a slash, "via" or "for". */
const PHOTO_AGENCY = String.raw`(?:${['getty images', 'afp', 'ap(?: photo)?', 'reuters', 'epa(?:-efe)?', 'shutterstock', 'istock(?:photo)?', 'unsplash', 'alamy', 'bloomberg', 'nurphoto', 'sopa images'].join('|')})`;

/** Picture libraries a credit may name first, before the photographer. */
const PICTURE_LIBRARY = String.raw`(?:${['getty images', 'shutterstock', 'istock(?:photo)?', 'unsplash', 'alamy', 'adobe stock'].join('|')})`;

/**
 * A photo credit or caption credit line, the whole block: one of five forms,
 * each matched without regard to case.
 */
export const CREDIT_TEXT = wholeText([
  // A label, a colon (or a bar) and the credit: "Photo: Jane Doe / Reuters", "Image credit: Example",
  // "Image source: Example", "Credit: AP", "Photo by: Jane Doe".
  String.raw`${CREDIT_LABEL}\s*(?:by|of|via)?\s*[:：|]\s*\S.{0,150}`,
  // The same under a bare label for a graphic or a video: "Video: Example News".
  BARE_MEDIA_CREDIT,
  // A picture and who made or gave it: "Photo by Jane Doe via Unsplash", "Staff photo by Tom Jones",
  // "Featured image from Example", "Image provided by Example", "Image used under license from Shutterstock".
  String.raw`(?:(?:staff|file|contributed|submitted|featured?|header|cover)\s+)?${PICTURE} (?:by|courtesy of|via|from|provided by|used under (?:a )?licen[cs]e from) \S.{0,120}`,
  // A wire first, then the photographer after a slash: "REUTERS/Jason Reed", "Reuters/Kevin Lamarque/File Photo".
  String.raw`(?:reuters|xinhua)\s*\/\s*[^\d/.!?]{2,50}(?:\/[^\d/.!?]{2,30})?`,
  // A name and an agency after a slash, "via" or "for", perhaps another after it:
  // "JIM WATSON/AFP/Getty Images", "Jane Doe for Reuters".
  String.raw`[^.!?]{0,80}(?:\/|\bvia |\bfor )\s*${PHOTO_AGENCY}(?:\s*(?:\/|via)\s*[^.!?]{0,40})?`,
  // A library first, then the photographer after a slash: "Getty Images / Jane Doe".
  String.raw`${PICTURE_LIBRARY}\s*\/\s*[^.!?\/]{1,60}`,
]);

/**
 * A copyright notice standing as its own block: "Copyright 2008 The
 * Associated Press. All rights reserved.", "© 2025 WABC-TV. All Rights
 * Reserved.", and the wires' "This material may not be published, broadcast,
 * rewritten or redistributed." The page's, not the story's.
 */
export const COPYRIGHT_NOTICE =
  /^(?:(?:copyright\s*(?:©|\(c\))?|©|\(c\))\s*(?:\d{4}|©)[^\n]{0,120}?\ball rights reserved\b\.?(?:$|\s+\p{Lu})|(?:(?:copyright|©)[^\n]{0,120}?)?\b(?:this )?material may not be (?:re)?published, broadcast, rewritten,? (?:or|and) redistributed\b)[^\n]{0,200}$/iu;

/** A block of page links and nothing else: "Next page >> Page 1 of 2", "« Previous 1 2 3 Next »". */
const PAGINATION_WORDS = /^(?:[«‹»›<>|·•:.,\s-]|\b(?:previous|prev|next|first|last|page|pages|of)\b|\d{1,3})+$/i;
/** ...with "page N of M", or "next" / "previous" beside a page number or the word "page". */
const PAGINATION_CUE = /\bpage \d+ of \d+|\b(?:next|previous|prev)\b.*(?:\d|\bpage\b)|(?:\d|\bpage\b).*\b(?:next|previous|prev)\b/i;
const isPagination = (text: string): boolean => text.length <= 120 && PAGINATION_WORDS.test(text) && PAGINATION_CUE.test(text);

/**
 * A picture's caption with its credit at the end, in brackets or after a sentence with a colon:
 * "Mayor Jim Brown signs the budget. (AP Photo/Ann Smith)", "A portrait of the queen (Picture credit: Getty)",
 * "The DSLR is the most common camera. Photo by: 'Jane Doe'."
 */
export const CAPTION_WITH_CREDIT =
  /^[^\n]{10,300}(?:\((?:[\p{L}.&'-]{1,20} ){0,3}(?:photo|photograph|image|picture)s?(?: credits?)?(?:\s*(?:\/|:|\bby\b|\bcourtesy\b)[^()]{1,60})?\)|[.!?]\s+(?:photo|image|picture)s?(?: credits?| by)?\s*:\s*[^.!?:()]{2,60})\.?$/iu;

/**
 * A caption whose last sentence is a wire photo's credit without brackets, as agencies file them: "President Bush
 * speaks on Monday. REUTERS/Jason Reed", "… on Tuesday. JIM WATSON/AFP/Getty Images", "… on Tuesday. Staff photo by
 * Tom Jones". Case counts: the photographer's name is capitalised ("… a photo by the lake." is no credit).
 */
export const CAPTION_WITH_WIRE_CREDIT = new RegExp(
  String.raw`^[^\n]{10,300}[.!?]["”’]?\s+(?:(?:REUTERS|Reuters|XINHUA|Xinhua|AFP|AP|EPA)\s*\/\s*\p{Lu}[\p{L}.' -]{1,50}(?:\/[\p{L}.' -]{2,30})?|\p{Lu}[\p{L}.' -]{1,50}\/\s*(?:AFP|AP|Getty Images|REUTERS|Reuters|EPA|Bloomberg)(?:\s*\/\s*[\p{L}.' -]{2,30})?|(?:Staff |File )?[Pp]hoto(?:graph)? by \p{Lu}[\p{L}.'-]*(?: \p{Lu}[\p{L}.'-]*){0,3})\.?$`,
  'u',
);

/** What every CAPTION_WITH_CREDIT ends with or holds, a closing bracket or a colon: tested first, since most lines have neither. */
const mayEndInCredit = (text: string): boolean => text.endsWith(')') || text.endsWith(').') || text.includes(':');

/** What every CAPTION_WITH_WIRE_CREDIT holds, a slash or a photo's "by": tested first. */
const mayEndInWireCredit = (text: string): boolean => text.includes('/') || text.includes('hoto by') || text.includes('hotograph by');

/**
 * Whole-block furniture in German, French, Spanish, Italian, Portuguese and
 * Dutch: "Lesen Sie auch: ...", "À lire aussi : ...", advertisement labels,
 * share prompts.
 */
export const FURNITURE_TEXT_INTL =
  /^(?:(?:lesen sie (?:auch|mehr)|mehr dazu|(?:à|a) lire aussi|lire aussi|lire la suite|voir aussi|lee también|leer más|leggi anche|leggi di più|leia também|leia mais|veja também|lees ook|lees meer)(?:\s*[:：]\s*\S.{0,100})?|werbung|anzeige|publicité|publicidad|pubblicità|publicidade|advertentie|teilen|artikel teilen|partager|compartir|condividi|compartilhar|delen)\s*:?$/iu;

/**
 * An affiliate disclosure: the page says it carries affiliate links, or that
 * its writers earn a commission on what readers buy through them ("This post
 * contains affiliate links.", "If you buy through our links, we may earn a
 * commission.", "As an Amazon Associate I earn from qualifying purchases.",
 * "The Motley Fool has a disclosure policy."). The site's notice, not the
 * story's: the commission form needs the first person (we, I, us) and a word
 * of buying or links, so a story about commissions stays.
 */
const AFFILIATE_LINKS =
  /\b(?:contains?|includes?|uses?|may contain|might contain|can contain)\s+(?:some\s+|paid\s+)?affiliate\s+links?\b|\baffiliate links? (?:are|is|may be) used\b|\blinks? (?:in|on) this (?:article|post|page|site|blog|story)\b[^.!?]{0,40}\baffiliate\b|\bearn from qualifying purchases\b|^[^.!?]{1,60}\bhas a disclosure policy\.?$/i;
const COMMISSION =
  /\b(?:we|i|us)\b[^.!?]{0,60}\b(?:earn|receive|get|make)s?\b[^.!?]{0,60}\b(?:commissions?|compensation|kick ?back|small (?:fee|share|amount))\b|\bearns? us\b[^.!?]{0,30}\bcommissions?\b/i;
const BUYING = /\b(?:links?|click|clicks|purchases?|purchasing|buy|buying|bought|shop|shopping)\b/i;
/** A word every disclosure above holds: a quick test that spares most blocks the expressions above. */
const AFFILIATE_CUE = /affiliate|commission|compensation|kick ?back|small (?:fee|share|amount)|qualifying purchases|disclosure policy/i;
export const isAffiliateDisclosure = (text: string): boolean =>
  text.length <= 400 && AFFILIATE_CUE.test(text) && (AFFILIATE_LINKS.test(text) || (COMMISSION.test(text) && BUYING.test(text)));

/**
 * A prompt to follow the site or its writer on social media, anywhere in a
 * short block: "Follow us on Telegram, Facebook and X for the latest news",
 * "…, and follow us on Facebook, Instagram and TikTok to stay up to date",
 * "Follow AP on Facebook, X, Instagram", "Join me on TikTok". A third party
 * followed ("residents were asked to follow the police on X") counts only as
 * a command: at the start of the block or of a sentence, or after "and",
 * "please" or "be sure to".
 */
const SOCIAL_NETWORK = String.raw`(?:facebook|instagram|twitter|x|linkedin|youtube|tiktok|pinterest|telegram|threads|bluesky|mastodon|whatsapp|social media|social)\b`;
const FOLLOW_US = new RegExp(String.raw`\b(?:follow|like|join|find|connect with) (?:us|me)\b[^.!?]{0,20}\bon ${SOCIAL_NETWORK}`, 'i');
const FOLLOW_NAME = new RegExp(String.raw`(?:^|[.!?*]\s+|\b(?:and|please|be sure to)\s+)follow [\p{L}\p{N}'’ .&-]{1,40} on ${SOCIAL_NETWORK}`, 'iu');
/** "on <network>", which both prompts hold: a quick test first. */
const ON_NETWORK = new RegExp(String.raw`\bon ${SOCIAL_NETWORK}`, 'i');
export const isSocialFollow = (text: string): boolean =>
  text.length <= 300 && ON_NETWORK.test(text) && (FOLLOW_US.test(text) || FOLLOW_NAME.test(text));

/**
 * The site speaking of itself to the reader, in a short block: a newsletter
 * pitch ("… delivered straight to your inbox", "Sign up to get it in your
 * inbox"), a members-only notice ("This article is exclusive to Example+
 * subscribers"), an appeal to readers who fund it ("This story is funded by
 * readers like you"), a republishing notice ("Republish our articles for
 * free…"), a sign-up's thanks ("Thank you for subscribing to our daily
 * newsletter."), a pointer to the comment policy, and a paywall's notice
 * ("To read the rest of this story subscribe to Example+.", "Already have an
 * account? Log in", "Become a paid subscriber to unlock this piece"), an
 * appeal's opening ("…we have a small favor to ask.", "…consider supporting
 * our journalism by subscribing"), a podcast player's links ("Podcast: Play
 * in new window | Download"), the terms of commenting ("By posting a comment,
 * you consent…"), and a note that the story also ran in print ("This article
 * also appeared in the May/June issue of Example magazine.").
 */
// Two expressions: the phrases that open the block are tried at its start only, the others anywhere.
const SITE_PITCH_ANYWHERE = new RegExp(
  [
    String.raw`\b(?:delivered|sent)\s+(?:straight\s+|right\s+|directly\s+)?to your (?:email\s+)?inbox\b`,
    String.raw`\b(?:sign[ -]?up|subscribe)\b.{0,120}\binbox\b`,
    String.raw`\b(?:funded|supported|made possible|paid for)(?: in part)? by (?:readers|donors|members|listeners|viewers|people) like you\b`,
    String.raw`\b(?:read|see|review) our (?:comment(?:ing)?|community) (?:policy|guidelines|rules)\b`,
    String.raw`\bwe have a (?:small |quick )?favou?r to ask\b`,
    String.raw`\bconsider supporting (?:our|us|independent)\b.{0,60}\b(?:journalism|reporting|newsroom)\b`,
  ].join('|'),
  'i',
);
const SITE_PITCH_START = new RegExp(
  '^(?:' +
    [
      String.raw`(?:this|the) (?:article|story|content|post|episode|video) is (?:only )?(?:available|exclusive|reserved)(?: only)? (?:to|for) (?:[\p{L}\p{N}+.&'-]+ ){0,3}(?:subscribers|members|supporters|patrons)\b`,
      String.raw`republish (?:our|this) (?:articles?|stor(?:y|ies)|work)\b`,
      String.raw`thanks?(?: you)? for (?:subscribing|signing up)(?:[.!]|\s+(?:to|for)\b|$)`,
      // The site thanking its reader: "Thanks for reading!", "Thank you for visiting.", "Thanks for reading Example Weekly! Subscribe…".
      String.raw`(?:thanks?(?: you)?|many thanks)(?: so much| again)? for (?:reading|visiting|stopping by|subscribing and reading)\b`,
      String.raw`(?:to )?(?:read|continue reading|keep reading) (?:the rest of |the full )?(?:this |the )?(?:story|article|piece|post)\b.{0,40}\b(?:subscribe|subscription|log ?in|sign ?in|become a)\b`,
      String.raw`already (?:have an account|registered|a (?:subscriber|member))\?\s*(?:log ?in|sign ?in)\b`,
      String.raw`(?:become|upgrade to) a (?:paid )?(?:subscriber|member)\b.{0,60}\bto (?:unlock|read|continue|access)\b`,
      String.raw`podcast: play in new window\b`,
      String.raw`by (?:posting|submitting|leaving) (?:a |your )?comments?,? you\b`,
      String.raw`(?:editor['’]s note:\s*)?(?:this|a version of this) (?:article|story) (?:also |originally )?appear(?:s|ed) in (?:the )?.{0,60}\b(?:issue|edition)\b`,
    ].join('|') +
    ')',
  'iu',
);
export const isSitePitch = (text: string): boolean => text.length <= 300 && (SITE_PITCH_START.test(text) || SITE_PITCH_ANYWHERE.test(text));

/**
 * The site's notice that what it publishes is no professional advice: "This
 * article is intended for educational and informational purposes only and is
 * not a substitute for medical advice." The page itself must be the subject
 * ("this article", "the content"), so a story saying the same of an app or a
 * hotline stays. Also a journal's licence line: "This is an open-access
 * article distributed under the terms of the Creative Commons…", and the site's notice that its writers' views are
 * their own (VIEWS_DISCLAIMER).
 */
const ADVICE_DISCLAIMER =
  /^(?:disclaimer\s*:\s*)?(?:this|the|our) (?:article|content|information|post|material|page|site|website|blog)\b[^.]{0,80}\b(?:for (?:general )?(?:educational|informational)(?: and (?:educational|informational))? purposes\b|not (?:intended (?:as|to be) )?a substitute for (?:professional )?(?:medical|legal|financial|tax) advice|(?:is|are) not (?:medical|legal|financial|tax|investment) advice)\b|^this is an open[- ]access article distributed under the terms of\b/i;
/**
 * The site's notice that its writers' views are their own: "The views expressed on Example.org are not necessarily
 * those of the Example Institute.", "The opinions expressed on this website are those of each author…", "The views
 * expressed by the authors of this blog are their own…". What holds the views is the page, the site or its writers,
 * so a story's "the views expressed by the minister" stays.
 */
const VIEWS_DISCLAIMER = new RegExp(
  String.raw`^(?:(?:note|disclaimer)\s*:\s*)?(?:the |any |all )?(?:views|opinions)(?: and (?:views|opinions))? expressed (?:(?:in|on) (?:the |this |our )?(?:(?:articles?|posts?) (?:of|on) (?:this |the |our )?)?(?:article|post|blog|site|website|column|piece|podcast|newsletter|page)s?\b|on [\p{L}\p{N}-]+\.[a-z]{2,}\b|by (?:the )?(?:authors?|contributors?|writers?|columnists?|bloggers?)\b)[^.]{0,120}\b(?:not necessarily|(?:their|his|her|my) own|(?:solely|strictly|only) (?:those|the views|the opinions)|(?:are|is) those of)\b`,
  'iu',
);
export const isAdviceDisclaimer = (text: string): boolean => text.length <= 400 && (ADVICE_DISCLAIMER.test(text) || VIEWS_DISCLAIMER.test(text));

/**
 * A note on who produced the story, as syndicated and sponsored stories end:
 * "This story about tutoring was written by Jane Doe and produced by Example
 * Report, a nonprofit news organization…", "This story was developed in
 * partnership with Example Co. by our branded content team." A plain "This
 * post was written by Dr Jane Doe." stays: it names the author.
 */
const PRODUCTION_NOTE =
  /^this (?:story|article|report|piece|post)(?: about [^.]{1,80})? was (?:written|produced|reported|developed|published|created)\b[^.]{0,150}\b(?:produced by|in (?:partnership|collaboration) with|branded content)\b/i;
export const isProductionNote = (text: string): boolean => text.length <= 400 && PRODUCTION_NOTE.test(text);

/**
 * A strip of the story's particulars set apart by bars: "On Behalf of Example
 * LLP | Apr 21, 2017 | Products Liability", "Monday, August 11th, 2025 at
 * 11:00 am | Categories: Helena, Thermostats |". Two bars or more, a date
 * written out or in ISO form, no field longer than a byline or a list of
 * categories.
 */
const WRITTEN_DATE = new RegExp(
  String.raw`\b${MONTH_START}[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b|\b\d{1,2}(?:st|nd|rd|th)? ${MONTH_START}[a-z]*\.? \d{4}\b|\b\d{4}-\d{2}-\d{2}\b`,
  'i',
);
export const isParticularsStrip = (text: string): boolean => {
  if (text.length > 160) {
    return false;
  }
  const fields = text.split('|');
  return fields.length >= 3 && fields.every((f) => f.trim().length <= 60) && WRITTEN_DATE.test(text);
};

/** A short question opening a prompt: "Like what you're reading? ", "Want more from Example? ". */
const LEAD_QUESTION = /^[^.!?\n]{3,60}\?\s+(?=\S)/;

/** A line in brackets: "[Read more: …]", "(Related reading: …)". */
const BRACKETED = /^(?:\[[^\[\]]+\]|\([^()]+\))$/;

/** Bars and dots that set a strip's items apart: "Print | E-mail this story | Comments (3)". */
const STRIP_SEPARATOR = /\s*[|•·]\s*/;
/** The same, without the spaces: a quick first test. */
const STRIP_MARK = /[|•·]/;

/** Characters a strip of tools holds at most. */
const TOOL_STRIP_MAX_CHARS = 200;

/** A strip of two or more items apart by bars or dots, each of them furniture ("Print | E-mail this story | Text size: A A A"). */
const isToolStrip = (text: string): boolean => {
  if (text.length > TOOL_STRIP_MAX_CHARS || !STRIP_MARK.test(text)) {
    return false;
  }
  const items = text.split(STRIP_SEPARATOR).filter(Boolean);
  return items.length >= 2 && items.every(isFurnitureLine);
};

/** Whether a whole block's text is page furniture (share prompts, "Read more", credits...). */
export const isFurnitureText = (text: string): boolean =>
  isFurnitureLine(text) ||
  isToolStrip(text) ||
  (BRACKETED.test(text) && isFurnitureLine(text.slice(1, -1).trim())) ||
  // "Like what you're reading? Subscribe to the newsletter!": a prompt after a question that leads to it.
  (text.length <= 200 && LEAD_QUESTION.test(text) && isFurnitureLine(text.replace(LEAD_QUESTION, '')));

const isFurnitureLine = (text: string): boolean =>
  FURNITURE_TEXT.test(text) ||
  FURNITURE_TEXT_INTL.test(text) ||
  MORE_FURNITURE_TEXT.test(text) ||
  (text.length <= 200 && CREDIT_TEXT.test(text)) ||
  (text.length <= 320 && mayEndInCredit(text) && CAPTION_WITH_CREDIT.test(text)) ||
  (text.length <= 320 && mayEndInWireCredit(text) && CAPTION_WITH_WIRE_CREDIT.test(text)) ||
  (text.length <= 400 && COPYRIGHT_NOTICE.test(text)) ||
  isAffiliateDisclosure(text) ||
  isSocialFollow(text) ||
  isSitePitch(text) ||
  isAdviceDisclaimer(text) ||
  isProductionNote(text) ||
  isParticularsStrip(text) ||
  isPagination(text);

const READ_MORE = /^read-?more$/i;

/** Characters of running text, at least, in a "read more" expander (under a fifth of it in links). */
export const EXPANDER_MIN_CHARS = 200;

/**
 * Whether a "read more"-named element holds running text
 * (EXPANDER_MIN_CHARS or more, under a fifth of it in links): the rest of
 * the text a "read more" button reveals, not a link to another story.
 */
function isExpanderText(el: Element): boolean {
  const text = collapseSpace(el.textContent ?? '');
  if (text.length < EXPANDER_MIN_CHARS) {
    return false;
  }
  return linkChars(el) < 0.2 * text.length;
}

/**
 * "hidden-print", "dn-print", "d-print-none", "print-hidden": the element's
 * print styling (left out of a printout), not a print button.
 */
const hiddenInPrint = (prev: string, next: string): boolean => prev === 'dn' || prev === 'hidden' || next === 'none' || next === 'hidden' || next === 'hide';

/** "layout-sidebar-left", "layout-sidebar-right": a page layout named for where its sidebar goes, around the content. */
const isLayoutVariant = (prev: string, word: string, next: string): boolean => prev === 'layout' && word === 'sidebar' && (next === 'left' || next === 'right');

/**
 * Words that make the furniture word after them a flag or a part: "no_caption", "has-comments", "with-sidebar", and
 * "map-and-related" (a container named for the content it holds and, second, the links beside it).
 */
const NEGATION = new Set(['no', 'not', 'without', 'has', 'with', 'hide', 'show', 'and']);

const TOKEN_SPLIT = /[\s_-]+|(?<=[a-z])(?=[A-Z])/;

/** WordPress's mark of a post's own element (post_class): "post-123" and "type-post" ("type-recipe", "type-page"). */
const POST_ID_CLASS = /^post-\d+$/;
const POST_TYPE_CLASS = /^type-[\w-]+$/;

/**
 * A class list without the classes a CMS makes from the site's own term names: on a post's element (post_class,
 * "post-123 post type-post status-publish hentry category-related-reading tag-see-also disclaimer-affiliate"),
 * every class after the post type's is generated, one per term of each taxonomy ("<taxonomy>-<term slug>":
 * "category-…", "tag-…", a custom taxonomy's "disclaimer-affiliate"), and names what the post is about, not what
 * the element is; the theme's own classes come before "post-123". Other lists are returned as they are.
 */
export function withoutTermClasses(cls: string): string {
  if (!cls.includes('type-')) {
    return cls;
  }
  const toks = cls.split(/\s+/);
  const id = toks.findIndex((t) => POST_ID_CLASS.test(t));
  const type = id < 0 ? -1 : toks.findIndex((t, i) => i > id && POST_TYPE_CLASS.test(t));
  if (type < 0) {
    return cls;
  }
  // Generated words without a dash ("hentry", "sticky") name no term.
  return [...toks.slice(0, type + 1), ...toks.slice(type + 1).filter((t) => !t.includes('-'))].join(' ');
}

/** True when an element's class or id names page furniture (share bar, newsletter box, related links...). */
export function looksLikeFurniture(el: Element): boolean {
  const cls = withoutTermClasses(el.getAttribute('class') ?? '');
  const id = el.getAttribute('id') ?? '';
  const role = (el.getAttribute('role') ?? '').toLowerCase();
  if (role === 'navigation' || role === 'banner' || role === 'contentinfo' || role === 'complementary' || role === 'search' || role === 'dialog' || role === 'tooltip') {
    return true;
  }
  if (!namesFurniture(el, `${cls} ${id}`)) {
    return false;
  }
  // An id made from the element's own heading ("how-popular-is-meditation") names the section by its title.
  return !id || !isHeadingAnchor(el, id) || namesFurniture(el, cls);
}

/** Whether class and id words (`names`) name page furniture: a furniture phrase, or a furniture word no flag word precedes. */
function namesFurniture(el: Element, names: string): boolean {
  if (!names.trim()) {
    return false;
  }
  const phrase = FURNITURE_PHRASES.exec(names);
  // A "read more" expander holds the text it reveals; a "read more" block is a link.
  if (phrase && !(READ_MORE.test(phrase[0]) && isExpanderText(el))) {
    return true;
  }
  let prev = '';
  const toks = names.split(TOKEN_SPLIT);
  for (let i = 0; i < toks.length; i++) {
    const word = (toks[i] ?? '').toLowerCase();
    // "no_caption", "has-comments": a flag about the element, not its name.
    if (word && FURNITURE_WORDS.has(word) && !NEGATION.has(prev)) {
      // "font-utility-2", "font-caption": a type style of a utility-CSS design system, not the element's role.
      const next = (toks[i + 1] ?? '').toLowerCase();
      if (prev !== 'font' && !(word === 'print' && hiddenInPrint(prev, next)) && !isLayoutVariant(prev, word, next)) {
        return true;
      }
    }
    prev = word;
  }
  return false;
}

/** Letters of a heading's slug, at least, for isHeadingAnchor. */
const ANCHOR_MIN_CHARS = 8;

/**
 * Whether an id is the anchor of the element's first heading, or of the
 * element itself when it is a heading: it holds the heading's text as a slug
 * ("1-heading-how-popular-are-meditation-and-mindfulness" for "How popular
 * are meditation and mindfulness?", "h-what-is-social-shopping" on the
 * heading "What is Social Shopping?"). Three parts or more.
 */
export function isHeadingAnchor(el: Element, id: string): boolean {
  if (id.split(/[-_]+/).length < 3) {
    return false;
  }
  const heading = isHeadingTag(tagOf(el)) ? el : el.querySelector('h1, h2, h3, h4, h5, h6');
  const slug = (heading?.textContent ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return slug.length >= ANCHOR_MIN_CHARS && id.toLowerCase().includes(slug);
}

/** Container tags a call-to-action box is made of. */
const CTA_BOX_TAGS = new Set(['DIV', 'SECTION', 'ASIDE']);

/**
 * A call to action: a link whose class or id has the word "cta" (a button
 * made of a link), or a <div>, <section> or <aside> so named that holds a
 * heading, a link or a button ("Want to win more jobs? <a>Book a demo</a>").
 * A "cta" paragraph, span or list item stays: a photo label or a one-line
 * prompt is no box.
 */
export function isCallToAction(el: Element): boolean {
  const tag = tagOf(el);
  if (tag !== 'A' && !CTA_BOX_TAGS.has(tag)) {
    return false;
  }
  const both = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!/cta/i.test(both) || !both.split(TOKEN_SPLIT).some((t) => t.toLowerCase() === 'cta')) {
    return false;
  }
  return tag === 'A' || el.querySelector('h2, h3, h4, h5, h6, a, button') !== null;
}

/** A class that hides an element on one kind of screen: "elementor-hidden-mobile", "hidden-tablet", "hide_desktop". */
const HIDDEN_ON = /(?:^|[\s_-])hid(?:den|e)[-_](desktop|tablet|mobile|phone)(?=$|\s)/gi;

/**
 * Whether the element's classes hide it on desktops, tablets and phones
 * alike: a page builder's section switched off everywhere, never shown.
 */
export function hiddenAtEverySize(el: Element): boolean {
  const cls = el.getAttribute('class');
  if (!cls || !/hid/i.test(cls)) {
    return false;
  }
  const sizes = new Set<string>();
  for (const m of cls.matchAll(HIDDEN_ON)) {
    sizes.add((m[1] ?? '').toLowerCase().replace('phone', 'mobile'));
  }
  return sizes.size === 3;
}

/**
 * An Alpine.js element shown only when its script says so: `x-cloak` hides it
 * until the script starts (the framework's own `[x-cloak] { display: none }`),
 * and `x-show` then shows it only while its condition holds. A page marks an
 * element so when its condition starts false: a form's "Loading…", its error
 * line, the second step of a sign-up box ("enter your phone" after the e-mail),
 * a menu or a dialog. Collapsed panels a toggle opens lose the `x-cloak` in
 * revealCollapsed (collapsed.ts) first and are kept.
 */
export const hiddenUntilScript = (el: Element): boolean => el.hasAttribute('x-cloak') && el.hasAttribute('x-show');

/**
 * Class names a site builder's stylesheet never shows (`display: none`): Webflow's `w-condition-invisible`, set on an
 * element whose visibility condition is false, Avada's `rich-snippet-hidden`, set on the post's author and
 * modification date written out for search engines only, and Divi's `et_multi_view_hidden`, set on a part of a module
 * that the module's settings hide at the screen size the page opens at (a blog module's excerpts turned off).
 */
const BUILDER_HIDDEN = /(?:^|\s)(?:w-condition-invisible|rich-snippet-hidden|et_multi_view_hidden)(?=\s|$)/;

/**
 * An element a site builder hides by its class (BUILDER_HIDDEN). Webflow
 * writes every conditional element into the page and marks those whose
 * condition fails ("show only when the post is gated", a field left empty):
 * a second summary, a gated copy's sign-up box, a footnote of another post
 * type. Avada writes the post's author and its modification date
 * ("2025-10-30T10:45:07-04:00") for search engines in spans it never shows.
 * Divi writes the parts of a module its settings turn off (a blog module's
 * excerpts) and hides them.
 */
export const hiddenByBuilder = (el: Element): boolean => {
  const cls = el.getAttribute('class');
  return cls !== null && BUILDER_HIDDEN.test(cls);
};

/** An icon font's class: Material Icons and Material Symbols in their styles ("material-icons-outlined", "material-symbols-rounded"). */
const ICON_FONT_CLASS = /(?:^|\s)material-(?:icons|symbols)(?:-[a-z]+)?(?=\s|$)/i;

/**
 * An icon drawn by an icon font from its ligature: `<i class="material-icons">chevron_right</i>`.
 * Its text is the glyph's name ("chevron_right", "expand_more"), never words of the page.
 */
export function isIconLigature(el: Element): boolean {
  const cls = el.getAttribute('class');
  return cls !== null && ICON_FONT_CLASS.test(cls) && /^\s*[a-z][a-z0-9_]{1,40}\s*$/.test(el.textContent ?? '');
}

const PROTECTED = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

/**
 * Story-sized content inside `el`: a furniture-named wrapper that holds the
 * story itself (e.g. `<div class="article comments-enabled">`) must stay.
 */
function holdsStory(el: Element, bodyChars: () => number): boolean {
  // A wrapper named for one of its parts ("flex-wrap-footer", "with-sidebar") that holds most of the page.
  const chars = (el.textContent ?? '').length;
  if (chars > 500 && chars > 0.5 * bodyChars()) {
    return true;
  }
  // The page's own <footer>, outside a page that marks its story with <article> or <main>: its paragraphs are the
  // site's ("About us: Example.com was launched in 2008…", "Want to advertise with us?"), however long.
  if (tagOf(el) === 'FOOTER' && !el.parentElement?.closest('article, main') && el.ownerDocument.querySelector('article, main')) {
    return el.getElementsByTagName('article').length > 0;
  }
  let long = 0;
  for (const p of Array.from(el.getElementsByTagName('p'))) {
    if ((p.textContent ?? '').length > 120) {
      long++;
      if (long >= 3) {
        return true;
      }
    }
  }
  return el.getElementsByTagName('article').length > 0;
}

/**
 * Removes page furniture before Readability scores the page: navigation,
 * forms, share bars, newsletter boxes, related links, comment sections,
 * hidden elements. Conservative around anything that holds story text.
 * One walk over the tree; removed subtrees are not descended into.
 */
export function removeFurniture(doc: Document): number {
  const root = doc.body ?? doc.documentElement;
  if (!root) {
    return 0;
  }
  const doomed: Element[] = [];
  const stack: Element[] = [];
  let total = -1;
  const bodyChars = (): number => {
    if (total < 0) {
      total = (root.textContent ?? '').length;
    }
    return total;
  };
  for (let c = root.firstElementChild; c; c = c.nextElementSibling) {
    stack.push(c);
  }
  while (stack.length > 0) {
    const el = stack.pop();
    if (!el) {
      break;
    }
    const tag = el.tagName.toLowerCase();
    let drop = false;
    if (!PROTECTED.has(tag.toUpperCase())) {
      if (DROP_TAG_SET.has(tag)) {
        // A callout <aside> of the story is no sidebar.
        drop = tag !== 'aside' || !isStoryAside(el);
      } else if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true' || hiddenAtEverySize(el) || hiddenUntilScript(el) || hiddenByBuilder(el)) {
        drop = true;
      } else if ((looksLikeFurniture(el) && !isNamedQuoteAttribution(el, tag)) || isCallToAction(el) || isIconLigature(el)) {
        drop = true;
      }
    }
    if (drop && !holdsStory(el, bodyChars)) {
      doomed.push(el);
      continue;
    }
    // Code is never furniture: its highlighter names spans "comment", "tag", "title"...
    if (tag === 'pre' || tag === 'code') {
      continue;
    }
    for (let c = el.firstElementChild; c; c = c.nextElementSibling) {
      stack.push(c);
    }
  }
  for (const el of doomed) {
    el.remove();
  }
  return doomed.length;
}

const DROP_TAG_SET = new Set(DROP_TAGS);

/** Characters of running text an <aside> of the story holds at least. */
export const STORY_ASIDE_MIN_CHARS = 100;

/**
 * An <aside> inside the story's <article> (or articleBody) that is part of
 * it: a callout or a box of running text (STORY_ASIDE_MIN_CHARS or more,
 * sentence punctuation, under a fifth of it in links), not named as
 * furniture, and not a pull quote (the opening of its text found a second
 * time in the article). Sidebars, related links and promos stay furniture.
 */
export function isStoryAside(el: Element): boolean {
  const article = el.parentElement?.closest('article, [itemprop="articleBody"]');
  if (!article || looksLikeFurniture(el)) {
    return false;
  }
  const text = collapseSpace(el.textContent ?? '');
  if (text.length < STORY_ASIDE_MIN_CHARS || !/[.!?]/.test(text)) {
    return false;
  }
  if (linkChars(el) >= 0.2 * text.length) {
    return false;
  }
  const probe = squash(text).slice(0, 60);
  const story = squash(article.textContent ?? '');
  return story.indexOf(probe) === story.lastIndexOf(probe);
}

/** Words of a button's label, at most: "Buy poster", "Book a demo", "See the list". */
export const BUTTON_MAX_WORDS = 5;

/** A class or id word that styles a link as a button. */
const BUTTON_WORD = /^(?:btn|button)$/i;

/** Whether a link's class or id has a word that styles it as a button ("btn-primary", "wp-block-button__link"). */
function styledAsButton(a: Element): boolean {
  const names = `${a.getAttribute('class') ?? ''} ${a.getAttribute('id') ?? ''}`;
  return /bu?tt?o?n/i.test(names) && names.split(TOKEN_SPLIT).some((t) => BUTTON_WORD.test(t));
}

/**
 * Words of a longer button's label, at most, that goes when it points to the
 * page's own site ("Find out if weight loss medications can help you lose
 * weight", "View All Articles by This Author", "Back to our top picks").
 */
export const SITE_BUTTON_MAX_WORDS = 12;

/**
 * Whether a link stays on the page's own site: an anchor of the page
 * ("#top-picks"), a path of the site ("/blog/..."), or an address on the
 * page's host. False when the page's host is unknown.
 */
function staysOnSite(href: string | null, host: string | null): boolean {
  if (!href || !host) {
    return false;
  }
  if (href.startsWith('#') || (href.startsWith('/') && !href.startsWith('//'))) {
    return true;
  }
  try {
    return bareHost(new URL(href).hostname) === bareHost(host);
  } catch {
    return false;
  }
}

/**
 * Links styled as buttons ("Buy Poster", "See List", "Book a demo ➔": a
 * class or id word `btn` or `button`) that stand as a line of their own in
 * the article: a control, not story text. A button label of more than
 * BUTTON_MAX_WORDS words stays unless it points to the page's own site
 * (`host`) within SITE_BUTTON_MAX_WORDS words: a pointer to another of the
 * site's pages, where a longer label pointing away ("Shop the Apple Watch
 * Ultra 3") names what the story recommends. One inside a sentence stays.
 */
export function removeButtonLinks(root: Element, host: string | null = null): number {
  let removed = 0;
  for (const a of Array.from(root.querySelectorAll('a[class], a[id]'))) {
    if (!styledAsButton(a)) {
      continue;
    }
    const text = collapseSpace(a.textContent ?? '');
    const words = text.split(' ').length;
    if (!root.contains(a) || (words > BUTTON_MAX_WORDS && (words > SITE_BUTTON_MAX_WORDS || !staysOnSite(a.getAttribute('href'), host)))) {
      continue;
    }
    const parent = a.parentElement;
    // A line of its own: the block around the link holds no other text.
    if (parent && parent !== root && collapseSpace(parent.textContent ?? '') !== text) {
      continue;
    }
    lineElement(a, root, text).remove();
    removed++;
  }
  return removed;
}

const SHORT_BLOCK_TAGS = 'p, div, li, h2, h3, h4, h5, h6, span, a, strong, b, section, ul, ol, figure, blockquote, header, summary';

/** Whether a node ends a line of text: a block element or a <br>. */
export const breaksLine = (node: Node): boolean =>
  node.nodeType === 1 && (tagOf(node as Element) === 'BR' || isBlockTag(tagOf(node as Element)));

/**
 * The nodes of an inline element's line (its siblings up to the line breaks on either side) when the line is a strip
 * of tools (isToolStrip), else null.
 */
function toolStripLine(el: Element): ChildNode[] | null {
  const line: ChildNode[] = [el];
  // Bounded, as isToolStrip is: a long line is no strip, and the walk stays short on a page of endless siblings.
  let chars = (el.textContent ?? '').length;
  for (const step of ['previousSibling', 'nextSibling'] as const) {
    for (let s = el[step]; s && !breaksLine(s); s = s[step]) {
      chars += (s.textContent ?? '').length;
      if (chars > TOOL_STRIP_MAX_CHARS * 2 || line.length >= TOOL_STRIP_MAX_NODES) {
        return null;
      }
      if (step === 'previousSibling') line.unshift(s);
      else line.push(s);
    }
  }
  if (line.length < 3) {
    return null;
  }
  const text = collapseSpace(line.map((n) => n.textContent ?? '').join(''));
  return isToolStrip(text) ? line : null;
}

/** Nodes a strip's line holds at most (links, separators, spaces between them). */
const TOOL_STRIP_MAX_NODES = 40;

/**
 * Whether an element opens its line of text: a block element, or an inline
 * one (a link, <span>, <strong>) with no text before it on its line. A label
 * that leads a line ("Related:", "Join our mailing list!") goes; a link
 * reading "subscribe to our newsletter" inside a sentence is part of it.
 */
function opensLine(el: Element, root: Element): boolean {
  let node: Element = el;
  while (!isBlockTag(tagOf(node))) {
    for (let s = node.previousSibling; s && !breaksLine(s); s = s.previousSibling) {
      if (/\S/.test(s.textContent ?? '')) {
        return false;
      }
    }
    const parent = node.parentElement;
    if (!parent || parent === root) {
      break;
    }
    node = parent;
  }
  return true;
}

/**
 * The lines of an element set as lines by `<br>`s, each with the nodes that make it (a `<br>` ends its line), as a
 * browser shows them; null when it holds no `<br>` or holds a block of its own (its lines are that block's).
 */
export function brLines(el: Element): Array<{ text: string; nodes: ChildNode[] }> | null {
  if (el.getElementsByTagName('br').length === 0) {
    return null;
  }
  const lines: Array<{ text: string; nodes: ChildNode[] }> = [{ text: '', nodes: [] }];
  // An inline element that holds a <br> is read as its children (inlineRun), so its lines part where the browser
  // parts them; its nodes are removed one by one and the element, emptied, stays.
  for (const c of inlineRun(el, isBlockTag)) {
    const line = lines[lines.length - 1] as { text: string; nodes: ChildNode[] };
    const tag = c.nodeType === 1 ? tagOf(c as Element) : '';
    if (tag && isBlockTag(tag)) {
      return null;
    }
    line.nodes.push(c);
    if (tag === 'BR') {
      lines.push({ text: '', nodes: [] });
    } else {
      line.text += c.textContent ?? '';
    }
  }
  return lines.map((l) => ({ text: collapseSpace(l.text), nodes: l.nodes })).filter((l) => l.text);
}

/**
 * The furniture of a block set as lines by `<br>`s (`whole`: whether its text, the lines run together, reads as
 * furniture), judged so that a story line is never read as part of a furniture line: `all` when every line is furniture
 * (a post's particulars: "Tags: Helena, smart thermostat<br><small>Monday, August 11th, 2025 at 11:00 am | Categories:
 * Helena, MT | </small>", which the run-together text matches no rule for), or when the block's text is furniture with
 * a line break where each `<br>` stands (a disclosure whose sentences are set as lines); when only the run-together
 * text is furniture, a rule's tail has run past a line's end into the next ("Tags: budget, council<br>The council met
 * on Monday…" read as one tags line), and only the lines that are furniture on their own go; the same when a rule that
 * finds its cue anywhere in a short block matches the text with its line breaks for one line alone and another line is
 * story ("Follow us on Facebook<br>The council met on Monday…"). Null for a block without such lines or whose lines are
 * no furniture.
 */
export function furnitureLines(el: Element, whole: boolean): { all: boolean; lines: Array<{ text: string; nodes: ChildNode[] }> } | null {
  const lines = brLines(el);
  if (!lines || lines.length < 2) {
    return null;
  }
  const furniture = lines.filter((l) => isFurnitureText(l.text));
  if (furniture.length === lines.length) {
    return { all: true, lines };
  }
  if (!whole) {
    return null;
  }
  if (!isFurnitureText(lines.map((l) => l.text).join('\n'))) {
    return { all: false, lines: furniture };
  }
  // Read with its line breaks the block is still furniture: a rule that finds its cue anywhere in a short block
  // (a follow prompt, a disclosure, the site's pitch) matches it for its furniture line alone. A story line, one
  // that is no furniture on its own, speaks not of the page and is not needed for the match, keeps the block to be
  // judged line by line ("Follow us on Facebook<br>The council met on Monday…"); a disclosure set as lines whose
  // later lines speak of the page ("…<br>Also, this article contains sponsored content.") goes whole.
  const story = furniture.length > 0 && lines.some((l) => !furniture.includes(l) && isStoryLine(l, lines));
  return story ? { all: false, lines: furniture } : { all: true, lines };
}

/**
 * Whether a block whose text reads as furniture holds blocks (or lines) of which one is story, as furnitureLines
 * judges a line: its blocks read with line breaks are no furniture (a rule's tail ran from one into the next), or one
 * of them is no furniture on its own, speaks not of the page and is not needed for the match.
 */
function holdsStoryBlock(el: Element): boolean {
  let holds = false;
  for (let c = el.firstElementChild; c && !holds; c = c.nextElementSibling) {
    holds = isBlockTag(tagOf(c));
  }
  if (!holds) {
    return false;
  }
  const lines = textBlocks(el).map((text) => ({ text }));
  if (lines.length < 2) {
    return false;
  }
  // A story block is a sentence of some words that does not speak to the reader: not a price, a date, a short prompt
  // or a box's pitch beside its furniture ("Join our newsletter" over "Get the best stories in your inbox.").
  const sentences = lines.filter(
    (l) => SENTENCE_LINE.test(l.text) && countWords(l.text) >= STORY_BLOCK_MIN_WORDS && !TO_THE_READER.test(l.text) && !isFurnitureText(l.text),
  );
  if (sentences.length === 0) {
    return false;
  }
  if (!isFurnitureText(lines.map((l) => l.text).join('\n'))) {
    return true;
  }
  return lines.some((l) => isFurnitureText(l.text)) && sentences.some((l) => isStoryLine(l, lines));
}

/** Words a block of running text holds at least, for holdsStoryBlock. */
const STORY_BLOCK_MIN_WORDS = 6;
/** A sentence that speaks to its reader. */
const TO_THE_READER = /\byou(?:r|rs|rself|'ll|’ll|'re|’re)?\b/i;
/** A line or block that ends as a sentence ends: "The council met on Monday.", "Who pays for the roads?". */
export const SENTENCE_LINE = /[.!?…]["”’)]?$/;

/** The page or the site named by a line of its own notice: "this article", "our Disclosure page". */
const SPEAKS_OF_PAGE = /\b(?:this|our) (?:article|post|page|site|website|blog|story|newsletter)\b|\bdisclosure\b|\bsponsored\b/i;

/** Whether a line of a `<br>` block whose lines read as furniture is a story line: see furnitureLines. */
function isStoryLine(line: { text: string }, lines: ReadonlyArray<{ text: string }>): boolean {
  if (isFurnitureText(line.text) || SPEAKS_OF_PAGE.test(line.text)) {
    return false;
  }
  return isFurnitureText(lines.filter((l) => l !== line).map((l) => l.text).join('\n'));
}

/** Whether an element stands inside a heading below `root`. */
function insideHeading(el: Element, root: Element): boolean {
  for (let p = el.parentElement; p && p !== root; p = p.parentElement) {
    if (isHeadingTag(tagOf(p))) {
      return true;
    }
  }
  return false;
}

/** The mark a heading's permalink shows: "#", "¶", "§", a link or anchor emoji. */
const PERMALINK_MARK = /^(?:#|¶|§|🔗|⚓\uFE0F?)$/u;

/**
 * Removes the permalinks of headings: a link inside a heading to an anchor
 * of the page whose text is a mark ("#", "¶", "🔗") or the anchor itself
 * ("#section4"), as documentation and blog engines add them. The heading's
 * words stay; a heading that is itself a link to a section ("The Good") stays.
 */
export function removeHeadingPermalinks(root: Element): number {
  let removed = 0;
  for (const a of Array.from(root.getElementsByTagName('a'))) {
    const href = a.getAttribute('href') ?? '';
    if (!href.startsWith('#')) {
      continue;
    }
    const text = collapseSpace(a.textContent ?? '');
    if ((PERMALINK_MARK.test(text) || (text.length > 1 && text === href)) && insideHeading(a, root)) {
      a.remove();
      removed++;
    }
  }
  return removed;
}

/** What a figure shows besides text: a caption among these describes a picture, a clip or a chart. */
const PICTURE_TAGS = 'img, picture, video, audio, iframe, svg, canvas, object, embed, table';

/**
 * Whether a <figcaption> is a quote's attribution: its <figure> holds a
 * <blockquote> and nothing else the caption could describe (no picture, clip
 * or table outside the caption; a speaker's photo or a company logo inside it
 * is part of the attribution, and an avatar hidden from screen readers,
 * aria-hidden, is decoration). HTML's own markup for a quote with its source
 * (`<figure><blockquote>…</blockquote><figcaption>Jane Doe, Acme</figcaption>
 * </figure>`): the name belongs with the quote, in the text.
 */
export function isQuoteAttribution(caption: Element): boolean {
  const figure = caption.parentElement?.closest('figure');
  if (!figure || !figure.querySelector('blockquote')) {
    return false;
  }
  return Array.from(figure.querySelectorAll(PICTURE_TAGS)).every((el) => caption.contains(el) || el.closest('[aria-hidden="true"]') !== null);
}

/** A quote's attribution whose class names it a caption ("Quote_caption"): no picture's caption, so no furniture. */
const isNamedQuoteAttribution = (el: Element, tag: string): boolean => tag === 'figcaption' && isQuoteAttribution(el);

/**
 * Inside the extracted article: drops blocks whose whole text is a share /
 * follow / newsletter / comment / "Read more" prompt, a "Related" heading with
 * the link list under it, and link-only lists. `host`, the page's, tells a
 * button to another of the site's pages (removeButtonLinks).
 */
export function removeInlineFurniture(root: Element, host: string | null = null): number {
  let removed = removeLinkColumns(root) + removeButtonLinks(root, host) + removeHeadingPermalinks(root);
  // Captions describe a picture the text does not carry; a quote's attribution names who said what the text quotes.
  for (const el of Array.from(root.querySelectorAll('figcaption'))) {
    if (isQuoteAttribution(el)) {
      continue;
    }
    el.remove();
    removed++;
  }
  for (const el of Array.from(root.querySelectorAll(SHORT_BLOCK_TAGS))) {
    if (!root.contains(el)) {
      continue;
    }
    // textContent first: a long block is passed over without a second walk.
    const raw = collapseSpace(el.textContent ?? '');
    if (raw.length > 400) {
      continue;
    }
    // Read with a space at each line break, so a prompt a <br> above a story line ends at its word ("Facebook<br>The").
    const text = el.firstElementChild ? spacedText(el) : raw;
    if (text.length > 400) {
      continue;
    }
    if (!text && !el.querySelector('img, picture, video, figure')) {
      continue;
    }
    // A block set as lines by <br>s is judged line by line: its furniture lines go, its story lines stay.
    const whole = !!text && isFurnitureText(text);
    const byLine = text ? furnitureLines(el, whole) : null;
    if (byLine && !byLine.all) {
      for (const line of byLine.lines) {
        for (const n of line.nodes) n.remove();
        removed++;
      }
      continue;
    }
    // A block holding blocks is judged by them in the same way: when one is story, the block stays and its own blocks
    // are judged after it, one by one ("<div><p>Follow us on Facebook</p><p>The council met…</p></div>").
    if (whole && byLine === null && holdsStoryBlock(el)) {
      continue;
    }
    const furniture = byLine !== null || whole;
    // A strip of tools whose items are links and text between line breaks ("Print | E-mail this story |
    // Text size: A A A<br>"): the whole line goes, not only the link that opens it.
    const strip = furniture && !isBlockTag(tagOf(el)) ? toolStripLine(el) : null;
    if (strip) {
      for (const n of strip) n.remove();
      removed++;
      continue;
    }
    if (furniture && opensLine(el, root)) {
      const tag = tagOf(el);
      if (/^H[2-6]$/.test(tag) || tag === 'STRONG' || tag === 'B' || tag === 'P') {
        // A "Related" heading: its link list goes with it.
        const next = el.nextElementSibling;
        if (next && isLinkList(next)) {
          next.remove();
          removed++;
        }
      }
      el.remove();
      removed++;
    }
  }
  // A list of nothing but links that closes the article is a "more stories" block.
  for (;;) {
    const lists = Array.from(root.querySelectorAll('ul, ol'));
    const last = lists.at(-1);
    if (!last || !isLinkList(last) || last.querySelectorAll('li').length < 2) {
      break;
    }
    const all = collapseSpace(root.textContent ?? '');
    if (!all.endsWith(collapseSpace(last.textContent ?? ''))) {
      break;
    }
    last.remove();
    removed++;
  }
  return removed;
}

/** Text an element needs before an identical sibling right after it counts as a copy, not a repeated line. */
export const REPEAT_MIN_CHARS = 80;

/**
 * Whether a block's text is a copy of the block's right before it: the same
 * text, REPEAT_MIN_CHARS or more. The test every repeat rule starts from
 * (removeRepeatedSiblings, removeShownTwice, the density pass's densityArticle);
 * each then asks in its own way whether the two stand in different places.
 */
export const copiesBlockBefore = (text: string, before: string | null | undefined): boolean =>
  before !== null && before !== undefined && text.length >= REPEAT_MIN_CHARS && text === before;

/**
 * Removes an element that repeats the one right before it: the same tag and
 * the same text (REPEAT_MIN_CHARS or more) under another class. That is one
 * content rendered twice for two screen sizes ("desktop" and "mobile"
 * variants side by side, of which CSS shows one) or a slide a carousel
 * cloned: a reader sees it once. Under the same class, a repeat is the
 * page's own (a row or a paragraph written twice) and stays. Needs the
 * classes Readability keeps with `keepClasses`.
 */
export function removeRepeatedSiblings(root: Element): number {
  let removed = 0;
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    let prev: Element | null = null;
    let prevText: string | null = null;
    for (let c = el.firstElementChild; c; ) {
      const next = c.nextElementSibling;
      // The cheap tests first: the text only of a same-tag sibling with as many children, under another class.
      if (prev && c.tagName === prev.tagName && c.children.length === prev.children.length && (c.getAttribute('class') ?? '') !== (prev.getAttribute('class') ?? '')) {
        prevText ??= collapseSpace(prev.textContent ?? '');
        const text = collapseSpace(c.textContent ?? '');
        if (copiesBlockBefore(text, prevText)) {
          c.remove();
          removed++;
          c = next;
          continue;
        }
        prev = c;
        prevText = text;
      } else {
        prev = c;
        prevText = null;
      }
      if (c.firstElementChild) {
        stack.push(c);
      }
      c = next;
    }
  }
  return removed;
}

/**
 * Removes a block of text (REPEAT_MIN_CHARS or more) that repeats the block
 * right before it when the two stand in different places of the page: a
 * summary shown in the page's header and again as the story's first
 * paragraph, or a box's blurb given again under it. A reader reads it once.
 * Two such blocks side by side under one parent are the page's own repeat
 * (a paragraph or a list item written twice) and stay, as do blocks that
 * hold more than the repeated text. Takes `root`'s blocks and their owners
 * as textBlocks gives them; returns the blocks left.
 */
export function removeShownTwice(root: Element, blocks: readonly string[], owners: readonly Node[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const text = blocks[i] as string;
    const owner = owners[i] as Element;
    const before = owners[i - 1] as Element | undefined;
    if (
      before &&
      copiesBlockBefore(text, blocks[i - 1]) &&
      owner !== root &&
      before !== root &&
      owner.parentElement !== before.parentElement &&
      !owner.contains(before) &&
      !before.contains(owner) &&
      collapseSpace(owner.textContent ?? '') === text
    ) {
      owner.remove();
      continue;
    }
    kept.push(text);
  }
  return kept;
}

/**
 * Headings of a section that is not the story: other stories, tags, the
 * site's own blurb ("Also in the news", "Related articles that may interest
 * you", "More articles you might enjoy", "Tags", "About us"). Sources and
 * references are not among them: they are often part of the text.
 */
export const OTHER_SECTION_TEXT =
  /^(?:also in the news|related (?:articles?|posts?|stories|story|reading|content|coverage|links|news|topics|videos)(?: (?:that may interest you|you may like|for you))?|more (?:articles|stories|posts|news|reading)(?: (?:you (?:may|might) (?:like|enjoy)|like this|for you|from [^.!?]{1,40}))?|you (?:may|might) also (?:like|enjoy|be interested in)|recommended (?:reading|articles|stories|posts|for you)|(?:popular|trending|latest|recent) (?:posts|articles|stories)|(?:previous|next) (?:post|article|story)|read next|what to read next|don'?t miss|you (?:may|might) have missed|tags|tagged(?: with)?|filed under|article sources|about us|on the net)\s*:?$/i;

/** Whether a heading's text names a section of other content ("Related articles", "Lesen Sie auch"). */
export const isOtherSectionLabel = (text: string): boolean => OTHER_SECTION_TEXT.test(text) || OTHER_SECTION_TEXT_INTL.test(text);

/** The first word of a text node that may open such a heading (a cheap test before the element's whole text). */
const OTHER_SECTION_START =
  /^\s*(?:(?:also|related|more|you|recommended|popular|trending|latest|recent|previous|next|read|what|don|tags?|tagged|filed|article|about|on)\b|(?:mehr|weitere|verwandte|das|lesen|à|a|lire|sur|articles?|voir|noticias|artículos|te|lee|más|leggi|articoli|potrebbe|leia|notícias|artigos|veja|lees|gerelateerde|meer)(?=[\s:]|$))/iu;

/** The same labels in German, French, Spanish, Italian, Portuguese and Dutch. */
export const OTHER_SECTION_TEXT_INTL =
  /^(?:mehr zum thema|weitere (?:artikel|nachrichten|meldungen)|verwandte (?:artikel|themen)|das könnte sie auch interessieren|lesen sie auch|(?:à|a) lire aussi|lire aussi|sur le même sujet|articles? (?:liés|similaires)|voir aussi|(?:noticias|artículos) relacionad[oa]s|te puede interesar|lee también|más noticias|leggi anche|articoli correlati|potrebbe interessarti|leia também|(?:notícias|artigos) relacionad[oa]s|veja também|lees ook|gerelateerde artikelen|meer nieuws)\s*:?$/iu;

/** Text of the story before such a heading, at least: a heading near the top does not close anything. */
export const OTHER_SECTION_MIN_BEFORE = 500;

/** An element that can head such a section: a heading, or a paragraph or block of its own. */
const isSectionHead = (el: Element): boolean => /^(?:H[2-6]|P|DIV)$/.test(tagOf(el));

const headingLevel = (el: Element): number => {
  const m = /^H([1-6])$/.exec(tagOf(el));
  return m ? Number(m[1]) : 7;
};

/**
 * Removes the sections that close an article with other content: a heading
 * (or a heading-like line) reading "Also in the news", "Related articles",
 * "More stories", "Tags", "About us"... and everything after it up to the
 * next heading of the same or a higher level (for a line that is no heading,
 * up to the next heading of any level). Teaser cards under an <h2> label go
 * with it; a story section after it stays. Needs OTHER_SECTION_MIN_BEFORE
 * characters of text before the heading.
 */
export function removeOtherSections(root: Element): number {
  let removed = 0;
  for (const marker of textOwners(root, OTHER_SECTION_START)) {
    if (!root.contains(marker) || !/^(?:H[2-6]|P|DIV|STRONG|B|SPAN|A|EM|I)$/.test(tagOf(marker)) || marker.querySelector('p, div, h2, h3, h4, h5, h6, li')) {
      continue;
    }
    const label = collapseSpace(marker.textContent ?? '');
    if (label.length > 60 || !isOtherSectionLabel(label)) {
      continue;
    }
    // A line that is no heading counts only when it is a block of its own.
    const head = lineElement(marker, root, label, isSectionHead);
    if (!isSectionHead(head)) {
      continue;
    }
    const level = headingLevel(head);
    const before = textBefore(root, head);
    if (before < OTHER_SECTION_MIN_BEFORE) {
      continue;
    }
    // Everything after the heading in document order, up to the next heading of its level or higher.
    const doomed: Element[] = [head];
    let node: Element | null = head;
    outer: while (node && node !== root) {
      for (let sib = node.nextElementSibling; sib; sib = sib.nextElementSibling) {
        const stop = isHeadingTag(tagOf(sib)) && headingLevel(sib) <= level ? sib : Array.from(sib.querySelectorAll('h1, h2, h3, h4, h5, h6')).find((h) => headingLevel(h) <= level);
        if (stop === sib) {
          break outer;
        }
        if (stop) {
          // A heading of the same level inside: remove what stands before it within this element, then stop.
          for (let c = sib.firstElementChild; c && !c.contains(stop) && c !== stop; c = c.nextElementSibling) {
            doomed.push(c);
          }
          break outer;
        }
        doomed.push(sib);
      }
      node = node.parentElement;
    }
    for (const el of doomed) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

/** Characters of text in `root` before `el` in document order. */
function textBefore(root: Element, el: Element): number {
  let n = 0;
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    for (let sib = node.previousElementSibling; sib; sib = sib.previousElementSibling) {
      n += (sib.textContent ?? '').length;
    }
  }
  return n;
}

/** A list (or block) that is nothing but links. */
/** Links a cell needs to be a column of them. */
const LINK_COLUMN_MIN_LINKS = 5;
/** Text of the cell beside it that is not links. */
const LINK_COLUMN_BESIDE_CHARS = 80;

/**
 * Removes the link columns of an old table layout that came into the article
 * with the row holding the story: a cell of LINK_COLUMN_MIN_LINKS links or
 * more, nearly all of its text theirs, beside a cell of other text.
 */
export function removeLinkColumns(root: Element): number {
  let removed = 0;
  for (const td of Array.from(root.querySelectorAll('td'))) {
    if (!root.contains(td) || td.querySelectorAll('a').length < LINK_COLUMN_MIN_LINKS || !isLinkCell(td)) {
      continue;
    }
    const row = td.parentElement;
    const beside = row ? Array.from(row.children).some((c) => c !== td && collapseSpace(c.textContent ?? '').length >= LINK_COLUMN_BESIDE_CHARS && !isLinkCell(c)) : false;
    if (beside) {
      td.remove();
      removed++;
    }
  }
  return removed;
}

/** Characters of an element's text inside its links, spacing collapsed. */
function linkChars(el: Element): number {
  let n = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) {
    n += collapseSpace(a.textContent ?? '').length;
  }
  return n;
}

/** The share of an element's text that is link text (0 when it has none). */
function linkShare(el: Element): number {
  const text = collapseSpace(el.textContent ?? '');
  return text ? linkChars(el) / text.length : 0;
}

const isLinkCell = (td: Element): boolean => linkShare(td) > 0.9;

function isLinkList(el: Element): boolean {
  return linkShare(el) > 0.9 && el.querySelectorAll('a').length >= 1 && /^(UL|OL|DIV|P|NAV)$/.test(tagOf(el));
}

const pTextLength = (root: Element): number => {
  let n = 0;
  for (const p of Array.from(root.getElementsByTagName('p'))) {
    n += (p.textContent ?? '').length;
  }
  return n;
};

/**
 * When one <article>, articleBody or <main> element holds nearly all of the
 * page's paragraph text, keeps only it in <body>: Readability then scores a
 * far smaller tree, and cannot pick a sidebar instead. Returns true when it
 * narrowed the page.
 */
export function narrowToArticle(doc: Document, share = 0.8): boolean {
  const body = doc.body;
  if (!body) {
    return false;
  }
  const total = pTextLength(body);
  if (total < 500) {
    return false;
  }
  let best: Element | null = null;
  let bestLength = Number.POSITIVE_INFINITY;
  for (const el of Array.from(body.querySelectorAll('article, [itemprop="articleBody"], main, [role="main"]'))) {
    const len = pTextLength(el);
    if (len >= share * total && len < bestLength) {
      best = el;
      bestLength = len;
    }
  }
  if (!best || best === body) {
    return false;
  }
  while (body.firstChild) {
    body.removeChild(body.firstChild);
  }
  body.appendChild(best);
  return true;
}

/** What follows the name in an author's bio: optional credentials or title ("Jane Doe, Editor, Example Reviews, studied…"), then "is / was / has / writes / covers / studied..." */
const BIO_AFTER_NAME = /^(?:\s+\p{Lu}[\p{L}.'-]*)?(?:(?:,[^,.]{1,40}){1,2},)?\s+(?:is|was|has|writes|covers|works|joined|holds|serves|lives|founded|specializes|specialises|studied|graduated|began|started|spent|brings|teaches|edits|reports)\b/u;

/** Words of a byline that names an organisation or a desk, not a person. */
const ORGANISATION_WORD = /^(?:team|staff|editorial|editors?|desk|newsroom|official|group|media|news|press|contributors?|writers?)$/i;

/**
 * Removes an author box that closes the article: one of its last blocks
 * opening with the byline's name and "is / was / has / writes / covers..."
 * ("Jane Doe is a reporter covering...", "Jane is...", "Doe, CFP, writes..."; the
 * first or last name alone only when the byline reads as a person's name; the
 * first name's short form before the last, "Matt Frankel" for "Matthew Frankel").
 * Needs a byline of two words or more, or a capitalised first name alone that is not the site's name
 * (`host`: "Budlong" on budlong.com is the firm writing about itself); a handle in brackets is left out
 * ("Jean-Luc Aufranc (CNXSoft)").
 * With `atOpening` (the text opens the article), its first block goes too when it is such a bio naming the writer's
 * trade ("Jane is a freelance writer who…", WRITER_TRADE_AFTER_NAME): the writer's card set above the story.
 */
export function removeAuthorBio(root: Element, byline: string | null, host: string | null = null, atOpening = false): number {
  const site = (host ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
  const names = (byline ?? '')
    .split(/\s*(?:,|&|\band\b|\bund\b|\bet\b)\s*/)
    // "Jean-Luc Aufranc (CNXSoft)": the handle in brackets is no part of the name.
    .map((n) => collapseSpace(n.replace(/^by\s+/i, '').replace(/\s*\([^()]*\)/g, ' ')))
    // A name of two words or more, or a first name alone ("Lauren"), capitalised, not a desk ("Staff") nor the site's ("Budlong" on budlong.com).
    .filter((n) => (n.split(' ').length >= 2 || (/^\p{Lu}\p{Ll}{2,}$/u.test(n) && !ORGANISATION_WORD.test(n) && !site.includes(n.toLowerCase()))) && n.length <= 60);
  if (names.length === 0) {
    return 0;
  }
  // The full name, or the first or last name alone ("Jane is a reporter...", "Doe, CFP, writes about...").
  const forms = new Set<string>();
  const shortForms: Array<[string, string]> = [];
  for (const n of names) {
    forms.add(n.toLowerCase());
    const parts = n.split(' ');
    // A person's name only: "QCY Official", "Example Editorial Team" are no first and last names.
    if (!parts.every((w) => /^\p{Lu}\p{Ll}/u.test(w) && !ORGANISATION_WORD.test(w))) {
      continue;
    }
    for (const part of [parts[0], parts.at(-1)]) {
      if (part && part.length >= 3 && /^\p{Lu}/u.test(part)) {
        forms.add(part.toLowerCase());
      }
    }
    if (parts.length === 2) {
      shortForms.push([parts[0]!.toLowerCase(), parts[1]!.toLowerCase()]);
    }
  }
  const blocks = Array.from(root.querySelectorAll('p, div, section, aside')).filter((el) => !el.querySelector('p, div, section, aside'));
  let removed = 0;
  // The writer's card above the story ("Jane is a freelance writer who…"): its first block, read only as a bio of the
  // writer's trade, since a story may open with its subject's name.
  const first = atOpening ? blocks.find((el) => /\S/.test(el.textContent ?? '')) : undefined;
  const closing = blocks.slice(-4).filter((el) => el !== first);
  for (const el of first ? [first, ...closing] : closing) {
    const text = collapseSpace(el.textContent ?? '');
    if (text.length > 700) {
      continue;
    }
    const after = el === first ? WRITER_TRADE_AFTER_NAME : BIO_AFTER_NAME;
    const lower = text.toLowerCase();
    // The first name's short form before the last name ("Matt Frankel" for "Matthew Frankel", "Chris" for "Christopher").
    const opening = /^(\p{L}{3,}) (\p{L}+)/u.exec(lower);
    for (const [first, last] of shortForms) {
      if (opening?.[1] && opening[2] === last && opening[1] !== first && first.startsWith(opening[1])) {
        forms.add(`${opening[1]} ${last}`);
      }
    }
    for (const n of forms) {
      if (lower.startsWith(n) && after.test(text.slice(n.length))) {
        el.remove();
        removed++;
        break;
      }
    }
  }
  return removed;
}

/**
 * A writer greeting the reader by name: "Hi, I'm Jessica! Welcome to…", "Hey, I'm Kev, coffee nerd…", "Hello there!
 * I am Sara, and I started this blog…". The name is capitalised.
 */
const GREETING_BIO = /^(?:[Hh]i|[Hh]ey|[Hh]ello|[Hh]owdy)(?: there| friends?| everyone| all)?\s*[,!.]?\s*(?:I['’]m|I am|[Mm]y name is)\s+\p{Lu}/u;

/** Blocks at the top of the article where a greeting opens the story itself ("Hi, I'm Ryan. Let's get moving."). */
const GREETING_STORY_BLOCKS = 3;

/**
 * Removes a writer's greeting past the article's opening blocks: the blog's "about me" box beside or after the
 * story ("Hi there! I'm Shivya, and I started this travel blog back in 2011…"), which no byline names. `storyBlocks`:
 * the opening blocks left alone (none in a part put after the article's opening). Returns the number removed.
 */
export function removeGreetingBio(root: Element, storyBlocks = GREETING_STORY_BLOCKS): number {
  const blocks = Array.from(root.querySelectorAll('p, div, section, aside')).filter((el) => !el.querySelector('p, div, section, aside'));
  let removed = 0;
  for (const el of blocks.slice(storyBlocks)) {
    const text = collapseSpace(el.textContent ?? '');
    if (text.length <= 700 && GREETING_BIO.test(text)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

/** Nouns a bio names its subject's trade with ("a freelance travel writer", "a skilled content creator"). */
const WRITER_NOUN = String.raw`(?:writer|journalist|editor|reporter|author|content creator|contributor|columnist|correspondent|blogger|copywriter)s?`;

/** A bio's words after the name: credentials, "is / was", an article and up to five words before the trade noun. */
const WRITER_TRADE = String.raw`(?:,[^,.]{1,40},)? (?:is|was) (?:an?|the) (?:[\p{L}-]+ ){0,5}${WRITER_NOUN}\b`;

/**
 * An author's bio as its subject's name and what they write: "Jane Doe is a
 * freelance travel writer…", "Jane Q. Doe, CFP, is a contributing editor…".
 * The name: two or three capitalised words, an initial between them allowed;
 * up to five words between the article and the trade noun.
 */
const WRITER_BIO = new RegExp(String.raw`^(\p{Lu}\p{Ll}+(?: \p{Lu}\.)?(?: \p{Lu}[\p{Ll}'’-]+){1,2})${WRITER_TRADE}`, 'u');

/** What follows the writer's name in a bio of their trade: "(Jane) is a freelance travel writer…", "(Jane Doe), CFP, was an editor…". */
const WRITER_TRADE_AFTER_NAME = new RegExp(`^${WRITER_TRADE}`, 'u');

/**
 * The author a page names only in the bio that closes its article (the page
 * declares no byline and shows none by its headline): the name opening one
 * of the article's last four blocks as WRITER_BIO reads it. Null when none does.
 */
export function closingBioName(root: Element): string | null {
  const blocks = Array.from(root.querySelectorAll('p, div, section, aside')).filter((el) => !el.querySelector('p, div, section, aside'));
  for (const el of blocks.slice(-4)) {
    const text = collapseSpace(el.textContent ?? '');
    const m = text.length <= 700 ? WRITER_BIO.exec(text) : null;
    if (m?.[1] && introducesBio(el, m[1])) {
      return m[1];
    }
  }
  return null;
}

/** A label that heads a box about the author: "About the author", "Written by Jane Doe", "Author". */
const BIO_LABEL = /^(?:about the author|about the writer|written by\b|author\b)/i;

/**
 * Whether what stands right before the bio `el` (the nearest text or picture before it) heads a box about
 * `name`: a label ("About the author:", "Written by Jane Doe"), the name itself, or a picture whose alt text
 * names the person (a headshot). A bio with nothing of the kind before it is a note closing the story.
 */
function introducesBio(el: Element, name: string): boolean {
  const words = name.toLowerCase().split(' ');
  const last = words.at(-1) ?? '';
  for (let n: Element | null = el; n && tagOf(n) !== 'BODY'; n = n.parentElement) {
    for (let prev = n.previousElementSibling; prev; prev = prev.previousElementSibling) {
      const img = tagOf(prev) === 'IMG' ? prev : prev.querySelector('img');
      const text = collapseSpace(prev.textContent ?? '');
      if (img && !text) {
        return (img.getAttribute('alt') ?? '').toLowerCase().includes(last);
      }
      if (text) {
        return text.length <= 80 && (BIO_LABEL.test(text) || text.toLowerCase().includes(name.toLowerCase()));
      }
    }
  }
  return false;
}

/** How many of the article's last text blocks are searched for the author's name on a line of its own. */
export const AUTHOR_BOX_LAST_BLOCKS = 6;

/**
 * Removes an author box that closes the article: one of its last
 * AUTHOR_BOX_LAST_BLOCKS blocks is the byline's name on a line of its own
 * ("Jane Doe", "By Jane Doe", "About Jane Doe"), and that line goes with
 * everything after it (the bio, a title, contact links), when more of the
 * article stands before that line than after it. A story does not end on its
 * author's bare name.
 */
export function removeAuthorBox(root: Element, byline: string | null): number {
  const names = new Set(
    (byline ?? '')
      .split(/\s*(?:,|&|\band\b)\s*/)
      .map((n) => collapseSpace(n.replace(/^by\s+/i, '')).toLowerCase())
      .filter((n) => n.length >= 3 && n.length <= 60),
  );
  if (names.size === 0) {
    return 0;
  }
  // A cheap look first: a text node that is a name alone, or "By" and a name (most articles have none).
  const escaped = Array.from(names, (n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'));
  const nameNode = new RegExp(`^\\s*(?:(?:by|about|written by)\\s+)?(?:${escaped.join('|')})\\s*$`, 'i');
  if (textOwners(root, nameNode).length === 0) {
    return 0;
  }
  const owners: Node[] = [];
  const blocks = textBlocks(root, owners);
  const from = Math.max(1, blocks.length - AUTHOR_BOX_LAST_BLOCKS);
  const k = blocks.findIndex((t, i) => i >= from && names.has(t.toLowerCase().replace(/^(?:by|about|written by)\s+/, '')));
  if (k < 0) {
    return 0;
  }
  const tail = collapseSpace(blocks.slice(k).join(' ')).length;
  // The box closes a story: more of the article stands before the name line than from it on.
  if (collapseSpace(blocks.slice(0, k).join(' ')).length <= tail) {
    return 0;
  }
  let removed = 0;
  for (const owner of owners.slice(k)) {
    // The block's own element, unless it also holds text before the name line.
    if (owner !== root && root.contains(owner) && collapseSpace(owner.textContent ?? '').length <= tail) {
      (owner as Element).remove();
      removed++;
    }
  }
  return removed;
}

/** Words that, beside "author", name a box about the author: "author-bio", "single-content-author__about", "authorInfo". */
const AUTHOR_BOX_WORD = new Set(['bio', 'bios', 'biography', 'about', 'box', 'info', 'description', 'desc', 'card', 'profile', 'details']);

/** Containers that are an author box when named for the author alone ("single-content-author"). */
const AUTHOR_BOX_TAGS = new Set(['DIV', 'SECTION', 'ASIDE']);

/** Characters of text an author box holds at most; a longer element is no box. */
export const AUTHOR_BOX_MAX_CHARS = 1200;

/**
 * Whether the markup names `el` a box about the author ("author-bio",
 * "author__about", "authorInfo": the word "author" beside bio, about, box,
 * info, description, card, profile or details in a class or id; or a
 * <div>, <section> or <aside> named for the author alone) holding some text
 * and at most AUTHOR_BOX_MAX_CHARS characters of it.
 */
export function isNamedAuthorBox(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!/author/i.test(names)) {
    return false;
  }
  const toks = names.split(TOKEN_SPLIT).map((t) => t.toLowerCase());
  if (!toks.some((t) => t === 'author' || t === 'authors') || !(toks.some((t) => AUTHOR_BOX_WORD.has(t)) || AUTHOR_BOX_TAGS.has(tagOf(el)))) {
    return false;
  }
  const chars = collapseSpace(el.textContent ?? '').length;
  return chars > 0 && chars <= AUTHOR_BOX_MAX_CHARS;
}

/**
 * Removes the boxes about the author that the article's markup names so
 * (isNamedAuthorBox) and that hold under a third of the article's text.
 * Run on Readability's result, after it has read the byline: before it, the
 * box would take the byline with it. The density pass reads such boxes as
 * noise (density.ts), so no gap or tail filling puts them back.
 */
export function removeNamedAuthorBoxes(root: Element): number {
  let total = -1;
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll('[class*="uthor" i], [id*="uthor" i]'))) {
    if (!root.contains(el) || !isNamedAuthorBox(el)) {
      continue;
    }
    if (total < 0) {
      total = collapseSpace(root.textContent ?? '').length;
    }
    if (collapseSpace(el.textContent ?? '').length * 3 > total) {
      continue;
    }
    el.remove();
    removed++;
  }
  return removed;
}

/** Characters of a button box's text, at most (a heading, a pitch of a few sentences and its button). */
export const BUTTON_BOX_MAX_CHARS = 800;

/**
 * Removes the boxes a page builder sets apart from the story with their own
 * button: a WordPress group or cover block (a panel with its own background
 * or layout) that holds a button block and little text
 * (BUTTON_BOX_MAX_CHARS): a promotion, an appeal for donations, a course's
 * pitch ("Struggling with sourdough? … <Get the guide>"). When such boxes
 * hold a quarter of the text or more they are the page's matter (a hub of
 * resource cards, each with its "Visit" button) and all stay.
 */
export function removeButtonBoxes(root: Element): number {
  const boxes: Element[] = [];
  let chars = 0;
  for (const el of Array.from(root.querySelectorAll('.wp-block-group, .wp-block-cover'))) {
    if (boxes.some((b) => b.contains(el)) || !el.querySelector('.wp-block-button, .wp-block-buttons')) {
      continue;
    }
    const n = collapseSpace(el.textContent ?? '').length;
    if (n <= BUTTON_BOX_MAX_CHARS) {
      boxes.push(el);
      chars += n;
    }
  }
  if (boxes.length === 0 || chars * 4 >= collapseSpace(root.textContent ?? '').length) {
    return 0;
  }
  for (const box of boxes) {
    box.remove();
  }
  return boxes.length;
}

/** Class names of a page builder's section or panel: a layout box of its own (WordPress blocks, Elementor, Divi, Avada, GenerateBlocks). */
const BUILDER_BOX_CLASSES = new Set(['wp-block-group', 'wp-block-cover', 'elementor-section', 'e-con', 'et_pb_section', 'fusion-fullwidth', 'gb-container']);
/** Characters of a box around a button link, at most, besides a builder's panel: a heading, a pitch of a sentence or two and the button. */
export const BUTTON_PITCH_MAX_CHARS = 400;
/** Attribute set on a box around a button (markButtonBoxes), read once the story is put together (trimButtonBoxes). */
export const BUTTON_BOX_MARK = 'data-telex-button-box';

/** Whether `el` is a page builder's panel: one of its class names is a builder's (BUILDER_BOX_CLASSES). */
export function isBuilderBox(el: Element): boolean {
  const names = el.getAttribute('class');
  // Split as a class selector reads them: at HTML whitespace only.
  return !!names && names.split(/[ \t\n\f\r]+/).some((t) => BUILDER_BOX_CLASSES.has(t));
}

/**
 * Marks the boxes around a button link that points to an address (a link
 * styled as a button, `styledAsButton`; a toggle's "#" link is none): the
 * largest element around it of BUTTON_PITCH_MAX_CHARS or fewer that holds
 * other text than the button's, and a page builder's panel of
 * BUTTON_BOX_MAX_CHARS or fewer that holds it. Run before the furniture
 * pass, which takes the button out and leaves its pitch. Returns how many
 * boxes it marked.
 */
export function markButtonBoxes(root: Element): number {
  let marked = 0;
  // Read once per element: buttons side by side (a menu's, a card grid's) share their ancestors.
  const lengths = new Map<Element, number>();
  const raws = new Map<Element, string>();
  const panels = new Map<Element, Element | null>();
  const mark = (box: Element | null): void => {
    if (box && !box.hasAttribute(BUTTON_BOX_MARK)) {
      box.setAttribute(BUTTON_BOX_MARK, '');
      marked++;
    }
  };
  // Only a link with a class or an id can be styled as a button (a template's content is no part of the tree).
  for (const a of Array.from(root.querySelectorAll('a[class], a[id]'))) {
    // A toggle's "#" link and a script's link point to no address: skipped before any other reading.
    const href = a.getAttribute('href');
    if (!href || href.startsWith('#') || /^javascript:/i.test(href) || !styledAsButton(a)) {
      continue;
    }
    const own = collapseSpace(a.textContent ?? '').length;
    let box: Element | null = null;
    for (let el = a.parentElement; el && el !== root; el = el.parentElement) {
      let n = lengths.get(el);
      if (n === undefined) {
        // Read no further than the limit: a button's ancestors reach up to the page's body. The child climbed from is
        // not read again (raws). An app badge's holder has no text (0); text of invisible characters only counts as
        // past the limit, as text too long to read does.
        const raw = boundedRawText(el, BUTTON_PITCH_MAX_CHARS, raws);
        if (raw === null) {
          n = Infinity;
        } else {
          raws.set(el, raw);
          const shown = collapseSpace(raw).length;
          n = shown > 0 || !/\S/.test(raw) ? shown : Infinity;
        }
        lengths.set(el, n);
      }
      if (n > BUTTON_PITCH_MAX_CHARS) {
        break;
      }
      if (n > own + PITCH_MIN_CHARS) {
        box = el;
      }
    }
    mark(box);
    const panel = builderPanel(a, root, panels);
    if (panel && !panel.hasAttribute(BUTTON_BOX_MARK) && shortText(panel, BUTTON_BOX_MAX_CHARS) !== null) {
      mark(panel);
    }
  }
  if (marked >= 2) {
    markRepeatedPitches(root);
  }
  return marked;
}

/** Characters of a repeated pitch's box, at most: a line or two and its button. */
export const REPEATED_PITCH_MAX_CHARS = 200;
/** Attribute set on a marked button box whose whole text another marked box repeats (markRepeatedPitches). */
export const REPEATED_PITCH_MARK = 'data-telex-repeated-pitch';

/**
 * Marks the button boxes (outermost marks) that hold the same text as another
 * one on the page, REPEATED_PITCH_MAX_CHARS or fewer: one promotion set in
 * the page twice or more, a line and its button ("Get the cash you need with
 * a low-interest personal loan today <Apply now>"), which the site inserts
 * wherever it likes, between story paragraphs too. A quote's attribution
 * repeated with its profile link (in a <figure> or <blockquote>) is the
 * story's.
 */
function markRepeatedPitches(root: Element): void {
  const byText = new Map<string, Element[]>();
  for (const box of outermostMarked(root, BUTTON_BOX_MARK)) {
    if (box.closest('figure, blockquote')) {
      continue;
    }
    const text = shortText(box, REPEATED_PITCH_MAX_CHARS);
    const same = text ? byText.get(text) : undefined;
    if (same) {
      same.push(box);
    } else if (text) {
      byText.set(text, [box]);
    }
  }
  for (const boxes of byText.values()) {
    if (boxes.length >= 2) {
      boxes.forEach((b) => b.setAttribute(REPEATED_PITCH_MARK, ''));
    }
  }
}

/** The elements under `root` that carry the attribute `mark` and stand inside no other element that carries it. */
function outermostMarked(root: Element, mark: string): Element[] {
  return Array.from(root.querySelectorAll(`[${mark}]`)).filter((el) => !el.parentElement?.closest(`[${mark}]`));
}

/** The nearest page builder's panel around `el` (itself included) up to `root` (included), null when none; each answer kept in `seen`. */
function builderPanel(el: Element, root: Element, seen: Map<Element, Element | null>): Element | null {
  const climbed: Element[] = [];
  let found: Element | null = null;
  for (let at: Element | null = el; at; at = at === root ? null : at.parentElement) {
    const known = seen.get(at);
    if (known !== undefined) {
      found = known;
      break;
    }
    climbed.push(at);
    if (isBuilderBox(at)) {
      found = at;
      break;
    }
  }
  for (const at of climbed) {
    seen.set(at, found);
  }
  return found;
}

/** Characters of text, at least, that a box holds besides its button's label: a pitch, not a button's wrapper. */
const PITCH_MIN_CHARS = 10;

/**
 * Removes the marked button boxes (markButtonBoxes) that close the story:
 * while the story's last text stands in one, that box goes, never the
 * story's only text. A box between story paragraphs stays. Returns how many
 * it removed.
 */
export function trimButtonBoxes(root: Element): number {
  // Boxes that hold a quarter of the story or more are its sections (a hub of cards, each with its button).
  const boxes = outermostMarked(root, BUTTON_BOX_MARK);
  const boxChars = boxes.reduce((n, b) => n + collapseSpace(b.textContent ?? '').length, 0);
  if (boxChars * 4 >= collapseSpace(root.textContent ?? '').length) {
    return 0;
  }
  let removed = 0;
  for (const box of Array.from(root.querySelectorAll(`[${REPEATED_PITCH_MARK}]`))) {
    if (!removeUnlessAll(root, box)) {
      return removed;
    }
    removed++;
  }
  return removed + trimClosing(root, (r) => {
    const box = lastTextNode(r)?.parentElement?.closest(`[${BUTTON_BOX_MARK}]`) ?? null;
    return box && box !== r && r.contains(box) ? box : null;
  });
}

/** The last text node under `root` with more than whitespace in it, skipping what is never text. */
function lastTextNode(root: Element): Text | null {
  let node: Node | null = root.lastChild;
  while (node) {
    if (node.nodeType === 3 && /\S/.test((node as Text).data)) {
      return node as Text;
    }
    const skip = node.nodeType === 1 && holdsNoText((node as Element).tagName);
    if (node.nodeType === 1 && !skip && node.lastChild) {
      node = node.lastChild;
      continue;
    }
    // Step back: the previous sibling, else the nearest ancestor's previous sibling.
    while (node && node !== root && !node.previousSibling) {
      node = node.parentNode;
    }
    node = node && node !== root ? node.previousSibling : null;
  }
  return null;
}

/** Characters, at most, of a heading or lone link that can close a story; longer is small print in a heading's tag, or text. */
const CLOSING_MAX_CHARS = 120;

/**
 * The block that closes the story when it points away from it: a heading
 * with nothing after it, which heads nothing (its list of links or its form
 * was taken out as furniture, or it introduces what follows the story:
 * "Recent posts", "More travel guides"), or a paragraph that is one link and
 * nothing else ("Back to our top picks", "Shoot us an email", "Meet us at the
 * summit") unless the link reads as a bare address. Null when the story ends
 * otherwise.
 */
function closingPointer(root: Element): Element | null {
  const last = lastTextNode(root);
  let el: Element | null = last?.parentElement ?? null;
  let paragraph: Element | null = null;
  while (el && el !== root && !isHeadingTag(tagOf(el))) {
    if (!paragraph && tagOf(el) === 'P') {
      paragraph = el;
    }
    el = el.parentElement;
  }
  const block = el && el !== root ? el : paragraph;
  if (!block) {
    return null;
  }
  const text = collapseSpace(block.textContent ?? '');
  if (text.length > CLOSING_MAX_CHARS) {
    return null;
  }
  // A numbered heading ("2. Contact a legal aid office", "Step 4: Apply") is a step of the story's own sequence, whose
  // content the page fills in by script (a map, a form): it points nowhere else.
  if (block === el && NUMBERED_STEP.test(text)) {
    return null;
  }
  // A bare address is a source the story gives ("On the Net: http://…"), not a pointer away from it.
  return block === el || (linkChars(block) >= text.length * 0.9 && !BARE_ADDRESS.test(text)) ? block : null;
}
const BARE_ADDRESS = /^(?:https?:\/\/|www\.)\S+$/i;
/** A heading numbered as a step of a sequence: "2. …", "3) …", "Step 4: …". */
const NUMBERED_STEP = /^(?:\d{1,2}[.)]\s+\S|step \d{1,2}\b)/i;

/**
 * Removes what closes the story by pointing away from it (closingPointer),
 * while the story ends with such a block, never its only text. Returns how
 * many blocks it removed.
 */
export function trimStoryEnd(root: Element): number {
  return trimClosing(root, closingPointer);
}

/**
 * A line of marks only that sets a part of the text apart: dashes ("----------", "– – – – –"), rules of "=" or "~",
 * "###" (a release's end), ornaments ("☼ ☼ ☼", "❧ ❧ ❧", "• • •"). Not asterisks ("* * *", "******": the dinkus, a
 * scene break inside a story), underscores ("___": wire copy's rule before the story's own correction and credit
 * lines), a bare "---" (Markdown's rule, the story's own sections), dots (a leader) or stars ("★★★★★", a rating).
 */
export const SEPARATOR_LINE = /^(?:(?:[‐‑‒–—―=~#+•◆◇❖☼❧❦§]\s*){3,}|(?:-\s*){4,})$/u;
/** The same test as a line of a text, before the story's blocks are read: a line of three or more such marks. */
export const SEPARATOR_IN_TEXT = /^(?:[-‐‑‒–—―=~#+•◆◇❖☼❧❦§][ \t]*){3,}$/mu;
/** A footnote's mark opening a line: "*", "†", "¹", "[1]", "(1)", "1 " before a capital. */
const FOOTNOTE_MARK = /^(?:\*|†|‡|[¹²³⁴⁵⁶⁷⁸⁹]|\[\d{1,2}\]|\(\d{1,2}\)|\d{1,2}\.?\s+\p{Lu})/u;
/** Share of the story's text, at most, that may follow its last separator line for that part to be closing matter. */
export const AFTER_SEPARATOR_MAX_SHARE = 0.25;

/**
 * Removes the story's closing matter set apart by a separator line
 * (SEPARATOR_LINE in a block of its own, outside code): the line and all
 * that follows it, when that is a quarter of the story's text or less and
 * the line is not its first block. A writer sets such a line between the
 * story and what the site adds under it ("SHARE YOUR STORY / Do you have an
 * issue with a company…", "In this article, we've covered: …", show notes,
 * a newsletter's sign-off); a line between two parts of the story leaves
 * more after it. Returns how many blocks it removed.
 */
export function trimAfterSeparator(root: Element): number {
  const owners: Node[] = [];
  const blocks = textBlocks(root, owners);
  let at = -1;
  for (let i = blocks.length - 1; i > 0; i--) {
    if (SEPARATOR_LINE.test(blocks[i] as string)) {
      at = i;
      break;
    }
  }
  const owner = owners[at];
  if (at < 0 || !owner || owner.nodeType !== 1 || owner === root) {
    return 0;
  }
  const line = owner as Element;
  // The line first in its element (alone, or the first line of a <br> run), and no code's ("=======" of a merge
  // conflict, "---"). Notes under the line ("*Thanks to …", "[1] …", "¹ …") are the story's footnotes.
  if (!collapseSpace(line.textContent ?? '').startsWith(blocks[at] as string) || line.closest('pre, code') || FOOTNOTE_MARK.test(blocks[at + 1] ?? '')) {
    return 0;
  }
  const total = blocks.reduce((n, b) => n + b.length, 0);
  const after = blocks.slice(at + 1).reduce((n, b) => n + b.length, 0);
  if (after === 0 || after > AFTER_SEPARATOR_MAX_SHARE * total) {
    return 0;
  }
  for (let el: Element | null = line; el && el !== root; el = el.parentElement) {
    while (el.nextSibling) {
      el.nextSibling.remove();
    }
  }
  line.remove();
  return blocks.length - at;
}

/**
 * Removes the block `closing` finds at the end of the story while it finds
 * one, never the story's only text. Returns how many blocks it removed.
 */
function trimClosing(root: Element, closing: (root: Element) => Element | null): number {
  let removed = 0;
  for (let block = closing(root); block; block = closing(root)) {
    if (!removeUnlessAll(root, block)) {
      return removed;
    }
    removed++;
  }
  return removed;
}

/** Removes `block` from the story under `root` unless it was all the story's text: then it is put back, and false. */
function removeUnlessAll(root: Element, block: Element): boolean {
  const parent = block.parentElement;
  const next = block.nextSibling;
  block.remove();
  if (!lastTextNode(root)) {
    parent?.insertBefore(block, next);
    return false;
  }
  return true;
}

/** Characters of a teaser's text besides its title, at most (the excerpt and its date). */
export const TEASER_MAX_CHARS = 400;
/** The same for a card that shows its post's date ("Dec 17, 2025"): a post's teaser whose excerpt runs long, not a product's card. */
export const DATED_TEASER_MAX_CHARS = 900;
/** Characters of a card's whole text, at most (a title and the longest excerpt). */
const TEASER_TEXT_MAX_CHARS = 1200;
/** Teaser cards side by side, at least, for a list of other posts. */
export const TEASER_MIN_CARDS = 3;

/** A text cut short with an ellipsis ("…", "...", "[…]"): an excerpt. */
const CUT_SHORT = /(?:…|\.\.\.)\]?\s*$/;

/** Whether an element of the card besides its title (a date or a label may follow) ends cut short. */
const holdsExcerpt = (card: Element, heading: Element): boolean =>
  Array.from(card.querySelectorAll('p, div, span')).some((e) => !heading.contains(e) && CUT_SHORT.test(e.textContent ?? ''));

/**
 * The address a teaser card points to: the card holds a heading (its
 * title) whose text is one link, or an unlinked heading beside a link with
 * no text (the thumbnail's, or one laid over the whole card); little text
 * besides the title; and either a second link to the same address (the
 * thumbnail, a "read more") or an excerpt cut short with an ellipsis.
 * Null for anything else.
 */
function teaserTarget(card: Element): string | null {
  // Read no further than a card can run: most elements of a page are far longer (its wrappers), and go first.
  const text = shortText(card, TEASER_TEXT_MAX_CHARS);
  if (text === null) {
    return null;
  }
  const headings = Array.from(card.querySelectorAll('h2, h3, h4, h5, h6'));
  if (headings.length === 0) {
    return null;
  }
  const all = Array.from(card.querySelectorAll('a[href]'));
  // The title's heading holds the one link the card repeats (thumbnail and title); a category label may head the card.
  const linkedTwice = (h: Element): boolean => {
    const links = h.querySelectorAll('a[href]');
    const target = links.length === 1 ? links[0]?.getAttribute('href') : null;
    return !!target && all.filter((a) => a.getAttribute('href') === target).length >= 2;
  };
  const heading = (headings.length > 1 ? headings.find(linkedTwice) : undefined) ?? (headings[0] as Element);
  const title = collapseSpace(heading.textContent ?? '');
  // A title left empty by the site still makes a card when its link is the thumbnail's.
  if (title.length < 10 && !(title.length === 0 && linkedTwice(heading))) {
    return null;
  }
  if (text.length > title.length + TEASER_MAX_CHARS && (text.length > title.length + DATED_TEASER_MAX_CHARS || !WRITTEN_DATE.test(text))) {
    return null;
  }
  const inHeading = Array.from(heading.querySelectorAll('a[href]'));
  let href: string | null = null;
  if (inHeading.length === 1) {
    if (collapseSpace(inHeading[0]?.textContent ?? '').length < 0.9 * title.length) {
      return null;
    }
    href = inHeading[0]?.getAttribute('href') ?? null;
  } else if (inHeading.length === 0) {
    href = all.find((a) => !collapseSpace(a.textContent ?? ''))?.getAttribute('href') ?? null;
  }
  if (!href) {
    return null;
  }
  const same = all.filter((a) => a.getAttribute('href') === href).length;
  return same >= 2 || holdsExcerpt(card, heading) ? href : null;
}

/**
 * Removes a list of teasers of other posts inside the story: TEASER_MIN_CARDS
 * or more sibling cards, each a title linked twice (thumbnail and heading)
 * to its own address with a short excerpt (teaserTarget), and nothing else
 * beside them but a label; or such a run closing a parent after the story's
 * text, opened by a heading of its own (the list's label: "Read these next").
 * A list of a story's items, each a heading with a paragraph, links once or
 * not at all, or says more than an excerpt does; a run of cards after text
 * with no label of its own (a hub page's entries under their introduction)
 * stays. With `markOnly` the cards are marked (TEASER_MARK), not removed.
 */
export function removeTeaserCards(root: Element, markOnly = false): number {
  let removed = 0;
  // Which elements hold a heading and which a link, read once upwards from each (the page's body has thousands of
  // elements, and asking each of them reads its whole subtree).
  const holdsHeading = ancestorsOf(root, 'h2, h3, h4, h5, h6');
  const holdsLink = ancestorsOf(root, 'a[href]');
  for (const parent of [root, ...Array.from(root.querySelectorAll('div, ul, ol, section'))]) {
    if (!holdsHeading.has(parent) || !holdsLink.has(parent) || (removed > 0 && parent !== root && !root.contains(parent))) {
      continue;
    }
    const kids = Array.from(parent.children);
    // Each card holds a heading: fewer such children than a run needs, and no run can stand here.
    if (kids.length < TEASER_MIN_CARDS || kids.filter((k) => holdsHeading.has(k)).length < TEASER_MIN_CARDS) {
      continue;
    }
    const targets = new Set<string>();
    const cards: Element[] = [];
    // Whether the run of cards follows other text of the parent, and whether a heading (the list's label) opens it.
    let afterText = false;
    let labelled = false;
    for (const kid of kids) {
      // The list's own label ("More from the blog") may stand among them.
      if (isHeadingTag(tagOf(kid))) {
        if (cards.length === 0) {
          labelled = true;
        }
        continue;
      }
      // A card holds a heading and a link (teaserTarget); any other text breaks the run.
      const target = holdsHeading.has(kid) && holdsLink.has(kid) ? teaserTarget(kid) : null;
      if (target && !targets.has(target)) {
        targets.add(target);
        cards.push(kid);
      } else if (firstTextNode(kid, (d) => collapseSpace(d) !== '')) {
        // Story before the cards: a run of cards that closes the parent under a label of its own is still a list
        // of other posts ("Read these next" after the story's last paragraph).
        cards.length = 0;
        targets.clear();
        afterText = true;
        labelled = false;
      }
    }
    if (cards.length >= TEASER_MIN_CARDS && (!afterText || labelled)) {
      for (const card of cards) {
        if (markOnly) {
          card.setAttribute(TEASER_MARK, '');
        } else {
          card.remove();
        }
        removed++;
      }
    }
  }
  return removed;
}

/** The elements from `root` down that hold an element matching `selector`. */
function ancestorsOf(root: Element, selector: string): Set<Element> {
  const found = new Set<Element>();
  for (const el of Array.from(root.querySelectorAll(selector))) {
    for (let at = el.parentElement; at && !found.has(at); at = at === root ? null : at.parentElement) {
      found.add(at);
    }
  }
  return found;
}

/** Attribute set on a teaser card marked on the whole page (removeTeaserCards with markOnly), read by removeMarkedTeasers. */
export const TEASER_MARK = 'data-telex-teaser';

/**
 * Removes the teaser cards marked on the whole page (removeTeaserCards with
 * markOnly) from the story once it is put together: cards of other posts
 * that Readability took with the story (a list of them after it, in a
 * section of its own). When the cards hold half of the text or more, or
 * no paragraph of running text (TEASER_STORY_MIN_CHARS) stays without them,
 * they are the page's matter (a section front, a hub of posts) and all stay.
 */
export function removeMarkedTeasers(root: Element): number {
  const cards = outermostMarked(root, TEASER_MARK);
  const cardChars = cards.reduce((n, c) => n + collapseSpace(c.textContent ?? '').length, 0);
  if (cards.length === 0 || cardChars * 2 >= collapseSpace(root.textContent ?? '').length) {
    return 0;
  }
  const places = cards.map((c) => [c, c.parentNode, c.nextSibling] as const);
  for (const card of cards) {
    card.remove();
  }
  // What stays must be a story: a paragraph of running text at least (a section front's other teasers are none).
  if (!textBlocks(root).some((b) => b.length >= TEASER_STORY_MIN_CHARS)) {
    for (const [card, parent, next] of places.reverse()) {
      parent?.insertBefore(card, next);
    }
    return 0;
  }
  return cards.length;
}

/** Characters of a paragraph, at least, that must stay once the marked teasers go (removeMarkedTeasers). */
const TEASER_STORY_MIN_CHARS = 250;
