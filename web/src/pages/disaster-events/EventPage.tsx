import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { readsMunicipalPages } from '../../../../src/modules/municipalities/policy';
import { EVENT_STATE_LABELS } from '../../../../src/shared/vocab/disaster-events';
import { ROLE_LABELS } from '../../../../src/shared/vocab/roles';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import {
  type DisasterEvent,
  OUTAGE_STEP,
  type OutageList,
  useEndEvent,
  useEvent,
  useEventOutage,
  useReview,
  useSignOff,
} from '../../lib/queries/disaster-events';
import { forTrainingRoles } from '../learning/courses/Guard';
import { NotFoundPage } from '../NotFoundPage';
import { OutageTable } from './OutageTable';
import { PrintButton } from './PrintButton';
import './print.css';

/** Who opened which record and why, and the sign-off (administrators; auditors read). */
function Review({ event }: { event: DisasterEvent }) {
  const t = useT();
  const { locale } = useLocale();
  const review = useReview(event.id, event.allowed.readReview);
  const signOff = useSignOff(event.id);
  const [comment, setComment] = useState('');
  return (
    <Section id="review" title={t('de.reviewSection')}>
      <p className="mb-2">{t('de.reviewIntro')}</p>
      <QueryState query={review}>
        {(r) => (
          <>
            {r.openings.length === 0 ? (
              <p>{t('de.noOpenings')}</p>
            ) : (
              <Table caption={t('de.openingsCaption')}>
                <thead>
                  <tr>
                    <Th>{t('de.openedAt')}</Th>
                    <Th>{t('de.openedBy')}</Th>
                    <Th>{t('de.child')}</Th>
                    <Th>{t('de.reason')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {r.openings.map((o) => (
                    <tr key={o.id}>
                      <Td>{formatDateTime(o.openedAt, locale)}</Td>
                      <Td>
                        {o.userName}（{vocab(t, ROLE_LABELS, o.role)}）
                      </Td>
                      <Td>
                        {o.childName}（{o.municipalityName}）
                      </Td>
                      <Td>{o.reason}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
            {event.review.signedOffAt ? (
              <p role="status">
                {t('de.signedOff', {
                  by: event.review.signedOffByName ?? '',
                  at: formatDateTime(event.review.signedOffAt, locale),
                })}
                {event.review.comment ? ` ${event.review.comment}` : ''}
              </p>
            ) : event.allowed.signOff ? (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  signOff.mutate({ version: event.version, comment });
                }}
              >
                <TextAreaField label={t('de.signOffComment')} value={comment} onChange={setComment} />
                <ApiErrorAlert error={signOff.error} />
                <Button type="submit" disabled={signOff.isPending}>
                  {t('de.signOff')}
                </Button>
              </form>
            ) : (
              <p>{event.state === 'ended' ? t('de.reviewNotSigned') : t('de.reviewAfterEnd')}</p>
            )}
          </>
        )}
      </QueryState>
    </Section>
  );
}

function EventScreen() {
  const t = useT();
  const { locale } = useLocale();
  const { eventId } = useParams({ strict: false }) as { eventId: string };
  const event = useEvent(eventId);
  const [limit, setLimit] = useState(OUTAGE_STEP);
  const [printed, setPrinted] = useState<OutageList | null>(null);
  const outage = useEventOutage(eventId, limit);
  const end = useEndEvent(eventId);
  // An event outside the reader's area and an unknown one look the same: the not-found page.
  if (isApiError(event.error) && event.error.status === 404) return <NotFoundPage />;
  return (
    <QueryState query={event}>
      {(e) => (
        <Page title={e.title} intro={t('de.eventIntro')}>
          <p className="mb-4 print:hidden">
            <Link to="/disaster-events" className="inline-flex min-h-11 items-center">
              {t('de.back')}
            </Link>
          </p>
          <dl className="mb-6 grid gap-x-4 gap-y-1 sm:grid-cols-[12rem_1fr]">
            <dt className="font-bold">{t('de.state')}</dt>
            <dd>{vocab(t, EVENT_STATE_LABELS, e.state)}</dd>
            <dt className="font-bold">{t('de.period')}</dt>
            <dd>
              {formatDateTime(e.startsAt, locale)} 〜 {formatDateTime(e.endedEarlyAt ?? e.endsAt, locale)}
            </dd>
            <dt className="font-bold">{t('de.areas')}</dt>
            <dd>{e.municipalities.map((m) => m.name).join('、')}</dd>
            <dt className="font-bold">{t('de.declareReason')}</dt>
            <dd>{e.reason}</dd>
            <dt className="font-bold">{t('de.declaredBy')}</dt>
            <dd>
              {e.declaredByName}（{formatDateTime(e.declaredAt, locale)}）
            </dd>
            <dt className="font-bold">{t('de.responders')}</dt>
            <dd>{e.responders.map((r) => r.name).join('、') || t('de.noResponders')}</dd>
          </dl>
          {e.allowed.end && (
            <div className="mb-6 print:hidden">
              <Button
                variant="secondary"
                disabled={end.isPending}
                onClick={() => end.mutate({ version: e.version })}
              >
                {t('de.end')}
              </Button>
              <ApiErrorAlert error={end.error} />
            </div>
          )}
          <Section id="outage" title={t('de.outageTitle')}>
            {e.state === 'active' && !e.allowed.open && <p className="mb-2">{t('de.notResponder')}</p>}
            <QueryState query={outage}>
              {(list) => (
                <>
                  <PrintButton
                    path={`/api/disaster-events/events/${e.id}/outage`}
                    query={{}}
                    onList={setPrinted}
                  />
                  <OutageTable list={printed ?? list} onMore={() => setLimit((n) => n + OUTAGE_STEP)} />
                </>
              )}
            </QueryState>
          </Section>
          {e.allowed.readReview && <Review event={e} />}
        </Page>
      )}
    </QueryState>
  );
}

export const DisasterEventPage = forTrainingRoles(readsMunicipalPages, EventScreen);
