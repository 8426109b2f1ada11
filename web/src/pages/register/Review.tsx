import { SEX_LABELS } from '../../../../src/shared/vocab/registry';
import { parseJapaneseDate } from '../../../../src/shared/wareki';
import { Button } from '../../components/Button';
import { type Locale, type Translate, useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate } from '../../lib/format';
import type { RegistrationOptions } from '../../lib/queries/registrations';
import { type FormDraft, STEPS } from './form';
import { Part, stepTitle } from './Steps';

type Row = [term: string, value: string];

/** The main answers of each step that asks for something, as term and value, in the UI language. */
function answersOf(d: FormDraft, opts: RegistrationOptions, t: Translate, locale: Locale): Row[][] {
  const list = (xs: string[]) =>
    xs.length ? xs.join(locale === 'ja' ? '、' : ', ') : t('register.summary.none');
  const paren = (s: string) => (locale === 'ja' ? `（${s}）` : ` (${s})`);
  const c = d.child;
  const kana = `${c.familyKana} ${c.givenKana}`.trim();
  const born = c.birthDate.trim() ? parseJapaneseDate(c.birthDate) : null;
  const muni = opts.municipalities.find((m) => m.code === c.municipalityCode)?.name ?? '';
  const careName = new Map(opts.careItems.map((i) => [i.code, i[locale]]));
  const deviceName = new Map(opts.deviceKinds.map((k) => [k.code, k[locale]]));
  const devices = d.devices.map((x) => {
    const notes = [
      ...(x.needsMains ? [t('register.needsMainsShort')] : []),
      ...(x.batteryHours.trim() ? [t('register.summary.battery', { h: x.batteryHours.trim() })] : []),
    ];
    return `${deviceName.get(x.kind) ?? x.kind}${notes.length ? paren(notes.join(locale === 'ja' ? '、' : ', ')) : ''}`;
  });
  const sender =
    d.submitterKind === 'family'
      ? t('register.submitterKind.family')
      : [d.submitter.organisation, d.submitter.name, d.submitter.phone].filter((s) => s.trim()).join(' ');
  return [
    [
      [t('register.summary.name'), `${c.familyName} ${c.givenName}${kana ? paren(kana) : ''}`],
      [t('register.birthDate'), born ? formatDate(born, locale, { western: true }) : c.birthDate],
      [t('register.sex'), c.sex ? vocab(t, SEX_LABELS, c.sex) : ''],
      [t('register.address'), `${muni} ${c.address}`.trim()],
      [t('register.disease'), list(d.diagnoses.map((x) => x.name.trim()).filter(Boolean))],
    ],
    [
      [t('register.care'), list(Object.keys(d.careItems).map((code) => careName.get(code) ?? code))],
      [t('register.devices'), list(devices)],
      [t('register.living'), c.livingSituation.trim() || t('register.summary.none')],
    ],
    [
      ...d.guardians.map(
        (g, i): Row => [
          t('register.guardianN', { n: i + 1 }),
          [
            `${g.familyName} ${g.givenName}${g.relationship.trim() ? paren(g.relationship.trim()) : ''}`,
            g.phone,
          ]
            .filter((s) => s.trim())
            .join(' '),
        ],
      ),
      [t('register.submitter'), sender],
    ],
  ];
}

/**
 * The last step's summary of what was entered: each earlier step's main answers with a 修正する button that
 * goes back to that step (the draft is kept, so nothing is lost).
 */
export function Review({
  draft,
  options,
  onChange,
}: {
  draft: FormDraft;
  options: RegistrationOptions;
  onChange: (step: number) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Part id="register-review" title={t('register.review')}>
      <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('register.reviewIntro')}</p>
      {answersOf(draft, options, t, locale).map((rows, i) => {
        const title = stepTitle(t, STEPS[i]!);
        return (
          <div key={STEPS[i]} className="mb-4 rounded-8 border border-solid-gray-300 p-4">
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h4 className="text-std-17B-170 text-solid-gray-900">{title}</h4>
              <Button variant="text" onClick={() => onChange(i)}>
                {t('register.change')}
                <span className="sr-only">{t('register.changeWhat', { step: title })}</span>
              </Button>
            </div>
            <dl className="text-std-16N-170">
              {rows.map(([term, value]) => (
                <div
                  key={term}
                  className="border-t border-solid-gray-200 py-2 sm:grid sm:grid-cols-[12rem_1fr] sm:gap-4"
                >
                  <dt className="text-std-16B-170 text-solid-gray-900">{term}</dt>
                  <dd className="line-clamp-3 whitespace-pre-line break-words text-solid-gray-800">
                    {value}
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        );
      })}
    </Part>
  );
}
