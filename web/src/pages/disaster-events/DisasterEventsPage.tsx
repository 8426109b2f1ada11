import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { readsMunicipalPages } from '../../../../src/modules/municipalities/policy';
import { EVENT_STATE_LABELS } from '../../../../src/shared/vocab/disaster-events';
import { ROLE_LABELS } from '../../../../src/shared/vocab/roles';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, Fieldset, TextAreaField, TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDateTime } from '../../lib/format';
import { useDeclare, useEvents, useResponders } from '../../lib/queries/disaster-events';
import { forTrainingRoles } from '../learning/courses/Guard';
import { AreaPicker, japanInstant, japanNowLocal } from './AreaPicker';

/** Start an outage list: the areas and when the power went out (not in the future: the API says so clearly). */
function OutageForm() {
  const t = useT();
  const navigate = useNavigate();
  const [codes, setCodes] = useState<string[]>([]);
  const [since, setSince] = useState(japanNowLocal());
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void navigate({
          to: '/disaster-events/outage',
          search: { municipalities: codes.join(','), since: japanInstant(since) },
        });
      }}
    >
      <AreaPicker value={codes} onChange={setCodes} />
      <TextField
        type="datetime-local"
        label={t('de.since')}
        hint={t('de.sinceHint')}
        value={since}
        onChange={setSince}
        required
      />
      <Button type="submit">{t('de.showOutage')}</Button>
    </form>
  );
}

/** Declaring an event (centre administrators): title, reason, areas, period, responders. */
function DeclareForm() {
  const t = useT();
  const navigate = useNavigate();
  const declare = useDeclare();
  const responders = useResponders(true);
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [codes, setCodes] = useState<string[]>([]);
  const [start, setStart] = useState(japanNowLocal());
  const [end, setEnd] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        declare.mutate(
          {
            title,
            reason,
            municipalityCodes: codes,
            startsAt: japanInstant(start),
            endsAt: japanInstant(end),
            responderUserIds: chosen,
          },
          {
            onSuccess: (ev) => void navigate({ to: '/disaster-events/$eventId', params: { eventId: ev.id } }),
          },
        );
      }}
    >
      <p className="mb-4">{t('de.declareIntro')}</p>
      <TextField label={t('de.title')} value={title} onChange={setTitle} required />
      <TextAreaField
        label={t('de.declareReason')}
        hint={t('de.declareReasonHint')}
        value={reason}
        onChange={setReason}
        required
      />
      <AreaPicker value={codes} onChange={setCodes} />
      <TextField type="datetime-local" label={t('de.startsAt')} value={start} onChange={setStart} required />
      <TextField
        type="datetime-local"
        label={t('de.endsAt')}
        hint={t('de.endsAtHint')}
        value={end}
        onChange={setEnd}
        required
      />
      <Fieldset legend={t('de.responders')}>
        <p className="mb-2 text-sm">{t('de.respondersHint')}</p>
        <div className="grid max-h-64 gap-1 overflow-auto sm:grid-cols-2">
          {(responders.data?.items ?? []).map((u) => (
            <Checkbox
              key={u.userId}
              label={`${u.name}（${vocab(t, ROLE_LABELS, u.role)}${u.scopeLabel ? `・${u.scopeLabel}` : ''}）`}
              checked={chosen.includes(u.userId)}
              onChange={(on) => setChosen(on ? [...chosen, u.userId] : chosen.filter((x) => x !== u.userId))}
            />
          ))}
        </div>
      </Fieldset>
      <ApiErrorAlert error={declare.error} />
      <Button type="submit" disabled={declare.isPending}>
        {t('de.declare')}
      </Button>
    </form>
  );
}

/**
 * 停電・災害対応 (docs/disaster.md §4–5): start an outage list for chosen municipalities, the declared events of the
 * reader's area (with the access reviews waiting for sign-off), and, for centre administrators, a declaration.
 */
function DisasterEventsScreen() {
  const t = useT();
  const { locale } = useLocale();
  const events = useEvents();
  return (
    <Page title={t('de.title.page')} intro={t('de.intro')}>
      <p className="mb-4">
        <Link to="/disaster" search={{}} className="inline-flex min-h-11 items-center">
          {t('de.toDisasterList')}
        </Link>
      </p>
      <Section id="outage" title={t('de.outageSection')}>
        <OutageForm />
      </Section>
      <Section id="events" title={t('de.eventsSection')}>
        <QueryState query={events}>
          {(list) => (
            <>
              {list.reviewsWaiting > 0 && (
                <p className="mb-2 font-bold" role="status">
                  {t('de.reviewsWaiting', { n: list.reviewsWaiting })}
                </p>
              )}
              {list.items.length === 0 ? (
                <p>{t('de.noEvents')}</p>
              ) : (
                <Table caption={t('de.eventsCaption')}>
                  <thead>
                    <tr>
                      <Th>{t('de.title')}</Th>
                      <Th>{t('de.state')}</Th>
                      <Th>{t('de.period')}</Th>
                      <Th>{t('de.areas')}</Th>
                      <Th>{t('de.review')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.items.map((e) => (
                      <tr key={e.id}>
                        <Td>
                          <Link to="/disaster-events/$eventId" params={{ eventId: e.id }}>
                            {e.title}
                          </Link>
                        </Td>
                        <Td>{vocab(t, EVENT_STATE_LABELS, e.state)}</Td>
                        <Td>
                          {formatDateTime(e.startsAt, locale)} 〜{' '}
                          {formatDateTime(e.endedEarlyAt ?? e.endsAt, locale)}
                        </Td>
                        <Td>{e.municipalities.map((m) => m.name).join('、')}</Td>
                        <Td>
                          {e.review.signedOffAt
                            ? t('de.reviewSigned')
                            : e.state === 'ended'
                              ? t('de.reviewWaiting', { n: e.openings })
                              : t('de.openingsSoFar', { n: e.openings })}
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
              {list.mayDeclare && (
                <Section id="declare" title={t('de.declareSection')}>
                  <DeclareForm />
                </Section>
              )}
            </>
          )}
        </QueryState>
      </Section>
    </Page>
  );
}

export const DisasterEventsPage = forTrainingRoles(readsMunicipalPages, DisasterEventsScreen);
