import { describe, expect, it } from 'vitest';
import { expectBioKept, tagsAt, tagsNaming } from '../../../helpers/bio-tags.js';
import { statsOf } from '../../../helpers/word-stats.js';
import { membersAfterPluralKinds } from '../../../../src/workers/enricher/members-after-plural-kinds.js';

describe(membersAfterPluralKinds.name, () => {
  it('makes each name of a list after an organisation kind in the plural an organisation, however the tagger read it', () => {
    const text = 'The unions CGIL and UIL struck. The companies Atkins, Balfour Beatty, Bombardier and Thames Water left.';
    const { toks, tags } = tagsNaming(text, { Atkins: 'PER', 'Balfour Beatty': 'PER', 'Thames Water': 'ORG', UIL: 'MISC' });
    const out = membersAfterPluralKinds(toks, tags);
    expect(tagsAt(toks, out, 'CGIL')).toEqual(['B-ORG']);
    expect(tagsAt(toks, out, 'UIL')).toEqual(['B-ORG']);
    expect(tagsAt(toks, out, 'Atkins')).toEqual(['B-ORG']);
    expect(tagsAt(toks, out, 'Beatty')).toEqual(['I-ORG']);
    expect(tagsAt(toks, out, 'Bombardier')).toEqual(['B-ORG']);
    expect(tagsAt(toks, out, 'Water')).toEqual(['I-ORG']);
  });

  it('leaves a known place, a person named with a given name, a list that does not close, one name alone and other nouns', () => {
    const text =
      'The companies Texas and Vantor grew. The parties John Smith and Vantor met. The banks Vantor, Kestrel said. ' +
      'The unions Vantor met. The ministers Okafor and Vantor spoke. The firms Some and Vantor left.';
    const { toks, tags } = tagsNaming(text, { Texas: 'LOC', 'John Smith': 'PER', Okafor: 'PER' });
    const out = membersAfterPluralKinds(toks, tags, statsOf({ some: 'N' }));
    expect(tagsAt(toks, out, 'Texas')).toEqual(['B-LOC']);
    expect(tagsAt(toks, out, 'John')).toEqual(['B-PER']);
    expect(tagsAt(toks, out, 'Okafor')).toEqual(['B-PER']);
    expect(tagsAt(toks, out, 'Kestrel')).toEqual(['O']);
    expect(tagsAt(toks, out, 'Vantor')).toEqual(['B-ORG', 'B-ORG', 'O', 'O', 'O', 'O']);
    const days = tagsNaming('The parties Monday and Tuesday talked.', {});
    expect(membersAfterPluralKinds(days.toks, days.tags)).toEqual(days.tags);
  });

  it('keeps any tags valid BIO', () => {
    const { toks } = tagsNaming('The unions CGIL , Vantor Group and UIL Rome said the parties PFL and PSDB or Kestrel left .', {});
    expectBioKept(toks.length, 19, (tags) => membersAfterPluralKinds(toks, tags));
  });
});
