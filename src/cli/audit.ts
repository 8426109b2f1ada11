import { existsSync, readFileSync } from 'node:fs';
import type { DbOrTx } from '../db/client';
import {
  checkpointKey,
  checkpointLogFields,
  parseCheckpointLine,
  type SignedCheckpoint,
} from '../modules/audit/checkpoint';
import { type VerifyResult, verifyAuditChain } from '../modules/audit/verify';
import type { Config } from '../server/config';
import { stringOption } from './args';
import type { Command } from './command';
import { withDatabase } from './database';
import { bilingual, CliError, type CliIO, EXIT, type ExitCode } from './io';

/**
 * Checkpoints given on the command line: one log line, or a file of log lines (those that are checkpoints;
 * the others are skipped). A value that yields none is a usage error.
 */
export function readCheckpointOption(value: string): SignedCheckpoint[] {
  const text = value.trim().startsWith('{') || !existsSync(value) ? value : readFileSync(value, 'utf8');
  const found = text
    .split('\n')
    .filter((l) => l.trim())
    .map(parseCheckpointLine)
    .filter((c): c is SignedCheckpoint => c !== null);
  if (found.length === 0) {
    throw new CliError(
      bilingual(
        '--checkpoint にチェックポイントのログ行（seq、hash、at、signature を含む JSON）またはそのファイルを指定してください',
        '--checkpoint needs a checkpoint log line (JSON with seq, hash, at and signature) or a file of them',
      ),
      EXIT.usage,
    );
  }
  return found;
}

/** The checkpoint a finding is about, as one phrase. */
function named(r: VerifyResult): { ja: string; en: string } {
  const c = r.checkpoint;
  if (!c) return { ja: '', en: '' };
  const from = c.source === 'log' ? { ja: 'ログの', en: 'logged ' } : { ja: '', en: '' };
  return {
    ja: `${from.ja}チェックポイント（${c.at}、位置 ${c.seq}）`,
    en: `the ${from.en}checkpoint of ${c.at} (position ${c.seq})`,
  };
}

/** The verdict in both languages, one line (see VerifyOutcome for what each means). */
export function verifyMessage(r: VerifyResult): string {
  const cp = named(r);
  switch (r.result) {
    case 'intact':
      return bilingual(
        `監査ログは正常です: ${r.entries} 件、チェックポイント ${r.checkpoints} 件を検査`,
        `The audit chain is intact: ${r.entries} entries, ${r.checkpoints} checkpoints checked`,
      );
    case 'chain_broken':
      return bilingual(
        `監査ログの改ざんを検出しました: ID ${r.brokenAtId}（${r.reason}）。それ以前の ${r.entries} 件は正常です。`,
        `The audit chain is broken at id ${r.brokenAtId} (${r.reason}); the ${r.entries} entries before it are intact.`,
      );
    case 'tail_cut':
      return bilingual(
        `監査ログの末尾が削除されています: ${cp.ja}は ${r.checkpoint?.seq} 件目までを保証していますが、記録は ${r.entries} 件で終わっています。`,
        `The newest audit entries were removed: ${cp.en} vouches for ${r.checkpoint?.seq} entries, but the chain ends after ${r.entries}.`,
      );
    case 'chain_rewritten':
      return bilingual(
        `監査ログが書き換えられています: ${cp.ja}とハッシュが一致しません（それまでの記録が改ざん、または削除して置き換えられました）。`,
        `The audit chain was rewritten: its hash differs from ${cp.en} (entries up to it were altered, or removed and replaced).`,
      );
    case 'checkpoint_signature_invalid':
      return bilingual(
        `${cp.ja}の署名が正しくありません（偽造・改ざん、または TSUNAGU_SECRET の変更）。`,
        `The signature of ${cp.en} is wrong (forged or altered, or TSUNAGU_SECRET changed).`,
      );
    case 'checkpoint_stale':
      return bilingual(
        `チェックポイントが途絶えていました: ${r.uncoveredSince} 以降の記録が 2 間隔を超えて保護されていませんでした（封印処理が動いていたか、ログを確認してください）。`,
        `Checkpoints had stopped: entries since ${r.uncoveredSince} went unprotected for over two intervals (check that the sealer runs, and its log).`,
      );
  }
}

/**
 * Recomputes the audit hash chain, checks every checkpoint (and those given from the log), records a new
 * checkpoint of the head and prints it as its log line; exit 1 on any finding.
 */
export async function auditVerify(
  db: DbOrTx,
  io: CliIO,
  config: Pick<Config, 'secret' | 'auditCheckpointMs'>,
  opts: { now: Date; external?: SignedCheckpoint[] },
): Promise<ExitCode> {
  const r = await verifyAuditChain(db, {
    checkpoints: {
      key: checkpointKey(config.secret),
      now: opts.now,
      intervalMs: config.auditCheckpointMs,
      ...(opts.external ? { external: opts.external } : {}),
      // The same line the server logs, to be kept with the log store's copies.
      record: (c) => io.out(JSON.stringify(checkpointLogFields(c))),
    },
  });
  if (r.ok) {
    io.out(verifyMessage(r));
    io.out(bilingual(`最終ハッシュ: ${r.lastHash}`, `Last hash: ${r.lastHash}`));
    return EXIT.ok;
  }
  io.err(verifyMessage(r));
  io.err(bilingual(`検査結果: ${r.result}`, `Result: ${r.result}`));
  return EXIT.failed;
}

export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  summary: bilingual(
    '監査ログのハッシュチェーンとチェックポイントを検査',
    'Verify the audit log hash chain and checkpoints',
  ),
  usage: 'tsunagu audit verify [--checkpoint <log line | file>]',
  help: [
    '  全件のハッシュを再計算し、署名付きチェックポイントと照合します。改ざん・削除・挿入、末尾の削除、',
    '  署名の不一致、チェックポイントの途絶があれば終了コード 1 で終わります（docs/operations.md）。',
    '  Recomputes every hash and checks the signed checkpoints; exits with 1 on tampering, removal or',
    '  insertion, a cut tail, a wrong signature or stopped checkpoints (docs/operations.md).',
    '  --checkpoint  アプリケーションログに残るチェックポイントの行（またはその行を含むファイル）とも照合します。',
    '                Also checks checkpoint lines kept by the log store (one line, or a file of lines).',
  ],
  options: { checkpoint: 'string' },
  async run(ctx, args) {
    const given = stringOption(args, 'checkpoint');
    const external = given === undefined ? undefined : readCheckpointOption(given);
    const config = ctx.loadConfig();
    return withDatabase(ctx.openDb, config, (db) =>
      auditVerify(db.systemDb, ctx.io, config, { now: ctx.now(), ...(external ? { external } : {}) }),
    );
  },
};
