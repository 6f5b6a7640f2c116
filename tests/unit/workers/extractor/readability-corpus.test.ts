import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../../src/workers/extractor/extract-article.js';
import type { Extracted } from '../../../../src/workers/extractor/types.js';
import { readabilityPage, readabilityPageNames } from '../../../helpers/corpora.js';

/**
 * Golden tests over real pages from mozilla/readability's test suite
 * (vendored in tests/fixtures/corpora/readability-test-pages). Metadata is checked exactly
 * where Telex claims a value; the text must hold key sentences of the story
 * and none of the page chrome listed (some of which Readability itself keeps).
 */
const PAGE_URL = 'http://fakehost/test/page.html';

type Golden = {
  meta: Partial<Pick<Extracted, 'title' | 'byline' | 'publishedAt' | 'siteName' | 'language' | 'canonicalUrl' | 'dateline'>>;
  includes: string[];
  excludes: string[];
};

const GOLDEN: Record<string, Golden> = {
  aclu: {
    meta: { title: 'Facebook Is Tracking Me Even Though I’m Not on Facebook', byline: 'Daniel Kahn Gillmor', publishedAt: '2018-04-05T06:00:00Z', siteName: 'American Civil Liberties Union', language: 'en' },
    includes: ["I don't use Facebook. I'm not technophobic — I'm a geek.", "we can't afford to los"],
    excludes: ['Read the Terms of Use', 'ACLU on Twitter', 'Related Stories', 'View comments (27)', '© 2018 ACLU'],
  },
  aktualne: {
    meta: { title: 'West Ham hrozí gigantům, okouzlil i Linekera. Součka je snadné přehlédnout', byline: 'Aleš Vávra', publishedAt: '2021-11-01T10:52:50+01:00', language: 'cs' },
    includes: ['Zázrak jedné sezony? West Ham dává pochybovačům stále pádnější odpovědi'],
    excludes: ['Facebook Twitter'],
  },
  'ars-1': {
    meta: { title: 'Just-released Minecraft exploit makes it easy to crash game servers', byline: 'Dan Goodin', publishedAt: '2015-04-16T20:02:01+00:00', siteName: 'Ars Technica', language: 'en-US', canonicalUrl: 'https://arstechnica.com/information-technology/2015/04/just-released-minecraft-exploit-makes-it-easy-to-crash-game-servers/' },
    includes: ['A flaw in the wildly popular online game Minecraft makes it easy for just about anyone to crash the server', 'Ars is asking Mojang for comment and will update this post if company officials respond.'],
    excludes: ['Newsletter Signup', 'Sign up or login to join the discussions!', 'Share this story', 'Share on Facebook', 'Related Stories'],
  },
  'bbc-1': {
    meta: { title: "Obama admits US gun laws are his 'biggest frustration'", byline: 'BBC News', publishedAt: '2015-07-24T05:36:09+01:00', siteName: 'BBC News', language: 'en', canonicalUrl: 'http://www.bbc.com/news/world-us-canada-33646704' },
    includes: ['President Barack Obama has admitted that his failure to pass "common sense gun safety laws"', 'Mr Obama will become the first US president to address the African Union'],
    excludes: ['Privacy Policy', 'Share this story', 'Most Popular', 'Advertisement', '941 comments'],
  },
  breitbart: {
    meta: { title: "'Neutral' Snopes Fact-Checker David Emery: 'Are There Any Un-Angry Trump Supporters?'", byline: 'Lucas Nolan', publishedAt: '2016-12-22T10:43:37-08:00', siteName: 'Breitbart', language: 'en' },
    includes: ['Snopes fact checker and staff writer David Emery posted to Twitter asking if there were “any un-angry Trump supporters?”'],
    // The closing author box and the photo credit are not the story (WCXB references leave them out).
    excludes: ['Lucas Nolan is a reporter for Breitbart Tech covering issues of free speech', 'JIM WATSON/AFP/Getty Images', 'Sign Up For Our Newsletter', 'SIGN UP FOR OUR NEWSLETTER', 'Read More Stories About:', '4158 Comments', 'Skip to content'],
  },
  'buzzfeed-1': {
    // The visible <h1>, curly quotes and all (the metadata title has straight ones).
    meta: { title: 'Student Dies After Diet Pills She Bought Online “Burned Her Up From Within”', byline: 'Mark Di Stefano', siteName: 'BuzzFeed', language: 'en' },
    includes: ['The mother of a woman who took suspected diet pills bought online', '“DNP is not a miracle slimming pill. It is a deadly toxin.”'],
    excludes: ["Please select the newsletters you'd like to receive.", 'Share this Link', 'Like Us On Facebook', 'Related Links'],
  },
  'citylab-1': {
    meta: { title: 'The Modern Ambitions Behind Neon', byline: 'Sarah Archer', publishedAt: '2019-04-30T13:39:00-04:00', siteName: 'CityLab', language: 'en' },
    includes: ['In the summer of 1898, the Scottish chemist Sir William Ramsay made a discovery'],
    // The closing author box is not the story (WCXB references leave such boxes out).
    excludes: ['Sarah Archer is the author of The Midcentury Kitchen.', 'Cities are changing fast. Keep up with the CityLab Daily newsletter.', 'Sign up for CityLab Daily:', 'Most Popular', 'Expand Comments +', 'Subscribe to our other newsletters here.'],
  },
  cnet: {
    meta: { title: "Zuckerberg offers peek at Facebook's acquisition strategies", byline: 'Steven Musil', publishedAt: '2017-01-18T23:00:00-08:00', siteName: 'CNET', language: 'en' },
    includes: ['Facebook CEO Mark Zuckerberg knows a thing or two about how to seal the deal on blockbuster buys.'],
    // A photo caption is not the story (WCXB references leave captions out).
    excludes: ['Facebook CEO Mark Zuckerberg, the man with the acquisition plan.', 'Newest | Oldest | Top Comments', 'Show More Comments', '+ Follow conversation', '© CBS Interactive Inc.'],
  },
  cnn: {
    meta: { title: "The 'birth lottery' and economic mobility", byline: 'Ahiza Garcia', publishedAt: '2016-02-01T01:28:49Z', siteName: 'CNNMoney', language: null },
    includes: ['The U.S. has long been heralded as a land of opportunity -- a place where anyone can succeed regardless of the economic'],
    excludes: ['Privacy Policy', 'Newsletters', 'Contact Us', "Social Surge - What's Trending"],
  },
  engadget: {
    meta: { title: 'Xbox One X review: A console that keeps up with gaming PCs', byline: 'Devindra Hardawar', publishedAt: '2017-11-03T03:01:00.000Z', siteName: 'Engadget', language: 'en' },
    includes: ['The Xbox One X is the ultimate video game system.', 'Ultimately, the Xbox One X offers some major performance upgrades that gamers will notice'],
    excludes: ['Join Our Newsletter', 'Follow Us', 'Privacy Policy'],
  },
  folha: {
    meta: { title: 'Tite diz que errou ao levar taça da Libertadores a Lula em 2012', publishedAt: '2018-12-21T12:55:00Z', siteName: 'Folha de S.Paulo', language: 'pt-BR', dateline: null },
    includes: ['Após rechaçar um encontro da seleção brasileira com o presidente eleito Jair Bolsonaro'],
    excludes: ['Escolha suas newsletters', 'Quais newsletter você gostaria de assinar?', 'Link externo, abre página da Folha de S.Paulo no Twitter'],
  },
  'guardian-1': {
    meta: { title: "'What is the sea telling us?': Māori tribes fearful over whale strandings", byline: 'Eleanor Ainge Roy', publishedAt: '2019-01-03T07:00:02.000Z', siteName: 'the Guardian', language: 'en', dateline: null },
    includes: ['Whale whisperer Hori Parata was just seven years old when he attended his first mass stranding', 'Our ancestors tell us the strandings are a sign from the sea.'],
    excludes: ['Contribute Subscribe Contribute', 'Share on Facebook', 'Share on Twitter', 'Skip to main content'],
  },
  heise: {
    meta: { title: '1Password für Mac generiert Einmal-Passwörter', siteName: 'Mac & i', language: 'de' },
    includes: ['1Password kostet aktuell knapp 50 Euro im Mac App Store'],
    excludes: ['Copyright © 2015 Heise Medien'],
  },
  'herald-sun-1': {
    meta: { title: 'Angry media won’t buckle over new surveillance laws', byline: 'Laurie Oakes', siteName: 'HeraldSun', language: 'en-AU' },
    includes: ['A HIGH-powered federal government team has been doing the rounds of media organisations'],
    // A photo caption is not the story (WCXB references leave captions out).
    excludes: ['A new Bill would require telecommunications service providers to store so-called ‘metadata’ for two years.', 'Subscribe now to access Herald Sun.', 'Login with Facebook', 'Most Popular Stories', 'Privacy Policy'],
  },
  'lemonde-1': {
    meta: { title: "Le projet de loi sur le renseignement massivement approuvé à l'Assemblée", byline: 'Martin Untersinger (avec Damien Leloup et Morgane Tual)', publishedAt: '2015-05-04T13:36:31+02:00', siteName: 'Le Monde.fr', language: 'fr' },
    includes: ['Les députés ont, sans surprise, adopté à une large majorité (438 contre 86 et 42 abstentions)'],
    excludes: ['Recevez nos newsletters', 'Facebook Twitter Google+ Mobile RSS', 'Suivre le Monde sur Twitter'],
  },
  'liberation-1': {
    meta: { title: 'Un troisième Français mort dans le séisme au Népal', publishedAt: '2015-04-30T07:19:58Z', siteName: 'Libération.fr', language: 'fr' },
    includes: ['Un troisième Français a été tué dans le tremblement de terre samedi au Népal'],
    excludes: ['Recevoir la newsletter', '© Libération'],
  },
  medicalnewstoday: {
    meta: { title: 'How does the brain turn unconscious information into conscious thought?', byline: 'Ana Sandoiu', publishedAt: '2017-07-27T00:00:00Z', siteName: 'Medical News Today', language: 'en' },
    includes: ['Neuroscience tells us that most of the work done by our brains happens on an unconscious level'],
    excludes: ['Subscribe to our Newsletter to recieve:', 'Sign up for our newsletter', 'Related coverage', 'Log in or sign up'],
  },
  'nytimes-1': {
    meta: { title: 'United States to Lift Sudan Sanctions', byline: 'Jeffrey Gettleman', publishedAt: '2017-01-13T00:00:04-05:00', language: 'en', dateline: 'LONDON', canonicalUrl: 'https://www.nytimes.com/2017/01/13/world/africa/sudan-sanctions.html' },
    includes: ['Mr. Reeves said he thought that the American government was being manipulated'],
    excludes: ['Terms of Service', 'Subscribe Now Log In 0 Settings', 'Email Newsletters', 'Sign up with Facebook', 'Continue reading the main story'],
  },
  'nytimes-2': {
    meta: { title: 'Yahoo’s Sale to Verizon Leaves Shareholders With Little Say', byline: 'Steven Davidoff Solomon', publishedAt: '2016-07-29T16:42:34-04:00', language: 'en' },
    includes: ['Yahoo’s $4.8 billion sale to Verizon is a complicated beast', 'All in all, this was as hairy a deal as they come.'],
    excludes: ['Email Newsletters', 'To save articles or get newsletters, alerts or recommendations', 'Continue reading the main story'],
  },
  'quanta-1': {
    meta: { title: 'The Hidden Heroines of Chaos', byline: 'Joshua Sokol', siteName: 'Quanta Magazine', language: 'en' },
    includes: ['A little over half a century ago, chaos started spilling out of a famous experiment.'],
    excludes: ['Subscribe now', 'Most recent newsletter', 'Share this article', 'Show comments', 'All Rights Reserved © 2020'],
  },
  'seattletimes-1': {
    meta: { title: 'Alaskan halibut, caught by a century-old Seattle boat, provides a glimpse of Amazon’s strategy with Whole Foods', byline: 'Benjamin Romano', publishedAt: '2019-04-28T06:01:07Z', siteName: 'The Seattle Times', language: 'en-US', dateline: null },
    includes: ['From the deck of his 106-year-old halibut schooner'],
    excludes: ['Subscriber Services', 'Most Read Business Stories', 'View Comments'],
  },
  telegraph: {
    meta: { title: "Zimbabwe coup: Robert Mugabe and wife Grace 'insisting he finishes his term', as priest steps in to mediate", publishedAt: '2017-11-16T14:15:00+00:00', siteName: 'The Telegraph', language: 'en-GB' },
    includes: ['Zimbabwe President Robert Mugabe, his wife Grace and two key figures from her G40 political faction are under house arre'],
    excludes: ['Subscribe - 30 days free', 'Follow on Facebook', 'Related Topics', 'Show comments', 'Follow Telegraph News'],
  },
  'wapo-1': {
    meta: { title: 'Attack stokes instability fears in North Africa', byline: 'Erin Cunningham', publishedAt: '2015-03-18T00:00:00Z', siteName: 'Washington Post', dateline: 'CAIRO' },
    includes: ['CAIRO — Gunmen opened fire on visitors at Tunisia’s most renowned museum on Wednesday'],
    excludes: ['Newsletters & Alerts', 'Share on Facebook', 'RSS Terms of Service', 'Read more:'],
  },
  'wapo-2': {
    meta: { title: 'Where do strained U.S.-Israeli relations go after Netanyahu’s victory?', byline: 'Steven Mufson', siteName: 'Washington Post' },
    includes: ['But Benjamin Netanyahu’s triumph in Tuesday’s parliamentary elections keeps in place'],
    // The closing author box is not the story (WCXB references leave such boxes out).
    excludes: ['Steven Mufson covers the White House.', 'Newsletters & Alerts', 'Share on Facebook', 'Privacy Policy'],
  },
  'salon-1': {
    meta: { title: 'The sharing economy is a lie: Uber, Ayn Rand and the truth about tech and libertarians', byline: 'Joanna Rothkopf', publishedAt: '2015-02-01T11:57:00.000Z' },
    includes: ['Horror stories about the increasingly unpopular taxi service Uber have been commonplace in recent months'],
    excludes: ['Share on Facebook', 'More Related Stories', 'Related Videos', 'Most Read'],
  },
  'la-nacion': {
    meta: { title: 'Una solución no violenta para la cuestión mapuche', siteName: 'LA NACION' },
    includes: ['Los pueblos indígenas reclaman por derechos que permanecen incumplidos'],
    excludes: ['Newsletter Dispositivos', 'Todos los derechos reservados'],
  },
};

const pages = Object.entries(GOLDEN);

describe(`${extractArticle.name} on the readability corpus`, () => {
  it('finds the corpus and covers at least 20 pages', () => {
    expect(readabilityPageNames()).toEqual(expect.arrayContaining(pages.map(([name]) => name)));
    expect(pages.length).toBeGreaterThanOrEqual(20);
  });

  it.each(pages)('returns the claimed metadata, the story and none of the chrome when given %s', (name, golden) => {
    const html = readabilityPage(name);
    const article = extractArticle(html, PAGE_URL);
    expect(article).not.toBeNull();
    for (const [field, value] of Object.entries(golden.meta)) {
      expect(article?.[field as keyof Extracted], field).toBe(value);
    }
    for (const sentence of golden.includes) {
      expect(article?.text, sentence).toContain(sentence);
    }
    for (const chrome of golden.excludes) {
      expect(article?.text, chrome).not.toContain(chrome);
    }
    expect(article?.text).not.toMatch(/\n{3,}/);
    expect(article?.html).not.toMatch(/<script|<style|<iframe|\son\w+=/i);
  });

  it('never throws when given any page of the corpus', () => {
    const names = readabilityPageNames();
    expect(names.length).toBeGreaterThan(100);
    let articles = 0;
    for (const name of names) {
      const html = readabilityPage(name);
      if (extractArticle(html, PAGE_URL) !== null) {
        articles++;
      }
    }
    expect(articles).toBeGreaterThan(names.length - 10);
  }, 600_000);
});
