import { userInfo } from 'node:os';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db/client';
import { prefectures, users } from '../db/schema';
import { assertStrongPassword, hashPassword } from '../modules/accounts/password';
import { recordAudit } from '../modules/audit/record';
import { AppError, ERRORS } from '../server/errors';
import { findPrefecture, PREFECTURE_NAMES_EN } from '../shared/municipalities';
import { ROLE_LABELS } from '../shared/vocab/roles';
import { stringOption } from './args';
import type { Command } from './command';
import { withDatabase } from './database';
import { bilingual, type CliContext, CliError, EXIT } from './io';

/** The roles the CLI may create: the first administrator of the deployment or of one prefecture. */
const ADMIN_ROLES = ['system_admin', 'centre_admin'] as const;
type AdminRole = (typeof ADMIN_ROLES)[number];

export type NewAdmin = {
  email: string;
  displayName: string;
  role: AdminRole;
  /** Required for centre_admin, absent for system_admin. */
  prefectureCode: string | null;
  password: string;
};

const ZEmail = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** Checks the options of `admin create`; every problem is a usage error (exit 2). */
export function parseNewAdmin(
  opts: { email?: string; name?: string; role?: string; prefecture?: string },
  password: string,
): NewAdmin {
  const email = ZEmail.safeParse(opts.email ?? '');
  if (!email.success)
    throw new CliError(bilingual('--email が正しくありません', '--email is not valid'), EXIT.usage);
  const displayName = opts.name?.trim() ?? '';
  if (!displayName || displayName.length > 100) {
    throw new CliError(
      bilingual('--name を100文字以内で指定してください', '--name is required (100 characters at most)'),
      EXIT.usage,
    );
  }
  const role = (opts.role ?? (opts.prefecture ? 'centre_admin' : 'system_admin')) as AdminRole;
  if (!ADMIN_ROLES.includes(role)) {
    throw new CliError(
      bilingual('--role は system_admin か centre_admin です', '--role must be system_admin or centre_admin'),
      EXIT.usage,
    );
  }
  if (role === 'system_admin' && opts.prefecture) {
    throw new CliError(
      bilingual(
        'system_admin は都道府県に属しません（--prefecture は不要）',
        'A system_admin has no prefecture (drop --prefecture)',
      ),
      EXIT.usage,
    );
  }
  if (
    role === 'centre_admin' &&
    !(opts.prefecture && /^\d{2}$/.test(opts.prefecture) && findPrefecture(opts.prefecture))
  ) {
    throw new CliError(
      bilingual(
        'centre_admin には --prefecture（都道府県コード2桁、例: 14）が必要です',
        'A centre_admin needs --prefecture (two-digit code, e.g. 14)',
      ),
      EXIT.usage,
    );
  }
  return {
    email: email.data,
    displayName,
    role,
    prefectureCode: role === 'centre_admin' ? opts.prefecture! : null,
    password,
  };
}

/**
 * Creates an administrator (and, for a centre administrator, the prefecture's tenant row when missing), in
 * one audited transaction. Refuses a weak password and an e-mail address already in use (exit 1). TOTP is
 * not set: both roles must enrol it at their first sign-in.
 */
export async function createAdmin(db: Database, input: NewAdmin, now: Date): Promise<{ id: string }> {
  try {
    assertStrongPassword(input.password);
  } catch (e) {
    if (e instanceof AppError)
      throw new CliError(bilingual(ERRORS.weak_password.ja, ERRORS.weak_password.en));
    throw e;
  }
  const passwordHash = await hashPassword(input.password);
  const meta = { ip: null, userAgent: 'tsunagu-cli', requestId: `cli-${now.getTime()}` };
  const detail = { via: 'cli', osUser: safeOsUser() };
  return db.systemDb.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing)
      throw new CliError(
        bilingual(`${input.email} はすでに登録されています`, `${input.email} is already registered`),
      );
    if (input.prefectureCode) {
      const ref = findPrefecture(input.prefectureCode)!;
      const created = await tx
        .insert(prefectures)
        .values({
          code: ref.code,
          name: ref.name,
          nameEn: PREFECTURE_NAMES_EN[ref.code] ?? ref.name,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ code: prefectures.code });
      if (created.length) {
        await recordAudit(
          tx,
          { actor: null, meta, at: now },
          {
            action: 'configure',
            entityType: 'prefecture',
            entityIds: [ref.code],
            detail: { event: 'prefecture_created', ...detail },
            prefectureCode: ref.code,
          },
        );
      }
    }
    const [user] = await tx
      .insert(users)
      .values({
        email: input.email,
        displayName: input.displayName,
        role: input.role,
        prefectureCode: input.prefectureCode,
        passwordHash,
        createdAt: now,
      })
      .returning({ id: users.id });
    await recordAudit(
      tx,
      { actor: null, meta, at: now },
      {
        action: 'configure',
        entityType: 'user',
        entityIds: [user!.id],
        detail: { event: 'admin_created', role: input.role, ...detail },
        prefectureCode: input.prefectureCode,
      },
    );
    return { id: user!.id };
  });
}

function safeOsUser(): string | null {
  try {
    return userInfo().username;
  } catch {
    return null;
  }
}

/** The password from TSUNAGU_ADMIN_PASSWORD, or typed twice on the terminal. Never a default. */
async function readPassword(ctx: CliContext): Promise<string> {
  const fromEnv = ctx.env.TSUNAGU_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  const first = await ctx.promptHidden('パスワード（12文字以上） / Password (12+ characters): ');
  if (first === null) {
    throw new CliError(
      bilingual(
        '端末で実行するか、環境変数 TSUNAGU_ADMIN_PASSWORD にパスワードを設定してください',
        'Run this on a terminal or set the password in TSUNAGU_ADMIN_PASSWORD',
      ),
      EXIT.usage,
    );
  }
  const again = await ctx.promptHidden('もう一度入力 / Repeat the password: ');
  if (again !== first)
    throw new CliError(bilingual('パスワードが一致しません', 'The passwords do not match'));
  return first;
}

export const adminCreateCommand: Command = {
  words: ['admin', 'create'],
  summary: bilingual('最初の管理者を作成', 'Create the first administrator'),
  usage: 'tsunagu admin create --email E --name N [--prefecture 14 --role centre_admin]',
  help: [
    '  --email E          サインインに使うメールアドレス / e-mail address used to sign in',
    '  --name N           表示名 / display name',
    '  --role R           system_admin（既定）または centre_admin / system_admin (default) or centre_admin',
    '  --prefecture CC    centre_admin の都道府県コード（2桁） / prefecture code of a centre_admin (2 digits)',
    '',
    '  パスワードは環境変数 TSUNAGU_ADMIN_PASSWORD、なければ端末で入力します（表示されません）。',
    '  The password comes from TSUNAGU_ADMIN_PASSWORD, otherwise it is typed on the terminal (not shown).',
  ],
  options: { email: 'string', name: 'string', role: 'string', prefecture: 'string' },
  async run(ctx, args) {
    const opts = {
      email: stringOption(args, 'email'),
      name: stringOption(args, 'name'),
      role: stringOption(args, 'role'),
      prefecture: stringOption(args, 'prefecture'),
    };
    parseNewAdmin(opts, ''); // usage errors before asking for a password
    const input = parseNewAdmin(opts, await readPassword(ctx));
    const config = ctx.loadConfig();
    const { id } = await withDatabase(ctx.openDb, config, (db) => createAdmin(db, input, ctx.now()));
    ctx.io.out(
      bilingual(
        `管理者を作成しました: ${input.email}（${ROLE_LABELS[input.role].ja}、ID ${id}）`,
        `Administrator created: ${input.email} (${ROLE_LABELS[input.role].en}, id ${id})`,
      ),
    );
    ctx.io.out(
      bilingual(
        '初回サインイン時に2段階認証（TOTP）の設定が必要です',
        'They must set up two-factor authentication (TOTP) at their first sign-in',
      ),
    );
    return EXIT.ok;
  },
};
