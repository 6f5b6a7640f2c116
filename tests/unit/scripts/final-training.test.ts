import { describe, expect, it } from 'vitest';
import { withDevInTraining } from '../../../scripts/lib/final-training.js';

const t = (text: string, source = 'sib200') => ({ title: '', text, source });

describe(withDevInTraining.name, () => {
  const train = [t('a'), t('b', 'wpce')];
  const dev = [t('c'), t('d', 'wikinews'), t('w', 'wikinews')];
  const wcxbDev = [{ title: '', text: 'w' }, { title: '', text: 'x' }];

  it('returns train then dev, in order, when nothing of dev is a WCXB dev text', () => {
    expect(withDevInTraining({ train, dev: dev.slice(0, 2), wcxbDev })).toEqual([t('a'), t('b', 'wpce'), t('c'), t('d', 'wikinews')]);
  });

  it('leaves out a dev text that is also in the WCXB heads dev part', () => {
    const out = withDevInTraining({ train, dev, wcxbDev });
    expect(out.map((e) => e.text)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('adds only the dev texts the filter takes when given one (a dev half, for the study)', () => {
    const out = withDevInTraining({ train, dev, wcxbDev }, (e) => e.source === 'sib200');
    expect(out.map((e) => e.text)).toEqual(['a', 'b', 'c']);
  });

  it('keeps the inputs unchanged', () => {
    const before = JSON.stringify({ train, dev });
    withDevInTraining({ train, dev, wcxbDev });
    expect(JSON.stringify({ train, dev })).toBe(before);
  });
});
