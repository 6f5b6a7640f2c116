import { describe, expect, it } from 'vitest';
import { isSubstantiveChange } from '../../../src/store/story-change.js';

const TITLE = 'Quake kills 12 in northern Peru';
const TEXT = 'LIMA (Reuters) - An earthquake of magnitude 6.1 killed 12 people in northern Peru on Tuesday, officials said.\n\nRescuers were still searching the rubble.';

/** Written examples: [what the editor did, new title, new text, substantive?], each against TITLE and TEXT. */
const EXAMPLES: Array<[string, string, string, boolean]> = [
  // Cosmetic: only whitespace or punctuation moved.
  ['fixed a double space', TITLE, TEXT.replace('killed 12', 'killed  12'), false],
  ['re-wrapped the paragraphs', TITLE, TEXT.replace('\n\n', ' '), false],
  ['added a missing full stop to the headline', `${TITLE}.`, TEXT, false],
  ['turned a hyphen into an en dash', TITLE, TEXT.replace('LIMA (Reuters) -', 'LIMA (Reuters) –'), false],
  ['dropped the hyphen of a compound', TITLE.replace('northern', 'north-ern'), TEXT, false],
  ['added the space missing after a full stop', TITLE, TEXT.replace('said.\n\nRescuers', 'said.Rescuers'), false],
  ['used a non-breaking space', TITLE.replace('kills 12', 'kills\u00a012'), TEXT, false],
  // Substantive: a word or a figure changed.
  ['corrected the death toll', TITLE.replace('12', '15'), TEXT.replace('killed 12', 'killed 15'), true],
  ['corrected the magnitude (decimal point moved)', TITLE, TEXT.replace('6.1', '61'), true],
  ['changed the headline wording', 'Quake kills at least 12 in northern Peru', TEXT, true],
  ['added a new lede sentence', TITLE, `Peru declared a state of emergency. ${TEXT}`, true],
  ['removed a paragraph', TITLE, TEXT.split('\n\n')[0] ?? '', true],
  ['split a word in two', TITLE, TEXT.replace('Rescuers', 'Res cuers'), true],
  ['changed a per cent figure', TITLE, `${TEXT} Turnout was 5%.`.replace('5%', '5'), true],
  ['changed the currency', TITLE, `${TEXT} Aid of $5m.`.replace('$5m', '€5m'), true],
  ['changed the case of a word', TITLE.replace('northern', 'Northern'), TEXT, true],
];

describe(isSubstantiveChange.name, () => {
  it.each(EXAMPLES)('decides correctly when an editor %s', (_what, title, text, substantive) => {
    expect(isSubstantiveChange({ title: TITLE, text: TEXT }, { title, text })).toBe(substantive);
  });

  it('calls curly quotes for straight ones and a decomposed accent cosmetic', () => {
    const before = { title: 'Peru says "no tsunami" after quake in Perú', text: TEXT };
    const after = { title: 'Peru says “no tsunami” after quake in Perú'.normalize('NFD'), text: TEXT };
    expect(before.title).not.toBe(after.title);
    expect(isSubstantiveChange(before, after)).toBe(false);
  });

  it('is false when nothing changed', () => {
    expect(isSubstantiveChange({ title: TITLE, text: TEXT }, { title: TITLE, text: TEXT })).toBe(false);
  });

  it('is symmetric on the examples', () => {
    for (const [, title, text, substantive] of EXAMPLES) {
      expect(isSubstantiveChange({ title, text }, { title: TITLE, text: TEXT })).toBe(substantive);
    }
  });
});
