import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Database } from '../db/client';
import { prefectures } from '../db/schema';
import { importPlaces, readPlacesFile, refreshPrefecturePlaces } from '../modules/resources/places-import';
import { stringOption, UsageError } from './args';
import type { Command } from './command';
import { withDatabase } from './database';
import { bilingual, CliError, EXIT } from './io';

const META = (now: Date) => ({ ip: null, userAgent: 'tsunagu-cli', requestId: `cli-${now.getTime()}` });

/**
 * Imports a places file (stations, landmarks, 町字 with postal codes …; docs/resources.md §4) into the
 * gazetteer, in one audited transaction: new rows inserted, changed ones updated, identical ones left — the
 * same file twice changes nothing. A file with any invalid row is refused whole, naming each row.
 */
export async function importPlacesFile(db: Database, path: string, now: Date) {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new CliError(
      bilingual(`ファイルを読めません: ${path}（${reason}）`, `Cannot read the file: ${path} (${reason})`),
    );
  }
  const file = readPlacesFile(buf);
  if (file.issues.length) {
    const lines = file.issues.slice(0, 20).map((i) => `  ${i.line}行目 / line ${i.line}: ${i.ja} / ${i.en}`);
    throw new CliError(
      [
        bilingual(
          '取り込めない行があります（何も取り込んでいません）',
          'Some rows cannot be read (nothing was imported)',
        ),
        ...lines,
      ].join('\n'),
    );
  }
  return db.systemDb.transaction((tx) =>
    importPlaces(tx, { actor: null, meta: META(now), at: now }, file, {
      via: 'cli',
      fileName: basename(path),
    }),
  );
}

/** Recomputes the reference municipalities and the 町字 of the listings of one or every prefecture, audited. */
export async function refreshPlaces(db: Database, prefectureCode: string | undefined, now: Date) {
  const codes = prefectureCode
    ? [prefectureCode]
    : (await db.systemDb.select({ code: prefectures.code }).from(prefectures)).map((p) => p.code);
  return db.systemDb.transaction(async (tx) => {
    let towns = 0;
    for (const code of codes) {
      const r = await refreshPrefecturePlaces(tx, { actor: null, meta: META(now), at: now }, code, 'cli');
      towns += r.towns;
    }
    return { prefectures: codes.length, towns };
  });
}

export const placesImportCommand: Command = {
  words: ['places', 'import'],
  summary: bilingual(
    '地名（駅・施設・町字・郵便番号）を取り込む',
    'Import place names (stations, landmarks, towns, postal codes)',
  ),
  usage: 'tsunagu places import FILE.csv',
  help: [
    '  CSV（UTF-8）、1行目は列名: name,kana,kind,municipality_code,lat,lon[,postal_code]',
    '  CSV (UTF-8), line 1 names the columns: name,kana,kind,municipality_code,lat,lon[,postal_code]',
    '  kind: station 駅 / landmark 施設 / town 町字 / municipality 市区町村（省略時 town / town when absent）',
    '  同じファイルを再度取り込んでも変化しません / Importing the same file again changes nothing.',
  ],
  options: {},
  positionals: 1,
  async run(ctx, args) {
    const path = args.positionals[0];
    if (!path) throw new UsageError('FILE');
    const config = ctx.loadConfig();
    const r = await withDatabase(ctx.openDb, config, (db) => importPlacesFile(db, path, ctx.now()));
    ctx.io.out(
      bilingual(
        `${r.rows}件: 追加 ${r.inserted}、更新 ${r.updated}、変更なし ${r.unchanged}`,
        `${r.rows} rows: ${r.inserted} added, ${r.updated} updated, ${r.unchanged} unchanged`,
      ),
    );
    return EXIT.ok;
  },
};

export const placesRefreshCommand: Command = {
  words: ['places', 'refresh'],
  summary: bilingual('掲載の住所から町字を作り直す', 'Recompute the towns named by the listings'),
  usage: 'tsunagu places refresh [--prefecture 14]',
  help: [
    '  市区町村の基準点と、掲載の住所の町字（座標の重心）を作り直します。',
    '  Rewrites the municipalities’ reference points and the towns of the listings’ addresses (their centroid).',
  ],
  options: { prefecture: 'string' },
  async run(ctx, args) {
    const prefecture = stringOption(args, 'prefecture');
    if (prefecture !== undefined && !/^\d{2}$/.test(prefecture)) throw new UsageError('--prefecture');
    const config = ctx.loadConfig();
    const r = await withDatabase(ctx.openDb, config, (db) => refreshPlaces(db, prefecture, ctx.now()));
    ctx.io.out(
      bilingual(
        `${r.prefectures}都道府県、町字 ${r.towns}件`,
        `${r.prefectures} prefectures, ${r.towns} towns`,
      ),
    );
    return EXIT.ok;
  },
};
