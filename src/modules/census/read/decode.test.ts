import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decode';

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    expect(decodeText(Buffer.from('氏名,生年月日\n髙橋,2019/04/05', 'utf8'))).toEqual({
      text: '氏名,生年月日\n髙橋,2019/04/05',
      encoding: 'utf8',
    });
  });

  it('reads UTF-8 with a BOM and drops the BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('氏名', 'utf8')]);
    expect(decodeText(buf)).toEqual({ text: '氏名', encoding: 'utf8-bom' });
  });

  it('encodes 髙 and 﨑 to the CP932 extension bytes FB FC and FA B1', () => {
    expect([...iconv.encode('髙', 'CP932')]).toEqual([0xfb, 0xfc]);
    expect([...iconv.encode('﨑', 'CP932')]).toEqual([0xfa, 0xb1]);
  });

  it('decodes CP932 with NEC/IBM extension characters (髙 U+9AD9, 﨑 U+FA11)', () => {
    const text = '氏名,フリガナ\r\n髙﨑　太郎,ﾀｶｻｷ ﾀﾛｳ\r\n①,㈱\r\n';
    const buf = iconv.encode(text, 'CP932');
    const out = decodeText(buf);
    expect(out.encoding).toBe('cp932');
    expect(out.text).toBe(text);
    expect(out.text.codePointAt(out.text.indexOf('髙'))).toBe(0x9ad9);
    expect(out.text).toContain('\uFA11');
  });

  it('decodes the raw bytes FB FC and FA B1 (as Excel writes them)', () => {
    expect(decodeText(Buffer.from([0xfb, 0xfc, 0xfa, 0xb1])).text).toBe('\u9AD9\uFA11');
  });

  it('treats plain ASCII as UTF-8', () => {
    expect(decodeText(Buffer.from('a,b\n1,2')).encoding).toBe('utf8');
  });
});
