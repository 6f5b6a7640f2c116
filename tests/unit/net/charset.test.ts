import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeBody, isValidUtf8, normalizeCharset } from '../../../src/net/charset.js';

const xml = (encoding: string, body: string): string => `<?xml version="1.0" encoding="${encoding}"?><rss><title>${body}</title></rss>`;

describe(decodeBody.name, () => {
  it('decodes GBK when the prolog declares gb2312 and there is no header charset', () => {
    const bytes = iconv.encode(xml('gb2312', '北京和首尔讨论难民问题'), 'gbk');
    const out = decodeBody(bytes, 'application/rss+xml');
    expect(out.charset).toBe('gbk');
    expect(out.text).toContain('北京和首尔讨论难民问题');
  });

  it('decodes GB18030 when the header declares it', () => {
    const bytes = iconv.encode('<p>中文新闻 𠀀</p>', 'gb18030');
    expect(decodeBody(bytes, 'text/html; charset=GB18030').text).toBe('<p>中文新闻 𠀀</p>');
  });

  it('decodes Shift_JIS when the header declares it', () => {
    const bytes = iconv.encode(xml('Shift_JIS', '東京のニュース'), 'shift_jis');
    const out = decodeBody(bytes, 'text/xml; charset="Shift_JIS"');
    expect(out).toMatchObject({ charset: 'shift_jis', source: 'header' });
    expect(out.text).toContain('東京のニュース');
  });

  it.each([
    ['big5', '台北新聞'],
    ['euc-jp', '大阪の天気'],
    ['euc-kr', '서울 뉴스'],
    ['koi8-r', 'Новости Москвы'],
    ['windows-1251', 'Новости Киева'],
    ['iso-8859-2', 'Zażółć gęślą jaźń'],
    ['iso-8859-7', 'Ειδήσεις'],
    ['windows-1256', 'أخبار'],
  ])('decodes %s when the document declares it', (charset, text) => {
    const out = decodeBody(iconv.encode(`<html><head><meta charset="${charset}"></head><body>${text}</body></html>`, charset), 'text/html');
    expect(out.text).toContain(text);
    expect(out.source).toBe('document');
  });

  it('decodes windows-1252 when the document declares it, including the C1 range', () => {
    const bytes = iconv.encode(xml('windows-1252', 'Café – “quoted” €5'), 'windows-1252');
    const out = decodeBody(bytes, null);
    expect(out.charset).toBe('windows-1252');
    expect(out.text).toContain('Café – “quoted” €5');
  });

  it('reads iso-8859-1 labels as windows-1252 like browsers do', () => {
    const bytes = iconv.encode('<p>“smart” quotes</p>', 'windows-1252');
    expect(decodeBody(bytes, 'text/html; charset=ISO-8859-1').text).toBe('<p>“smart” quotes</p>');
  });

  it('decodes UTF-16LE and UTF-16BE when a BOM is present', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(xml('utf-16', 'Grüße 你好'), 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(xml('utf-16', 'Grüße 你好'), 'utf-16be')]);
    expect(decodeBody(le, 'text/xml; charset=iso-8859-1')).toMatchObject({ charset: 'utf-16le', source: 'bom' });
    expect(decodeBody(le, null).text).toBe(xml('utf-16', 'Grüße 你好'));
    expect(decodeBody(be, null).text).toBe(xml('utf-16', 'Grüße 你好'));
  });

  it('decodes UTF-16 without a BOM when the bytes show it', () => {
    const le = iconv.encode(xml('utf-16', 'Grüße'), 'utf-16le');
    const be = iconv.encode(xml('utf-16', 'Grüße'), 'utf-16be');
    expect(decodeBody(le, null)).toMatchObject({ charset: 'utf-16le', text: xml('utf-16', 'Grüße') });
    expect(decodeBody(be, null)).toMatchObject({ charset: 'utf-16be', text: xml('utf-16', 'Grüße') });
  });

  it('strips a UTF-8 BOM and trusts it over a header that lies', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('<p>naïve café</p>')]);
    const out = decodeBody(bytes, 'text/html; charset=shift_jis');
    expect(out).toEqual({ text: '<p>naïve café</p>', charset: 'utf-8', source: 'bom' });
  });

  it('prefers valid UTF-8 when the header claims a legacy charset', () => {
    const out = decodeBody(Buffer.from('<p>Zürich – “news”</p>'), 'text/html; charset=windows-1252');
    expect(out).toMatchObject({ text: '<p>Zürich – “news”</p>', charset: 'utf-8' });
  });

  it('falls back to the prolog when the header claims UTF-8 but the bytes are not', () => {
    const bytes = iconv.encode(xml('windows-1251', 'Привет'), 'windows-1251');
    const out = decodeBody(bytes, 'application/xml; charset=utf-8');
    expect(out).toMatchObject({ charset: 'windows-1251', source: 'document' });
    expect(out.text).toContain('Привет');
  });

  it('falls back to windows-1252 when the prolog claims UTF-8 but the bytes are not', () => {
    const bytes = iconv.encode(xml('UTF-8', 'Déjà vu'), 'windows-1252');
    const out = decodeBody(bytes, null);
    expect(out).toMatchObject({ charset: 'windows-1252', source: 'fallback' });
    expect(out.text).toContain('Déjà vu');
  });

  it('uses the prolog when the header names a charset that cannot decode the bytes', () => {
    const bytes = iconv.encode(xml('Shift_JIS', '東京のニュースです。今日は晴れ'), 'shift_jis');
    const out = decodeBody(bytes, 'text/xml; charset=euc-kr');
    expect(out).toMatchObject({ charset: 'shift_jis', source: 'document' });
    expect(out.text).toContain('東京のニュースです。今日は晴れ');
  });

  it('ignores an unknown charset label', () => {
    expect(decodeBody(Buffer.from('<p>é</p>'), 'text/html; charset=x-nonsense').charset).toBe('utf-8');
  });
});

describe(isValidUtf8.name, () => {
  it('rejects overlong forms, surrogates and truncated sequences', () => {
    expect(isValidUtf8(Buffer.from('héllo 你好 𝄞'))).toBe(true);
    expect(isValidUtf8(Buffer.from([0xc0, 0xaf]))).toBe(false);
    expect(isValidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(false);
    expect(isValidUtf8(Buffer.from([0xe4, 0xbd]))).toBe(false);
    expect(isValidUtf8(Buffer.from([0xe9]))).toBe(false);
  });
});

describe(normalizeCharset.name, () => {
  it('maps labels to decodable names', () => {
    expect(normalizeCharset('GB2312')).toBe('gbk');
    expect(normalizeCharset('"UTF8"')).toBe('utf-8');
    expect(normalizeCharset('bogus')).toBeNull();
  });
});
