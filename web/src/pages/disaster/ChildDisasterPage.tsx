import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { DISASTER_HISTORY_ACTION_LABELS } from '../../../../src/shared/vocab/disaster';
import { DEVICE_KIND_LABELS } from '../../../../src/shared/vocab/registry';
import { ROLE_LABELS } from '../../../../src/shared/vocab/roles';
import { StatusMessage } from '../../components/Alert';
import { buttonClass } from '../../components/Button';
import { Fold } from '../../components/Fold';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { formatDateTime, fullName } from '../../lib/format';
import { useDisasterProfile, useEmergencySheet } from '../../lib/queries/disaster';
import { NotFoundPage } from '../NotFoundPage';
import { ProfileForm } from './ProfileForm';
import { profileRecorded, sheetRecorded } from './recorded';
import { SheetConfirm } from './SheetConfirm';
import { SheetForm } from './SheetForm';

/**
 * 災害への備え of one child (docs/disaster.md §1, §7): the disaster profile and the emergency sheet, opened from the
 * child's record. The summary leads; each form opens from its action, unfolded only for a first entry, and the
 * family's confirmation of the sheet stays in view. Out of scope and absent look the same: the not-found page.
 */
export function ChildDisasterPage() {
  const t = useT();
  const { locale } = useLocale();
  const { childId } = useParams({ strict: false }) as { childId: string };
  const profile = useDisasterProfile(childId);
  const sheet = useEmergencySheet(childId);
  // Outside the forms, which are drawn afresh (keyed by version) once a save succeeds.
  const [profileDone, setProfileDone] = useState('');
  const [sheetDone, setSheetDone] = useState('');
  if (isApiError(profile.error) && profile.error.status === 404) return <NotFoundPage />;
  const c = profile.data?.child;
  return (
    <Page
      title={c ? `${fullName(c.familyName, c.givenName)} — ${t('dis.childTitle')}` : t('dis.childTitle')}
      intro={t('dis.childIntro')}
    >
      <div className="mb-6 flex flex-wrap items-center gap-x-6 gap-y-2 print:hidden">
        <Link to="/children/$childId" params={{ childId }} className="inline-flex min-h-11 items-center">
          {t('dis.backToRecord')}
        </Link>
        <Link
          to="/children/$childId/emergency-sheet"
          params={{ childId }}
          className={buttonClass('secondary', 'no-underline')}
        >
          {t('dis.printSheet')}
        </Link>
      </div>
      <QueryState query={profile}>
        {(d) => (
          <>
            <Section title={t('dis.summary')} id="dis-summary">
              <ul className="grid gap-1">
                <li>{d.consent ? t('dis.consentYes') : t('dis.consentNo')}</li>
                <li>
                  {d.electricityDependent ? t('dis.dependentYes') : t('dis.dependentNo')}
                  {d.batteryHours !== null && ` — ${t('dis.batteryLeft', { h: String(d.batteryHours) })}`}
                </li>
                {d.devices.map((x, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the registry's device rows, in order
                  <li key={i}>
                    {vocab(t, DEVICE_KIND_LABELS, x.kind)}
                    {x.name ? `（${x.name}）` : ''}
                    {x.needsMains ? ` · ${t('dis.needsMains')}` : ''}
                    {x.batteryHours !== null
                      ? ` · ${t('dis.batteryLeft', { h: String(x.batteryHours) })}`
                      : ''}
                  </li>
                ))}
                {d.profile.planRecordedAt && (
                  <li>
                    {t('dis.planRecorded', {
                      role: vocab(t, ROLE_LABELS, d.profile.planRecordedRole),
                      at: formatDateTime(d.profile.planRecordedAt, locale),
                    })}
                  </li>
                )}
              </ul>
            </Section>
            <Section title={t('dis.profileTitle')} id="dis-profile">
              <Fold
                summary={t(d.canEdit ? 'dis.profileEdit' : 'dis.profileView')}
                defaultOpen={d.canEdit && !profileRecorded(d)}
                testId="dis-profile-fold"
              >
                <ProfileForm key={d.profile.version} data={d} childId={childId} onDone={setProfileDone} />
              </Fold>
              <StatusMessage>{profileDone}</StatusMessage>
            </Section>
            <Section title={t('dis.sheetTitle')} id="dis-sheet">
              <QueryState query={sheet}>
                {(s) => (
                  <>
                    <Fold
                      summary={t(s.canEdit ? 'dis.sheetEdit' : 'dis.sheetView')}
                      defaultOpen={s.canEdit && !sheetRecorded(s)}
                      testId="dis-sheet-fold"
                    >
                      <SheetForm key={s.version} data={s} childId={childId} onDone={setSheetDone} />
                    </Fold>
                    <SheetConfirm key={s.version} data={s} childId={childId} onDone={setSheetDone} />
                  </>
                )}
              </QueryState>
              <StatusMessage>{sheetDone}</StatusMessage>
            </Section>
            <Section title={t('dis.historyTitle')} id="dis-history">
              {d.history.length === 0 ? (
                <p>{t('dis.noHistory')}</p>
              ) : (
                <ul className="grid gap-1">
                  {d.history.map((h) => (
                    <li key={`${h.at}-${h.version}`}>
                      {formatDateTime(h.at, locale)} · {h.userName ?? '—'} ·{' '}
                      {vocab(t, DISASTER_HISTORY_ACTION_LABELS, h.action)} ({h.fields.join(', ')})
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}
