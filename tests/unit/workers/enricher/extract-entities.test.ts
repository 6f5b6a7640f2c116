import { describe, expect, it } from 'vitest';
import { extractEntities, extractEntityMentions, findMentions, mergeMentions, newMention, resolveMentions } from '../../../../src/workers/enricher/extract-entities.js';
import { type LabelledArticle, loadHeldOutArticles, loadLabelledArticles } from '../../../fixtures/enrich/load.js';
import { SEED_TITLE, seedText } from './seed-story.js';

const names = (list: Array<{ name: string }>) => list.map((e) => e.name);
const run = (text: string) => extractEntities({ title: '', text });

describe(extractEntities.name, () => {
  it('finds the seed story people, places and organisations', () => {
    const e = extractEntities({ title: SEED_TITLE, text: seedText() });
    expect(names(e.places)).toEqual(expect.arrayContaining(['Beijing', 'Seoul', 'China', 'South Korea', 'North Korea', 'Canada']));
    expect(names(e.people)).toEqual(['Liu Jianchao']);
    expect(names(e.organisations)).toContain('Chinese Foreign Ministry');
    // Demonyms are not places: "North Koreans", "Chinese police".
    expect(names(e.places)).not.toContain('North Koreans');
  });

  it('merges "Mr. Liu" into the full name and counts every mention', () => {
    const e = run('Foreign Ministry spokesman Liu Jianchao spoke on Tuesday. Mr. Liu said talks continue. Later Liu added more.');
    expect(e.people).toHaveLength(1);
    expect(e.people[0]).toMatchObject({ name: 'Liu Jianchao', mentions: 3, offset: 27 });
  });

  it('merges a short organisation name into the longer one it ends', () => {
    const e = run('The Chinese Foreign Ministry issued a statement. A Foreign Ministry official declined to comment.');
    expect(e.organisations.map((o) => [o.name, o.mentions])).toEqual([['Chinese Foreign Ministry', 2]]);
  });

  it('merges an organisation called by its first word into its name of a company form or kind, a party or a club, not a name known alone', () => {
    const text = 'Kestrel Foods beat forecasts. Kestrel said sales rose. The Liberal Party won; the Liberal leader spoke. Northgate Athletic lost, and Northgate fans left. Google News grew as Google paid.';
    // Each mention at the place of the phrase it opens.
    const org = ([name, phrase]: [string, string]) => {
      const start = text.indexOf(phrase);
      return newMention('organisation', name, start, start + name.length);
    };
    const mentions = (
      [['Kestrel Foods', 'Kestrel Foods'], ['Kestrel', 'Kestrel said'], ['Liberal Party', 'Liberal Party'], ['Liberal', 'Liberal leader'],
        ['Northgate Athletic', 'Northgate Athletic'], ['Northgate', 'Northgate fans'], ['Google News', 'Google News'], ['Google', 'Google paid']] as Array<[string, string]>
    ).map(org);
    const e = mergeMentions(mentions, { title: '', text }).entities;
    expect(Object.fromEntries(e.organisations.map((o) => [o.name, o.mentions]))).toEqual({ 'Kestrel Foods': 2, 'Liberal Party': 2, 'Northgate Athletic': 2, 'Google News': 1, Google: 1 });
  });

  it('canonicalizes aliases and capitals when a gazetteer knows them', () => {
    const e = run('Officials in the U.S. and the United States Congress met envoys from Britain. BEIJING was silent.');
    expect(names(e.places)).toEqual(expect.arrayContaining(['United States', 'United Kingdom', 'Beijing']));
    expect(e.places.find((p) => p.name === 'United States')?.mentions).toBe(1);
  });

  it('keeps places the gazetteer knows apart when they are different places (Delhi and New Delhi)', () => {
    const e = run("Delhi's air was toxic on Monday, officials in New Delhi said.");
    expect(names(e.places)).toEqual(expect.arrayContaining(['Delhi', 'New Delhi']));
  });

  it('splits role words from names when a title sits between an organisation and a person', () => {
    const e = run('On Monday, Russian Foreign Minister Sergei Lavrov met Secretary of State Antony Blinken.');
    expect(names(e.people)).toEqual(expect.arrayContaining(['Sergei Lavrov', 'Antony Blinken']));
    expect(names(e.places)).not.toContain('Secretary of State');
  });

  it('types organisations by head words and places by place words', () => {
    const e = run('The Irish Nurses and Midwives Organisation met at Lusail Stadium near the English Channel, said Horizon Capital.');
    expect(names(e.organisations)).toEqual(expect.arrayContaining(['Irish Nurses and Midwives Organisation', 'Horizon Capital']));
    expect(names(e.places)).toEqual(expect.arrayContaining(['Lusail Stadium', 'English Channel']));
  });

  it('drops events, awards and storms when they look like names', () => {
    const e = run('After the World Cup, Typhoon Haikui hit before the Nobel Prize ceremony at the Cannes Film Festival.');
    expect([...e.people, ...e.places, ...e.organisations]).toEqual([]);
  });

  it('does not take sentence-initial common words for names', () => {
    const e = run('Police said the robbers fled. Several people were hurt. Officials in Paris declined to comment.');
    expect(names(e.people)).toEqual([]);
    expect(names(e.places)).toEqual(['Paris']);
  });

  it('keeps only gazetteer names when asked to', () => {
    const e = extractEntities({ title: '', text: 'Die Regierung in Berlin und Finanzminister Christian Lindner sprachen mit der Presse.' }, { gazetteerOnly: true });
    expect(names(e.places)).toEqual(['Berlin']);
    expect(e.people).toEqual([]);
  });

  it('returns nothing when the text is empty', () => {
    expect(run('')).toEqual({ people: [], places: [], organisations: [] });
  });

  it('ranks salience by mentions and position, between 0 and 1', () => {
    const e = extractEntities({ title: SEED_TITLE, text: seedText() });
    const all = [...e.people, ...e.places, ...e.organisations];
    for (const x of all) {
      expect(x.salience).toBeGreaterThan(0);
      expect(x.salience).toBeLessThanOrEqual(1);
    }
    const beijing = e.places.find((p) => p.name === 'Beijing');
    const canada = e.places.find((p) => p.name === 'Canada');
    expect(beijing?.salience).toBeGreaterThan(canada?.salience ?? 1);
  });
});

const mentionF1 = (set: LabelledArticle[]) => {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const a of set) {
    const gold = new Set(a.mentions.map((m) => `${m.kind}:${m.start}:${m.end}`));
    const pred = new Set(extractEntityMentions(a).map((m) => `${m.kind}:${m.start}:${m.end}`));
    for (const p of pred) (gold.has(p) ? tp++ : fp++);
    for (const g of gold) if (!pred.has(g)) fn++;
  }
  const p = tp / (tp + fp);
  const r = tp / (tp + fn);
  return { mentions: tp + fn, f1: (2 * p * r) / (p + r) };
};

describe(extractEntityMentions.name, () => {
  it('reaches at least 90 % mention F1 when run over the annotated development set', () => {
    const { mentions, f1 } = mentionF1(loadLabelledArticles());
    expect(mentions).toBeGreaterThanOrEqual(300);
    expect(f1).toBeGreaterThanOrEqual(0.9);
  });

  it('reaches at least 85 % mention F1 when run over the held-out set', () => {
    expect(mentionF1(loadHeldOutArticles()).f1).toBeGreaterThanOrEqual(0.85);
  });

  it('reports spans that cover the mention text', () => {
    const text = 'Prime Minister Erna Lind spoke in Oslo.';
    expect(extractEntityMentions({ title: '', text }).map((m) => [m.kind, text.slice(m.start, m.end), m.entity])).toEqual([
      ['person', 'Erna Lind', 'Erna Lind'],
      ['place', 'Oslo', 'Oslo'],
    ]);
  });
});

describe(newMention.name, () => {
  it('gives every mention the same fields in the same order, whatever the chunker found', () => {
    const text = 'Chinese Foreign Ministry Spokesman Mr. Liu said so. The ISRO agency flew from Brest and Lyon.';
    const mentions = findMentions(text);
    expect(mentions.some((m) => m.surnameOnly)).toBe(true);
    expect(mentions.some((m) => m.acronym && m.orgContext)).toBe(true);
    expect(mentions.some((m) => m.placeContext)).toBe(true);
    for (const m of mentions) expect(Object.keys(m)).toEqual(Object.keys(newMention('unknown', '', 0, 0)));
  });
});

describe(resolveMentions.name, () => {
  it('gives the resolved mentions of mergeMentions', () => {
    for (const text of [seedText(), ...loadLabelledArticles().slice(0, 10).map((a) => a.text)]) {
      const mentions = findMentions(text);
      const resolved = resolveMentions(mentions, text);
      expect(resolved.length).toBeGreaterThan(0);
      expect(resolved).toEqual(mergeMentions(mentions, { title: '', text }, Number.MAX_SAFE_INTEGER).resolved);
    }
  });
});
