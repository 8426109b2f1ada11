import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { enPublicLibrary } from './en/public-library';
import { enPublicSite } from './en/public-site';
import { enPublicSurveys } from './en/public-surveys';
import { enPublicTrainings } from './en/public-trainings';
import type { Dictionaries } from './index';
import { ja } from './ja';
import { jaPublicLibrary } from './ja/public-library';
import { jaPublicSite } from './ja/public-site';
import { jaPublicSurveys } from './ja/public-surveys';
import { jaPublicTrainings } from './ja/public-trainings';
import { PUBLIC_RESOURCES_DICTIONARIES } from './public-dictionaries';

const WEB_SRC = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The pages whose strings come with their own lazily loaded chunk (addDictionaries), not with the entry: the
 * folder and its strings.
 */
const LAZY: [string, Dictionaries][] = [
  ['/pages/public/site/', { ja: jaPublicSite, en: enPublicSite }],
  ['/pages/public/library/', { ja: jaPublicLibrary, en: enPublicLibrary }],
  ['/pages/public/trainings/', { ja: jaPublicTrainings, en: enPublicTrainings }],
  ['/pages/public/surveys/', { ja: jaPublicSurveys, en: enPublicSurveys }],
];

/** Every source file under web/src the light public entry loads, statically or lazily. */
function reachable(entry: string): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    // Type-only imports load nothing.
    const text = readFileSync(file, 'utf8').replace(/(?:import|export)\s+type\s[^;]*;/g, '');
    for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.[^']+)'/g)) {
      const base = resolve(dirname(file), m[1] as string);
      const found = ['.tsx', '.ts', '/index.tsx', '/index.ts'].map((ext) => base + ext).find(existsSync);
      if (found?.startsWith(WEB_SRC)) stack.push(found);
    }
  }
  return [...seen];
}

describe('the public resources entry’s dictionaries', () => {
  const files = reachable(resolve(WEB_SRC, 'public-main.tsx'));
  const keys = Object.keys(ja);

  it('load only the pages of the public site, not the app', () => {
    const names = files.map((f) => f.slice(WEB_SRC.length));
    expect(names).toContain('/pages/public/resources/PublicResourcesPage.tsx');
    expect(names).toContain('/pages/public/resources/ConfirmLinkPage.tsx');
    expect(names).toContain('/pages/public/trainings/TrainingsPage.tsx');
    expect(names).toContain('/pages/public/site/FirstWindowPage.tsx');
    expect(names).toContain('/pages/public/site/GoodPracticesPage.tsx');
    expect(names).toContain('/pages/public/surveys/SurveyAnswerPage.tsx');
    for (const name of names) {
      expect(name, name).not.toMatch(
        /^\/(router|main|nav)\.tsx?$|^\/pages\/(?!public\/(resources\/|site\/|library\/|surveys\/|trainings\/(TrainingsPage|routes|trainings-api)\.tsx?$))|^\/i18n\/(ja|en)\.ts$/,
      );
    }
  });

  it('hold every key those files use, in both languages', () => {
    const missing: string[] = [];
    // The dictionaries themselves define keys rather than use them.
    for (const file of files.filter((f) => !/\/i18n\/(ja|en)\//.test(f))) {
      const text = readFileSync(file, 'utf8');
      const used = new Set<string>();
      for (const m of text.matchAll(/'([\w.]+)'/g)) if (m[1] && m[1] in ja) used.add(m[1]);
      // `resources.type.${code}` and the like: every key under that prefix.
      for (const m of text.matchAll(/`([\w.]+\.)\$\{/g)) {
        for (const k of keys) if (m[1] && k.startsWith(m[1])) used.add(k);
      }
      // A lazily loaded page brings its own strings with its chunk (addDictionaries).
      const own = LAZY.find(([dir]) => file.includes(dir))?.[1];
      for (const key of used) {
        for (const locale of ['ja', 'en'] as const) {
          if (!(key in PUBLIC_RESOURCES_DICTIONARIES[locale]) && !(own && key in own[locale]))
            missing.push(`${locale} ${key} (${file})`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('leave the lazily loaded pages’ strings to their own chunks, which add them', () => {
    for (const [dir, own] of LAZY) {
      for (const key of Object.keys(own.ja)) expect(key in PUBLIC_RESOURCES_DICTIONARIES.ja, key).toBe(false);
      // Every page its routes load lazily adds the folder's strings before it renders.
      const routes = readFileSync(resolve(WEB_SRC, `.${dir}routes.ts`), 'utf8');
      for (const m of routes.matchAll(/import\(\s*'\.\/(\w+)'\s*\)/g)) {
        const page = readFileSync(resolve(WEB_SRC, `.${dir}${m[1]}.tsx`), 'utf8');
        expect(/import '\.\/strings';|addDictionaries\(/.test(page), `${dir}${m[1]}`).toBe(true);
      }
    }
  });
});
