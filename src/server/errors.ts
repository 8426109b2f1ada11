import { CENSUS_ERRORS } from '../modules/census/errors';
import { CONSULTATION_ERRORS } from '../modules/consultations/errors';
import { COUNCIL_ERRORS } from '../modules/councils/errors';
import { DISASTER_EVENT_ERRORS } from '../modules/disaster-events/errors';
import { FILE_ERRORS } from '../modules/files/errors';
import { GOOD_PRACTICE_ERRORS } from '../modules/good-practices/errors';
import { ELEARNING_ERRORS } from '../modules/learning/elearning/errors';
import { LEARNING_ERRORS } from '../modules/learning/errors';
import { APPLICATION_ERRORS } from '../modules/learning/errors-applications';
import { CERTIFICATE_ERRORS } from '../modules/learning/errors-certificates';
import { LEARNER_ERRORS } from '../modules/learning/errors-learners';
import { LIBRARY_ERRORS } from '../modules/library/errors';
import { MAIL_ERRORS } from '../modules/mail/errors';
import { PUBLIC_SITE_ERRORS } from '../modules/public-site/errors';
import { REGIONAL_ISSUE_ERRORS } from '../modules/regional-issues/errors';
import { RESOURCE_ERRORS } from '../modules/resources/errors';
import { SURVEY_ERRORS } from '../modules/surveys/errors';

/**
 * The one error class. Every failure a client can cause is an AppError with a stable code;
 * the HTTP status and the bilingual message are looked up here, in one place.
 */
const CORE_ERRORS = {
  validation_failed: { status: 400, ja: '入力内容に誤りがあります。', en: 'The input is not valid.' },
  malformed_json: {
    status: 400,
    ja: 'JSON の形式が正しくありません。',
    en: 'The request body is not valid JSON.',
  },
  invalid_municipality_code: {
    status: 400,
    ja: '市区町村コードが正しくありません（6桁・検査数字を確認してください）。',
    en: 'The municipality code is not valid (6 digits with a correct check digit).',
  },
  municipality_other_prefecture: {
    status: 400,
    ja: '他の都道府県の市区町村は指定できません（転出は「転居」から記録してください）。',
    en: 'A municipality of another prefecture cannot be used here (record a move out with "move").',
  },
  consent_not_active: {
    status: 409,
    ja: 'この同意はすでに撤回されているか、不同意の記録のため撤回できません。',
    en: 'This consent cannot be withdrawn: it is already withdrawn or records a refusal.',
  },
  unauthenticated: { status: 401, ja: 'サインインしてください。', en: 'Please sign in.' },
  second_factor_required: {
    status: 401,
    ja: '2段階認証のコードを入力してください。',
    en: 'Enter your two-factor authentication code.',
  },
  second_factor_enrolment_required: {
    status: 403,
    ja: 'この役割では2段階認証の設定が必要です。',
    en: 'Your role requires two-factor authentication to be set up.',
  },
  invalid_credentials: {
    status: 401,
    ja: 'メールアドレスまたはパスワードが正しくないか、失敗が続いたため一時的にサインインできなくなっています。',
    en: 'The e-mail address or password is not correct, or sign-in is paused for a while after repeated failures.',
  },
  invalid_totp: {
    status: 401,
    ja: '認証コードが正しくありません。',
    en: 'The authentication code is not correct.',
  },
  account_locked: {
    status: 423,
    ja: 'サインインの失敗が続いたため、一時的にロックされています。しばらくしてからお試しください。',
    en: 'Too many failed sign-ins: the account is locked for a while. Try again later.',
  },
  csrf_failed: {
    status: 403,
    ja: '画面を再読み込みしてからもう一度お試しください（CSRF 検証に失敗しました）。',
    en: 'Reload the page and try again (the CSRF check failed).',
  },
  forbidden: { status: 403, ja: 'この操作を行う権限がありません。', en: 'You are not allowed to do this.' },
  not_found: { status: 404, ja: '見つかりません。', en: 'Not found.' },
  conflict: {
    status: 409,
    ja: '他の人が先に更新しました。最新の内容を確認してください。',
    en: 'Someone else changed this first. Review the latest version.',
  },
  duplicate: { status: 409, ja: 'すでに登録されています。', en: 'This already exists.' },
  registration_decided: {
    status: 409,
    ja: 'この登録はすでに処理されています（受理・統合・却下済み）。',
    en: 'This registration has already been decided (accepted, merged or rejected).',
  },
  in_use: {
    status: 409,
    ja: '使用中のため削除できません。先に関連付けを外してください。',
    en: 'This is still in use and cannot be deleted. Remove what refers to it first.',
  },
  prefecture_required: {
    status: 400,
    ja: '対象の都道府県を指定してください（?prefecture=14 のように）。',
    en: 'Name the prefecture (for example ?prefecture=14).',
  },
  cannot_change_self: {
    status: 403,
    ja: '自分自身のアカウントを無効化したり、役割を変更したりすることはできません。',
    en: 'You cannot disable your own account or change your own role.',
  },
  invitation_accepted: {
    status: 409,
    ja: 'このユーザーは招待を受諾済みです。パスワード再設定を使ってください。',
    en: 'This user has already accepted the invitation. Use a password reset instead.',
  },
  token_invalid: {
    status: 400,
    ja: 'このリンクは無効か、期限が切れています。',
    en: 'This link is invalid or has expired.',
  },
  weak_password: {
    status: 400,
    ja: 'パスワードは12文字以上にしてください。',
    en: 'The password must have at least 12 characters.',
  },
  payload_too_large: {
    status: 413,
    ja: '送信データが大きすぎます。',
    en: 'The request is too large.',
  },
  rate_limited: {
    status: 429,
    ja: 'リクエストが多すぎます。しばらくしてからお試しください。',
    en: 'Too many requests. Try again later.',
  },
  export_too_large: {
    status: 400,
    ja: '該当件数が出力の上限を超えています。条件を絞り込んでください。',
    en: 'Too many rows match for one export. Narrow the filter.',
  },
  database_unavailable: {
    status: 503,
    ja: 'データベースに一時的に接続できません。少し待ってからもう一度お試しください。',
    en: 'The database is briefly unreachable. Wait a moment and try again.',
  },
  server_busy: {
    status: 503,
    ja: 'ただいま混み合っています。少し待ってからもう一度お送りください。入力した内容は画面に残っています。',
    en: 'The server is busy. Wait a moment and send again; what you entered is still on the page.',
  },
  server_starting: {
    status: 503,
    ja: 'サーバーを起動しています。少し待ってからもう一度お試しください。',
    en: 'The server is starting. Wait a moment and try again.',
  },
  internal: { status: 500, ja: 'システムエラーが発生しました。', en: 'An internal error occurred.' },
} as const satisfies Record<string, { status: number; ja: string; en: string }>;

/** Core codes and each module's own (a module keeps its codes in its errors.ts). */
export const ERRORS = {
  ...CORE_ERRORS,
  ...CENSUS_ERRORS,
  ...CONSULTATION_ERRORS,
  ...COUNCIL_ERRORS,
  ...PUBLIC_SITE_ERRORS,
  ...ELEARNING_ERRORS,
  ...FILE_ERRORS,
  ...LEARNING_ERRORS,
  ...APPLICATION_ERRORS,
  ...CERTIFICATE_ERRORS,
  ...LEARNER_ERRORS,
  ...LIBRARY_ERRORS,
  ...MAIL_ERRORS,
  ...RESOURCE_ERRORS,
  ...REGIONAL_ISSUE_ERRORS,
  ...SURVEY_ERRORS,
  ...GOOD_PRACTICE_ERRORS,
  ...DISASTER_EVENT_ERRORS,
};

export type ErrorCode = keyof typeof ERRORS;

/**
 * A field problem; `ja` and `en` are given where the message is meant for the public (e.g. the registration
 * form); `code` names the problem for programs where one is shared by many routes (e.g. `control_character`).
 */
export type ErrorIssue = { path: string; message: string; code?: string; ja?: string; en?: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly issues: ErrorIssue[] | undefined;
  readonly detail: Record<string, unknown> | undefined;
  /** Sent as Retry-After (429, 503): when the client may try again. */
  readonly retryAfterSeconds: number | undefined;

  constructor(
    code: ErrorCode,
    opts: {
      issues?: ErrorIssue[];
      detail?: Record<string, unknown>;
      cause?: unknown;
      retryAfterSeconds?: number;
    } = {},
  ) {
    super(`${code}: ${ERRORS[code].en}`, { cause: opts.cause });
    this.code = code;
    this.status = ERRORS[code].status;
    this.issues = opts.issues;
    this.detail = opts.detail;
    this.retryAfterSeconds = opts.retryAfterSeconds;
  }

  /** The JSON body every error response carries. */
  toBody() {
    const e = ERRORS[this.code];
    return {
      error: {
        code: this.code,
        message: `${e.ja} / ${e.en}`,
        ja: e.ja,
        en: e.en,
        ...(this.issues ? { issues: this.issues } : {}),
        ...(this.detail ? { detail: this.detail } : {}),
      },
    };
  }
}

export const notFound = () => new AppError('not_found');
export const forbidden = () => new AppError('forbidden');
