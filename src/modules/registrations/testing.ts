/**
 * A complete, valid registration form for tests (server and browser): a fictional family in 藤沢市.
 * Override any part: `registrationForm({ child: { birthDate: '令和6年4月5日' } })` merges one level deep.
 */
export type FormOverrides = {
  submitterKind?: 'family' | 'hospital';
  submitter?: Record<string, unknown>;
  child?: Record<string, unknown>;
  guardians?: readonly Record<string, unknown>[];
  consents?: Record<string, boolean>;
  website?: unknown;
};

/** The form with the overrides applied. */
export function registrationForm(o: FormOverrides = {}) {
  return {
    submitterKind: o.submitterKind ?? 'family',
    submitter: { name: '髙橋 美咲', phone: '090-1234-5678', email: 'misaki@example.jp', ...o.submitter },
    child: {
      familyName: '髙橋',
      givenName: '悠斗',
      familyKana: 'たかはし',
      givenKana: 'ゆうと',
      birthDate: '2024-04-05',
      sex: 'male',
      municipalityCode: '142051',
      address: '藤沢1-2-3',
      diagnoses: [{ name: '脳性麻痺', icd10: 'G80.9' }],
      careItems: [
        { code: 'tracheostomy', watch: 'high' },
        { code: 'suction', watch: 'high' },
        { code: 'tube_feeding_gastric' },
      ],
      devices: [{ kind: 'suction_unit', needsMains: true, batteryHours: 1.5 }],
      livingSituation: '両親と姉の4人暮らし。日中は母が主に介護。',
      ...o.child,
    },
    guardians: o.guardians ?? [
      {
        familyName: '髙橋',
        givenName: '美咲',
        familyKana: 'タカハシ',
        givenKana: 'ミサキ',
        relationship: '母',
        phone: '090-1234-5678',
        email: 'misaki@example.jp',
      },
    ],
    consents: {
      share_municipality: true,
      disaster_planning: true,
      centre_contact: true,
      statistics: false,
      ...o.consents,
    },
    website: o.website ?? '',
  };
}
