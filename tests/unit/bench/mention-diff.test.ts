import { describe, expect, it } from 'vitest';
import { mentionDiff } from '../../../bench/lib/mention-diff.js';

describe('mentionDiff', () => {
  const text = 'Shell said on Monday that profits rose.';
  const shell = { kind: 'organisation', start: 0, end: 5 };

  it('lists a mention only the new tagger finds as added, with the words around it', () => {
    expect(mentionDiff(text, [], [shell], 10)).toEqual({ gone: [], added: ['org [Shell] said on M'] });
  });

  it('lists a mention only the old tagger finds, or found as another kind or span, as gone', () => {
    const asPerson = { kind: 'person', start: 0, end: 5 };
    expect(mentionDiff(text, [shell], [asPerson], 5)).toEqual({ gone: ['org [Shell] said'], added: ['per [Shell] said'] });
    expect(mentionDiff(text, [shell], [{ ...shell, end: 10 }], 3).gone).toEqual(['org [Shell] sa']);
  });

  it('is empty when both taggers find the same mentions, in any order', () => {
    const monday = { kind: 'misc', start: 14, end: 20 };
    expect(mentionDiff(text, [shell, monday], [monday, shell])).toEqual({ gone: [], added: [] });
  });
});
