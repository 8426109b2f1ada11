import type { ReactNode } from 'react';
import { DISASTER_SUPPORT_LABELS } from '../../../../../src/shared/vocab/disaster-events';
import { Section } from '../../../components/Page';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { type Locale, type Translate, useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { formatDateTime } from '../../../lib/format';
import type { PublicService } from '../../../lib/queries/resources-public';
import {
  AcceptanceBadge,
  ageRange,
  CARE_CODES,
  careLabel,
  LastConfirmed,
  scheduleText,
  typeLabel,
  yesNo,
} from './display';

/**
 * One listing as the public sees it (and as the provider checks it through its link): what it accepts per
 * care item, how to start using it, opening days, ages, capacity and vacancy, transport, bathing and when it
 * was last confirmed.
 */
export type ListingView = PublicService & { email?: string | null; officeNumber?: string | null };

export function AcceptanceTable({
  service,
  t,
  locale,
}: {
  service: ListingView;
  t: Translate;
  locale: Locale;
}) {
  return (
    <Table caption={t('resources.acceptanceCaption', { name: service.name })}>
      <thead>
        <tr>
          <Th>{t('resources.careItem')}</Th>
          <Th>{t('resources.acceptanceCol')}</Th>
          <Th>{t('resources.conditions')}</Th>
        </tr>
      </thead>
      <tbody>
        {CARE_CODES.map((code) => {
          const c = service.careItems.find((x) => x.code === code);
          return (
            <tr key={code} data-care={code}>
              <RowTh>{careLabel(code, locale)}</RowTh>
              <Td>
                <AcceptanceBadge value={c?.acceptance} t={t} />
              </Td>
              <Td>{c?.conditions ?? ''}</Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="font-bold text-solid-gray-900">{label}</dt>
      <dd className="mb-2 whitespace-pre-line sm:mb-0">{children}</dd>
    </>
  );
}

/** A listing as families read it; `freshness={false}` where the page shows the last confirmation itself. */
export function ServiceView({ service, freshness = true }: { service: ListingView; freshness?: boolean }) {
  const t = useT();
  const { locale } = useLocale();
  const s = service;
  const dl = 'grid gap-x-4 text-std-16N-170 sm:grid-cols-[12rem_1fr] sm:gap-y-2';
  return (
    <>
      <p className="mb-2 text-std-17B-170 text-solid-gray-800">
        {typeLabel(t, s.type)}・{s.organizationName}
      </p>
      {freshness && (
        <div
          className={`mb-6 rounded-8 border-2 px-4 py-3 text-std-16N-170 ${s.stale ? 'border-warning-yellow-2 bg-yellow-50' : 'border-solid-gray-420 bg-solid-gray-50'}`}
          data-testid="last-confirmed"
        >
          <LastConfirmed
            at={s.lastConfirmed?.at ?? null}
            stale={s.stale}
            t={t}
            locale={locale}
            by={s.lastConfirmed?.by}
          />
          {s.stale && <p className="mt-1">{t('resources.staleExplain')}</p>}
        </div>
      )}

      <Section id="listing-care" title={t('resources.section.care')}>
        <AcceptanceTable service={s} t={t} locale={locale} />
      </Section>

      <Section id="listing-use" title={t('resources.section.use')}>
        <dl className={dl}>
          <Row label={t('resources.howToApply')}>{s.howToApply ?? t('resources.unknown')}</Row>
          {s.eligibilityDescription && (
            <Row label={t('resources.eligibility')}>{s.eligibilityDescription}</Row>
          )}
          {s.feesDescription && <Row label={t('resources.fees')}>{s.feesDescription}</Row>}
          <Row label={t('resources.phone')}>{s.phone ?? '—'}</Row>
          {s.email && <Row label={t('resources.email')}>{s.email}</Row>}
          {s.website && (
            <Row label={t('resources.website')}>
              <a href={s.website} rel="noopener noreferrer" target="_blank">
                {s.website}
                <span className="sr-only">{t('resources.opensNewWindow')}</span>
              </a>
            </Row>
          )}
        </dl>
        {s.description && <p className="mt-3 whitespace-pre-line text-std-16N-170">{s.description}</p>}
      </Section>

      <Section id="listing-facts" title={t('resources.section.capacity')}>
        <dl className={dl}>
          <Row label={t('resources.schedule')}>
            {s.schedules.length
              ? s.schedules.map((x) => scheduleText(t, x)).join('\n')
              : t('resources.unknown')}
          </Row>
          <Row label={t('resources.ages')}>{ageRange(t, s.minAge, s.maxAge)}</Row>
          <Row label={t('resources.capacity')}>
            {s.capacity === null ? t('resources.unknown') : t('resources.capacityN', { n: s.capacity })}
          </Row>
          <Row label={t('resources.vacancy')}>
            {s.vacancy === null ? t('resources.unknown') : t('resources.vacancyN', { n: s.vacancy })}
            {s.capacityUpdatedAt &&
              ` ${t('resources.asOf', { at: formatDateTime(s.capacityUpdatedAt, locale) })}`}
          </Row>
          <Row label={t('resources.transport')}>{yesNo(t, s.transport, s.transportNote)}</Row>
          <Row label={t('resources.bathing')}>{yesNo(t, s.bathing, s.bathingNote)}</Row>
          {(s.disasterSupport.length > 0 || s.disasterNote) && (
            <Row label={t('resources.section.disaster')}>
              {[s.disasterSupport.map((c) => vocab(t, DISASTER_SUPPORT_LABELS, c)).join('、'), s.disasterNote]
                .filter(Boolean)
                .join('\n')}
            </Row>
          )}
          <Row label={t('resources.address')}>
            {s.location.postalCode ? `〒${s.location.postalCode} ` : ''}
            {s.location.address}
          </Row>
          {s.serviceAreas.length > 0 && (
            <Row label={t('resources.serviceAreas')}>
              {s.serviceAreas.map((a) => a.municipalityName ?? a.municipalityCode).join('、')}
            </Row>
          )}
        </dl>
      </Section>
    </>
  );
}
