import { describe, expect, it } from 'vitest';
import {
  certificateCheckPath,
  certificateCheckUrl,
  newCertificateSerial,
  parseCertificateSerial,
  SERIAL_ALPHABET,
  SERIAL_PATTERN,
  serialCheckCharacter,
  serialNendo,
} from './certificate-serial';

/** A fixed byte source: the same serial every time. */
const fixed =
  (...values: number[]) =>
  (n: number) =>
    Uint8Array.from({ length: n }, (_, i) => values[i % values.length]!);

describe('newCertificateSerial', () => {
  it('is the 年度, eleven random characters and a check character, grouped by four', () => {
    const serial = newCertificateSerial(2026, fixed(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
    expect(serial).toMatch(SERIAL_PATTERN);
    expect(serial.startsWith('2026-0123-4567-89A')).toBe(true);
    expect(serialNendo(serial)).toBe(2026);
    expect(parseCertificateSerial(serial)).toEqual({ ok: true, serial });
  });

  it('maps every byte onto the alphabet (256 is a multiple of 32: no bias)', () => {
    expect(newCertificateSerial(2026, fixed(255)).slice(5, 9)).toBe('ZZZZ');
    expect(newCertificateSerial(2026, fixed(32)).slice(5, 9)).toBe('0000');
  });

  it('draws from a strong random source by default: 2,000 serials, no repeat, every character used', () => {
    const serials = Array.from({ length: 2000 }, () => newCertificateSerial(2027));
    expect(new Set(serials).size).toBe(2000);
    const used = new Set(serials.flatMap((s) => [...s.slice(5).replace(/-/g, '').slice(0, 11)]));
    expect(used.size).toBe(32);
    for (const s of serials) expect(parseCertificateSerial(s)).toEqual({ ok: true, serial: s });
  });

  it('refuses a 年度 that is not four digits', () => {
    expect(() => newCertificateSerial(999)).toThrow(RangeError);
    expect(() => newCertificateSerial(10000)).toThrow(RangeError);
    expect(() => newCertificateSerial(2026.5)).toThrow(RangeError);
  });
});

describe('the check character', () => {
  const serial = newCertificateSerial(2026, fixed(7, 200, 13, 99, 41, 18, 250, 3, 64, 77, 121));
  const compact = serial.replace(/-/g, '');

  it('catches every single wrong character', () => {
    let tried = 0;
    for (let i = 0; i < compact.length; i++) {
      for (const ch of SERIAL_ALPHABET) {
        if (ch === compact[i]) continue;
        const typo = compact.slice(0, i) + ch + compact.slice(i + 1);
        const parsed = parseCertificateSerial(typo);
        expect(parsed.ok, typo).toBe(false);
        tried++;
      }
    }
    expect(tried).toBe(16 * 31);
  });

  it('catches a swap of two neighbours, except the pair 0↔Z that Luhn mod 32 cannot see', () => {
    for (let i = 0; i < compact.length - 1; i++) {
      const a = compact[i]!;
      const b = compact[i + 1]!;
      if (a === b) continue;
      const swapped = compact.slice(0, i) + b + a + compact.slice(i + 2);
      const blind = (a === '0' && b === 'Z') || (a === 'Z' && b === '0');
      expect(parseCertificateSerial(swapped).ok, swapped).toBe(blind);
    }
    // The documented blind spot, shown directly.
    expect(serialCheckCharacter('0Z')).toBe(serialCheckCharacter('Z0'));
    expect(serialCheckCharacter('12')).not.toBe(serialCheckCharacter('21'));
  });

  it('refuses a character outside the alphabet', () => {
    expect(() => serialCheckCharacter('AU')).toThrow(RangeError);
  });
});

describe('parseCertificateSerial', () => {
  const serial = newCertificateSerial(2026, fixed(1, 18, 0, 24, 30, 11, 5, 9, 2, 17, 28));

  it('reads a serial as people type it', () => {
    const forms = [
      serial.toLowerCase(),
      serial.replace(/-/g, ''),
      serial.replace(/-/g, ' '),
      serial.replace(/-/g, 'ー'),
      ` ${serial} `,
      // Full-width, as typed with a Japanese input method.
      serial.replace(/[0-9A-Z-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0))),
    ];
    for (const form of forms) expect(parseCertificateSerial(form), form).toEqual({ ok: true, serial });
  });

  it('reads O as 0 and I or L as 1 (Crockford)', () => {
    const withZeroAndOne = newCertificateSerial(2026, fixed(0, 1));
    const lookalikes =
      withZeroAndOne.slice(0, 5) + withZeroAndOne.slice(5).replace(/0/g, 'O').replace(/1/g, 'l');
    expect(lookalikes).not.toBe(withZeroAndOne);
    expect(parseCertificateSerial(lookalikes)).toEqual({ ok: true, serial: withZeroAndOne });
  });

  it('says why a serial is not one', () => {
    expect(parseCertificateSerial('')).toEqual({ ok: false, problem: 'length' });
    expect(parseCertificateSerial(serial.slice(0, -1))).toEqual({ ok: false, problem: 'length' });
    expect(parseCertificateSerial(`${serial}0`)).toEqual({ ok: false, problem: 'length' });
    expect(parseCertificateSerial(`ABCD${serial.slice(4)}`)).toEqual({ ok: false, problem: 'characters' });
    expect(parseCertificateSerial(serial.replace(/.$/, '*'))).toEqual({ ok: false, problem: 'characters' });
    expect(parseCertificateSerial(`${serial.slice(0, 5)}U${serial.slice(6)}`)).toEqual({
      ok: false,
      problem: 'characters',
    });
    const wrongCheck = serial.slice(0, -1) + (serial.endsWith('0') ? '1' : '0');
    expect(parseCertificateSerial(wrongCheck)).toEqual({ ok: false, problem: 'check' });
  });
});

describe('the check address', () => {
  it('is the public page with the serial', () => {
    expect(certificateCheckPath('2026-AAAA-BBBB-CCCC')).toBe(
      '/public/trainings/certificates/2026-AAAA-BBBB-CCCC',
    );
    expect(certificateCheckUrl(undefined, '2026-AAAA-BBBB-CCCC')).toBe(
      '/public/trainings/certificates/2026-AAAA-BBBB-CCCC',
    );
    expect(certificateCheckUrl('https://tsunagu.example.lg.jp/', '2026-AAAA-BBBB-CCCC')).toBe(
      'https://tsunagu.example.lg.jp/public/trainings/certificates/2026-AAAA-BBBB-CCCC',
    );
    // A product served under a path keeps it.
    expect(certificateCheckUrl('https://example.lg.jp/tsunagu', '2026-AAAA-BBBB-CCCC')).toBe(
      'https://example.lg.jp/tsunagu/public/trainings/certificates/2026-AAAA-BBBB-CCCC',
    );
  });
});
