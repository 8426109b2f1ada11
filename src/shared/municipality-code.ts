/**
 * 全国地方公共団体コード (JIS X 0402): 2-digit prefecture + 3-digit municipality + check digit.
 * Check digit (総務省): weights 6,5,4,3,2 over digits 1–5, r = sum mod 11, digit = (11 − r) mod 10.
 */
export function municipalityCheckDigit(first5: string): number {
  if (!/^\d{5}$/.test(first5)) throw new Error(`expected 5 digits, got "${first5}"`);
  const weights = [6, 5, 4, 3, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(first5[i]), 0);
  return (11 - (sum % 11)) % 10;
}

/** True when the string is six ASCII digits with a valid check digit and a prefecture 01–47. */
export function isValidMunicipalityCode(code: string): boolean {
  if (!/^\d{6}$/.test(code)) return false;
  const pref = Number(code.slice(0, 2));
  if (pref < 1 || pref > 47) return false;
  return municipalityCheckDigit(code.slice(0, 5)) === Number(code[5]);
}

/** Accepts the 5-digit form many datasets use and returns the 6-digit code; null when not a code. */
export function normaliseMunicipalityCode(input: string): string | null {
  const ascii = input.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const code = /^\d{5}$/.test(ascii) ? ascii + municipalityCheckDigit(ascii) : ascii;
  // Validate the 5-digit form too, so a prefecture outside 01–47 ('48001', '00000') is rejected.
  return isValidMunicipalityCode(code) ? code : null;
}

/** The 2-digit prefecture part of a municipality code: '131016' → '13'. */
export function prefectureOf(code: string): string {
  return code.slice(0, 2);
}
