import type { z } from '@hono/zod-openapi';
import type { ErrorIssue } from '../../server/errors';

/**
 * Field problems of the public form in Japanese and English. Families read these, so they say what to do
 * rather than what the parser expected. Our own checks carry a key of MSG as their message; Zod's built-in
 * checks are described from the issue's code and bounds (never from its English text).
 */
export const MSG = {
  required: 'required',
  kana: 'kana',
  phone: 'phone',
  email: 'email',
  date: 'date',
  icd10: 'icd10',
  municipalityCode: 'municipality_code',
  guardianRequired: 'guardian_required',
} as const;

type Bilingual = { ja: string; en: string };

const TEXT: Record<(typeof MSG)[keyof typeof MSG], Bilingual> = {
  required: { ja: '入力してください。', en: 'Please fill this in.' },
  kana: { ja: 'ひらがなまたはカタカナで入力してください。', en: 'Write this in hiragana or katakana.' },
  phone: {
    ja: '電話番号を数字10〜13桁で入力してください（ハイフン可）。',
    en: 'Enter a phone number of 10 to 13 digits (hyphens allowed).',
  },
  email: { ja: 'メールアドレスの形式が正しくありません。', en: 'This is not a valid e-mail address.' },
  date: {
    ja: '日付として読み取れません。2024-04-05、2024/4/5、令和6年4月5日、R6.4.5 のように入力してください。',
    en: 'This is not a date. Write it like 2024-04-05, 2024/4/5, 令和6年4月5日 or R6.4.5.',
  },
  icd10: { ja: 'ICD-10 コードは G80.9 のように入力してください。', en: 'Write the ICD-10 code like G80.9.' },
  municipality_code: {
    ja: '市区町村を選んでください。',
    en: 'Choose the municipality.',
  },
  guardian_required: {
    ja: '保護者を1人以上入力してください。',
    en: 'Enter at least one parent or guardian.',
  },
};

/** One issue with both languages; `message` holds both, as every other endpoint's issues do. */
export function bilingualIssue(path: string, text: Bilingual): ErrorIssue {
  return { path, message: `${text.ja} / ${text.en}`, ja: text.ja, en: text.en };
}

function describe(issue: z.core.$ZodIssue): Bilingual {
  if (issue.message in TEXT) return TEXT[issue.message as keyof typeof TEXT];
  switch (issue.code) {
    case 'custom': {
      const p = issue.params as Partial<Bilingual> | undefined;
      if (p?.ja && p.en) return { ja: p.ja, en: p.en };
      return { ja: '入力内容を確認してください。', en: 'Check this field.' };
    }
    case 'invalid_type':
      return (issue as { input?: unknown }).input == null
        ? TEXT.required
        : { ja: '入力の形式が正しくありません。', en: 'This value has the wrong type.' };
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string')
        return n <= 1
          ? TEXT.required
          : { ja: `${n}文字以上で入力してください。`, en: `Use at least ${n} characters.` };
      if (issue.origin === 'array') return { ja: `${n}件以上入力してください。`, en: `Give at least ${n}.` };
      return { ja: `${n}以上の値にしてください。`, en: `Use a value of at least ${n}.` };
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string')
        return { ja: `${n}文字以内で入力してください。`, en: `Use at most ${n} characters.` };
      if (issue.origin === 'array') return { ja: `${n}件までにしてください。`, en: `Give at most ${n}.` };
      return { ja: `${n}以下の値にしてください。`, en: `Use a value of at most ${n}.` };
    }
    case 'invalid_value':
      return { ja: '選択肢の中から選んでください。', en: 'Choose one of the options.' };
    case 'unrecognized_keys':
      return {
        ja: `不明な項目があります：${issue.keys.join(', ')}`,
        en: `Unknown fields: ${issue.keys.join(', ')}`,
      };
    default:
      return { ja: '入力内容を確認してください。', en: 'Check this field.' };
  }
}

/** Zod issues (parsed with `reportInput: true`, so a missing field can be told from a wrong one) → ja/en issues. */
export function bilingualIssues(issues: readonly z.core.$ZodIssue[]): ErrorIssue[] {
  return issues.map((i) => bilingualIssue(i.path.map(String).join('.') || '(body)', describe(i)));
}
