import { describe, expect, it } from 'vitest';
import { isFrameset, mainFrameUrl } from '../../../../src/workers/extractor/frames.js';

const page = 'http://news.test/2008/story.html';

describe(mainFrameUrl.name, () => {
  it('is null for a page that is no frameset', () => {
    expect(mainFrameUrl('<html><body><iframe src="ad.html"></iframe><p>Story</p></body></html>', page)).toBeNull();
    expect(isFrameset('<html><body><p>frameset is a word here</p></body></html>')).toBe(false);
  });

  it('takes the frame given the rest of the window over a fixed menu or banner strip', () => {
    expect(mainFrameUrl('<frameset cols="180,*"><frame src="a.html"><frame src="b.html"></frameset>', page)).toBe('http://news.test/2008/b.html');
    expect(mainFrameUrl('<frameset cols="*,180"><frame src="a.html"><frame src="b.html"></frameset>', page)).toBe('http://news.test/2008/a.html');
    expect(mainFrameUrl('<frameset rows="20%,80%"><frame src="a.html"><frame src="b.html"></frameset>', page)).toBe('http://news.test/2008/b.html');
  });

  it('multiplies shares through nested framesets', () => {
    const html =
      '<frameset rows="90,*"><frame src="/banner.html"><frameset cols="200,*"><frame src="/left.html"><frame src="/body/story-1.html"></frameset></frameset>';
    expect(mainFrameUrl(html, page)).toBe('http://news.test/body/story-1.html');
  });

  it('reads frame names and files: content wins an even split, a menu loses', () => {
    expect(mainFrameUrl('<frameset cols="50%,50%"><frame name="main" src="x.html"><frame name="links" src="y.html"></frameset>', page)).toBe('http://news.test/2008/x.html');
    expect(mainFrameUrl('<frameset cols="*,*"><frame src="story.htm"><frame src="menu.htm"></frameset>', page)).toBe('http://news.test/2008/story.htm');
  });

  it('never returns the page itself or a frame that is no web page', () => {
    expect(mainFrameUrl('<frameset cols="*"><frame src="story.html"></frameset>', page)).toBeNull();
    expect(mainFrameUrl('<frameset cols="100,*"><frame src="a.html"><frame src="javascript:void(0)"></frameset>', page)).toBe('http://news.test/2008/a.html');
    expect(mainFrameUrl('<frameset cols="*"><frame name="main"></frameset>', page)).toBeNull();
  });
});
