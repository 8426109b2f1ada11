import type { ReactNode } from 'react';
import { findCareItem } from '../../../../src/shared/care-score';
import { REGISTRATION_STATUS_LABELS, SEX_LABELS } from '../../../../src/shared/vocab/registry';
import { Section } from '../../components/Page';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate, formatDateTime, fullName } from '../../lib/format';
import {
  CONSENT_PURPOSES,
  type RegistrationDetail,
  useRegistrationOptions,
} from '../../lib/queries/registrations';

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-std-16N-170 sm:grid-cols-[auto_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-bold">{label}</dt>
          <dd className="mb-2 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

const none = '—';

/** Everything the family or hospital sent, as sent (birth date normalised, kana in katakana). */
export function RegistrationView({ detail }: { detail: RegistrationDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const options = useRegistrationOptions();
  const r = detail.registration;
  const p = r.payload;
  const c = p.child;
  const deviceName = (code: string) =>
    options.data?.deviceKinds.find((k) => k.code === code)?.[locale] ?? code;
  return (
    <>
      <Section id="registration-receipt" title={t('review.receipt')}>
        <Facts
          rows={[
            [
              t('review.receiptNo'),
              <span key="receipt" className="font-mono">
                {r.receiptNo}
              </span>,
            ],
            [t('review.status'), vocab(t, REGISTRATION_STATUS_LABELS, r.status)],
            [t('review.submittedAt'), formatDateTime(r.submittedAt, locale)],
            [
              t('review.submitterKind'),
              `${t(`register.submitterKind.${p.submitterKind}`)}：${[p.submitter.organisation, p.submitter.name].filter(Boolean).join(' ')}（${p.submitter.phone}${p.submitter.email ? ` / ${p.submitter.email}` : ''}）`,
            ],
            ...(r.reviewNote ? ([[t('review.note'), r.reviewNote]] as [string, ReactNode][]) : []),
          ]}
        />
      </Section>
      <Section id="registration-child" title={t('register.child')}>
        <Facts
          rows={[
            [t('review.name'), fullName(c.familyName, c.givenName)],
            [t('review.kana'), fullName(c.familyKana, c.givenKana)],
            [t('register.birthDate'), formatDate(c.birthDate, locale, { western: true })],
            [t('register.sex'), vocab(t, SEX_LABELS, c.sex)],
            [t('register.address'), `${r.municipalityName} ${c.address}`],
            [
              t('register.disease'),
              c.diagnoses.length
                ? c.diagnoses.map((d) => (d.icd10 ? `${d.name}（${d.icd10}）` : d.name)).join('、')
                : none,
            ],
            [
              t('register.care'),
              c.careItems.length ? (
                <ul key="care" className="list-disc pl-5">
                  {c.careItems.map((i) => (
                    <li key={i.code}>
                      {findCareItem(i.code)?.[locale] ?? i.code}
                      {i.watch && i.watch !== 'low' ? `（${t(`register.watch.${i.watch}`)}）` : ''}
                    </li>
                  ))}
                </ul>
              ) : (
                none
              ),
            ],
            [
              t('register.devices'),
              c.devices.length
                ? c.devices
                    .map(
                      (d) =>
                        `${deviceName(d.kind)}${d.needsMains ? `・${t('register.needsMainsShort')}` : ''}${
                          d.batteryHours !== undefined
                            ? `・${t('review.battery', { h: d.batteryHours })}`
                            : ''
                        }`,
                    )
                    .join('、')
                : none,
            ],
            [t('register.living'), c.livingSituation ?? none],
          ]}
        />
      </Section>
      <Section id="registration-guardians" title={t('register.guardians')}>
        <ul className="space-y-2 text-std-16N-170">
          {p.guardians.map((g, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: guardians of a registration have no id
            <li key={i}>
              <span className="font-bold">{fullName(g.familyName, g.givenName)}</span>
              {g.familyKana || g.givenKana ? `（${fullName(g.familyKana ?? '', g.givenKana ?? '')}）` : ''}・
              {g.relationship}・{g.phone}
              {g.email ? `・${g.email}` : ''}
            </li>
          ))}
        </ul>
      </Section>
      <Section id="registration-consents" title={t('register.consents')}>
        <ul className="space-y-1 text-std-16N-170">
          {CONSENT_PURPOSES.map((purpose) => (
            <li key={purpose}>
              {t(`register.consent.${purpose}`)}：
              <span className="font-bold">
                {p.consents[purpose] ? t('review.agreed') : t('review.notAgreed')}
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
