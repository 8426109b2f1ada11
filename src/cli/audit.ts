import type { DbOrTx } from '../db/client';
import { verifyAuditChain } from '../modules/audit/verify';
import type { Command } from './command';
import { withDatabase } from './database';
import { bilingual, type CliIO, EXIT, type ExitCode } from './io';

/** Recomputes the audit hash chain and reports it; exit 1 when an entry was altered, removed or inserted. */
export async function auditVerify(db: DbOrTx, io: CliIO): Promise<ExitCode> {
  const r = await verifyAuditChain(db);
  if (r.ok) {
    io.out(
      bilingual(`監査ログは正常です: ${r.entries} 件`, `The audit chain is intact: ${r.entries} entries`),
    );
    io.out(bilingual(`最終ハッシュ: ${r.lastHash}`, `Last hash: ${r.lastHash}`));
    return EXIT.ok;
  }
  io.err(
    bilingual(
      `監査ログの改ざんを検出しました: ID ${r.brokenAtId}（${r.reason}）。それ以前の ${r.entries} 件は正常です。`,
      `The audit chain is broken at id ${r.brokenAtId} (${r.reason}); the ${r.entries} entries before it are intact.`,
    ),
  );
  return EXIT.failed;
}

export const auditVerifyCommand: Command = {
  words: ['audit', 'verify'],
  summary: bilingual('監査ログのハッシュチェーンを検査', 'Verify the audit log hash chain'),
  usage: 'tsunagu audit verify',
  help: [
    '  全件のハッシュを再計算し、改ざん・削除・挿入があれば最初の ID を示して終了コード 1 で終わります。',
    '  Recomputes every hash; on tampering, removal or insertion it names the first id and exits with 1.',
    '  記録した最終ハッシュを別の場所に控えておくと、末尾の削除も検出できます。',
    '  Keep the printed last hash elsewhere to detect entries removed from the end as well.',
  ],
  options: {},
  async run(ctx) {
    return withDatabase(ctx.openDb, ctx.loadConfig(), (db) => auditVerify(db.systemDb, ctx.io));
  },
};
