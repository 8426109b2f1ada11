/**
 * Run by certificate-pdf.test.ts in a child process: renders a certificate while every attempt to open a host
 * font or fontconfig file fails, and prints what was blocked and which font files were read, as JSON.
 */
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';

const HOST_FONTS = /^\/(usr\/(local\/)?share\/fonts|etc\/fonts|var\/cache\/fontconfig)|\.fonts|fontconfig/;
const FONT_FILE = /\.(ttf|otf|ttc|woff2?|pfb|pfa)$/i;
const blocked: string[] = [];
const fontFiles: string[] = [];

function guard(path: unknown): void {
  const p = typeof path === 'string' ? path : path instanceof URL ? path.pathname : '';
  if (HOST_FONTS.test(p)) {
    blocked.push(p);
    throw Object.assign(new Error(`EACCES: host font access blocked: ${p}`), { code: 'EACCES' });
  }
  if (FONT_FILE.test(p)) fontFiles.push(p);
}

type AnyFn = (...args: unknown[]) => unknown;
function wrap<T extends object>(target: T, names: string[]): void {
  const record = target as Record<string, AnyFn>;
  for (const name of names) {
    const original = record[name]!;
    record[name] = function (this: unknown, path: unknown, ...rest: unknown[]) {
      guard(path);
      return original.call(this, path, ...rest);
    };
  }
}
wrap(fs, ['readFileSync', 'openSync', 'readFile', 'open', 'createReadStream', 'readdirSync', 'opendirSync']);
wrap(fs.promises, ['readFile', 'open', 'readdir', 'opendir']);
syncBuiltinESMExports();

const { renderCertificatePdf } = await import('./certificate-pdf');
try {
  const facts = {
    serial: '2026-7KQM-3XHT-PWN9',
    holderName: '山田 花子',
    courseTitle: '支援者向けeラーニング',
    courseKindLabel: '支援者向けeラーニング',
    completedOn: '2026-06-01',
    issuedOn: '2026-06-02',
    centreName: '長野県医療的ケア児等支援センター',
    // An absolute address: the QR code is drawn too.
    checkUrl: 'https://tsunagu.example.lg.jp/public/trainings/certificates/2026-7KQM-3XHT-PWN9',
  };
  // Both languages: the English wording is set with the same embedded font.
  const { bytes } = await renderCertificatePdf(facts);
  const english = await renderCertificatePdf({
    ...facts,
    lang: 'en',
    courseKindLabel: 'Supporter e-learning',
  });
  process.stdout.write(
    JSON.stringify({ ok: true, bytes: Math.min(bytes.length, english.bytes.length), blocked, fontFiles }),
  );
} catch (error) {
  process.stdout.write(JSON.stringify({ ok: false, error: String(error), blocked, fontFiles }));
}
