import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../db/client';
import { users } from '../db/schema';
import { openSecret } from '../modules/accounts/crypto';
import { totpCode } from '../modules/accounts/totp';
import type { Config } from '../server/config';
import type { Command } from './command';
import { openEmbeddedSnapshot, withDatabase } from './database';
import { bilingual, CliError, EXIT } from './io';

/** Only the fictional demo accounts, whose domain is reserved for examples. */
export const DEMO_EMAIL_SUFFIX = '@demo.tsunagu.example';

/**
 * The current TOTP code of a demo account, so a visitor can sign in without an authenticator app.
 * Refused on PostgreSQL (a real deployment) and for any address outside the demo domain.
 */
export async function demoTotp(
  db: DbOrTx,
  config: Config,
  email: string,
  now: Date,
): Promise<{ code: string; secondsLeft: number }> {
  const address = demoAddress(config, email);
  const [user] = await db.select().from(users).where(eq(users.email, address));
  if (!user?.totpSecret) {
    throw new CliError(
      bilingual(
        `${address} は存在しないか、2段階認証が未設定です`,
        `${address} does not exist or has no TOTP set up`,
      ),
    );
  }
  const secret = openSecret(user.totpSecret, config.secret);
  return { code: totpCode(secret, now), secondsLeft: 30 - (Math.floor(now.getTime() / 1000) % 30) };
}

/** The normalised demo address, or a refusal (real deployment, or an address outside the demo domain). */
export function demoAddress(config: Config, email: string): string {
  if (config.databaseUrl) {
    throw new CliError(
      bilingual(
        'このコマンドは埋め込みデータベース（デモ）でのみ使えます',
        'This command only works on the embedded (demo) database',
      ),
    );
  }
  const address = email.trim().toLowerCase();
  if (!address.endsWith(DEMO_EMAIL_SUFFIX)) {
    throw new CliError(
      bilingual(
        `デモアカウント（${DEMO_EMAIL_SUFFIX}）のみ対象です`,
        `Only demo accounts (${DEMO_EMAIL_SUFFIX}) are supported`,
      ),
    );
  }
  return address;
}

export const demoTotpCommand: Command = {
  words: ['demo', 'totp'],
  summary: bilingual('デモアカウントの現在の認証コードを表示', "Print a demo account's current TOTP code"),
  usage: 'tsunagu demo totp <email>',
  help: [
    '  埋め込みデータベースのデモアカウント（@demo.tsunagu.example）専用です。サーバー起動中でも使えます。',
    '  For demo accounts (@demo.tsunagu.example) on the embedded database only; works while the server runs.',
  ],
  options: {},
  positionals: 1,
  async run(ctx, args) {
    const email = args.positionals[0];
    if (!email) {
      throw new CliError(
        bilingual('メールアドレスを1つ指定してください', 'Give one e-mail address'),
        EXIT.usage,
      );
    }
    const config = ctx.loadConfig();
    demoAddress(config, email); // refuses before opening anything
    const { code, secondsLeft } = await withDatabase(openEmbeddedSnapshot, config, (db) =>
      demoTotp(db.systemDb, config, email, ctx.now()),
    );
    ctx.io.out(code);
    ctx.io.err(bilingual(`あと ${secondsLeft} 秒有効`, `valid for ${secondsLeft} more seconds`));
    return EXIT.ok;
  },
};
