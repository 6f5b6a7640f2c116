import { SITE_NAME, type SampleStory } from './stories.js';

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const HUMAN_DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' });

/**
 * A story page the way a news site serves it: skip links, navigation, share
 * bars, a "Read more" line and a newsletter box inside the article body,
 * related links, comments and a footer around the story. Links are relative
 * so the page works under any base URL.
 */
export function renderStoryPage(story: SampleStory): string {
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    description: story.description,
    datePublished: story.publishedAt,
    dateModified: story.modifiedAt,
    inLanguage: 'en-GB',
    image: [story.image],
    articleSection: story.section,
    author: story.byline.split(' and ').map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'NewsMediaOrganization', name: SITE_NAME, logo: { '@type': 'ImageObject', url: '/img/logo.png' } },
  };
  const body = story.paragraphs.map((p, i) => {
    const para = `          <p>${esc(p)}</p>`;
    if (i === 1) {
      return `${para}\n          <p class="inline-related"><strong>Read more:</strong> <a href="/news/archive.html">Our full coverage of ${esc(story.section.toLowerCase())}</a></p>`;
    }
    if (i === 3) {
      return `${para}\n          <div class="newsletter-box"><h3>The Morning Briefing</h3><p>Sign up for our Morning Briefing newsletter and start every day informed.</p><form action="/newsletter"><input type="email" name="e"><button>Sign up</button></form></div>`;
    }
    return para;
  });
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>${esc(story.headline)} | ${esc(SITE_NAME)}</title>
  <meta name="description" content="${esc(story.description)}">
  <meta name="author" content="${esc(story.byline)}">
  <meta property="og:type" content="article">
  <meta property="og:site_name" content="${esc(SITE_NAME)}">
  <meta property="og:title" content="${esc(story.headline)}">
  <meta property="og:description" content="${esc(story.description)}">
  <meta property="og:image" content="${esc(story.image)}">
  <meta property="og:locale" content="en_GB">
  <meta property="article:published_time" content="${story.publishedAt}">
  <meta property="article:modified_time" content="${story.modifiedAt}">
  <meta property="article:section" content="${esc(story.section)}">
  <meta name="twitter:card" content="summary_large_image">
  <link rel="canonical" href="${esc(story.path)}">
  <link rel="stylesheet" href="/static/courier.css">
  <style>.ad-slot { min-height: 250px } .share-tools a { margin-right: .5em }</style>
  <script type="application/ld+json">${JSON.stringify(ld).replace(/</g, '\\u003c')}</script>
  <script async src="/static/ads.js"></script>
</head>
<body>
  <a class="skip-link" href="#main">Skip to main content</a>
  <header class="masthead">
    <a class="brand" href="/">${esc(SITE_NAME)}</a>
    <nav class="primary-nav">
      <ul>
        <li><a href="/news/">News</a></li>
        <li><a href="/politics/">Politics</a></li>
        <li><a href="/business/">Business</a></li>
        <li><a href="/health/">Health</a></li>
        <li><a href="/sport/">Sport</a></li>
        <li><a href="/weather/">Weather</a></li>
      </ul>
    </nav>
    <div class="ad-slot ad-leaderboard">Advertisement</div>
  </header>
  <main id="main">
    <article class="story">
      <div class="story-header">
        <p class="kicker"><a href="/${esc(story.section.toLowerCase())}/">${esc(story.section)}</a></p>
        <h1>${esc(story.headline)}</h1>
        <p class="standfirst">${esc(story.description)}</p>
        <p class="byline">By <a rel="author" href="/authors/${story.slug}">${esc(story.byline)}</a></p>
        <p class="timestamp"><time datetime="${story.publishedAt}">${HUMAN_DATE.format(new Date(story.publishedAt))}</time></p>
        <ul class="share-tools">
          <li><a href="https://social.example/share?u=${story.slug}">Share on Facebook</a></li>
          <li><a href="https://social.example/post?u=${story.slug}">Share on X</a></li>
          <li><a href="mailto:?subject=${encodeURIComponent(story.headline)}">Email</a></li>
        </ul>
      </div>
      <figure class="lead-image">
        <img src="${esc(story.image)}" alt="${esc(story.headline)}" onerror="this.remove()">
      </figure>
      <div class="story-body">
${body.join('\n')}
      </div>
      <div class="follow-prompt"><p>Follow ${esc(SITE_NAME)} on X and Instagram</p></div>
      <section class="related-stories">
        <h2>Related stories</h2>
        <ul>
          <li><a href="/news/2026/11/10/ferry-timetable.html">New ferry timetable takes effect</a></li>
          <li><a href="/news/2026/11/12/harbour-museum.html">Harbour museum reopens after refit</a></li>
        </ul>
      </section>
      <section class="comments-section">
        <h2>Comments (14)</h2>
        <p>Leave a comment</p>
      </section>
    </article>
    <aside class="sidebar">
      <h2>Most read</h2>
      <ol>
        <li><a href="/news/1.html">Tram line extension approved</a></li>
        <li><a href="/news/2.html">Night market returns to the quay</a></li>
      </ol>
    </aside>
  </main>
  <footer class="site-footer">
    <p>&copy; 2026 ${esc(SITE_NAME)}. All rights reserved.</p>
    <a href="/privacy">Privacy</a> <a href="/terms">Terms</a>
  </footer>
</body>
</html>
`;
}
