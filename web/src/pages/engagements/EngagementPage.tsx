import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import {
  HEARING_ITEM_LABELS,
  HEARING_ITEMS,
  SUPPORT_FIELD_LABELS,
  SUPPORT_FIELD_VOCAB,
  SUPPORT_FIELDS,
} from '../../../../src/shared/vocab/engagements';
import type { Labels } from '../../../../src/shared/vocab/label';
import { DIVISION_LABELS, DIVISIONS } from '../../../../src/shared/vocab/network';
import { StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime, formatNendo } from '../../lib/format';
import {
  type Engagement,
  useEngagement,
  useEngagementOptions,
  useUpdateEngagement,
} from '../../lib/queries/engagements';
import { WriteUpLink } from '../good-practices/WriteUpLink';
import { forTrainingRoles } from '../learning/courses/Guard';
import { NotFoundPage } from '../NotFoundPage';
import { RaisedIssues } from '../regional-issues/RaisedIssues';
import { RaiseIssueLink } from '../regional-issues/RaiseIssueLink';
import { readsEngagements } from './access';
import { GoodExampleBadge, KindBadge, PlannedBadge } from './Badges';
import { draftOf, EngagementForm } from './EngagementForm';
import { GoodExampleForm } from './GoodExampleForm';

const LINK = 'text-key-900 underline underline-offset-4';
const DL = 'grid gap-x-6 gap-y-2 md:grid-cols-[12rem_1fr]';

function Summary({ e }: { e: Engagement }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <dl className={`${DL} mb-8 rounded-8 border border-solid-gray-420 p-4`}>
      <dt className="font-bold">{t('eng.colMunicipality')}</dt>
      <dd>
        {e.municipalityName}
        {e.regionName && `（${e.regionName}）`}
      </dd>
      <dt className="font-bold">{e.status === 'planned' ? t('eng.plannedOn') : t('eng.colDate')}</dt>
      <dd>
        {formatDate(e.occurredOn, locale)}（{formatNendo(e.nendo, locale)}）
      </dd>
      {e.place && (
        <>
          <dt className="font-bold">{t('eng.form.place')}</dt>
          <dd>{e.place}</dd>
        </>
      )}
      {e.kind !== 'four_division' && (
        <>
          <dt className="font-bold">{t('eng.form.divisions')}</dt>
          <dd>{e.divisions.map((d) => vocab(t, DIVISION_LABELS, d)).join('・') || t('common.none')}</dd>
        </>
      )}
      {e.attendees && (
        <>
          <dt className="font-bold">{t('eng.form.attendees')}</dt>
          <dd>{e.attendees}</dd>
        </>
      )}
      <dt className="font-bold">{t('eng.colRecordedBy')}</dt>
      <dd>
        {e.recordedByName}
        {e.recordedByMunicipality && `（${t('eng.byMunicipality')}）`}
        <span className="block text-dns-14N-130 text-solid-gray-700">
          {t('eng.updated', { name: e.updatedByName, at: formatDateTime(e.updatedAt, locale) })}
        </span>
      </dd>
      {e.goodExample && (
        <>
          <dt className="font-bold">{t('eng.goodExample')}</dt>
          <dd>
            <GoodExampleBadge uses={e.goodExampleUses} />
            {e.goodExampleNote && <span className="block">{e.goodExampleNote}</span>}
          </dd>
        </>
      )}
    </dl>
  );
}

function KindDetails({ e }: { e: Engagement }) {
  const t = useT();
  if (e.kind === 'hearing') {
    return (
      <Section title={t('eng.form.hearingItems')} id="hearing-items">
        <dl className={DL}>
          {HEARING_ITEMS.map((item) => (
            <div key={item} className="contents">
              <dt className="font-bold">{vocab(t, HEARING_ITEM_LABELS, item)}</dt>
              <dd className="whitespace-pre-wrap">{e.hearing[item] ?? t('eng.notHeard')}</dd>
            </div>
          ))}
        </dl>
      </Section>
    );
  }
  if (e.kind === 'four_division') {
    if (e.status === 'planned') {
      return (
        <Section title={t('eng.form.divisionsAttended')} id="divisions">
          <p>{t('eng.plannedDivisions')}</p>
        </Section>
      );
    }
    return (
      <Section title={t('eng.form.divisionsAttended')} id="divisions">
        <ul className="list-disc pl-6">
          {DIVISIONS.map((d) => (
            <li key={d}>
              {vocab(t, DIVISION_LABELS, d)}：{e.divisions.includes(d) ? t('eng.attended') : t('eng.absent')}
            </li>
          ))}
        </ul>
      </Section>
    );
  }
  return (
    <Section title={t('eng.analysis')} id="analysis">
      <Table caption={t('eng.analysis')}>
        <thead>
          <tr>
            <Th>{t('eng.field')}</Th>
            <Th>{t('eng.code')}</Th>
            <Th>{t('eng.noteCol')}</Th>
          </tr>
        </thead>
        <tbody>
          {SUPPORT_FIELDS.map((f) => (
            <tr key={f}>
              <RowTh>{vocab(t, SUPPORT_FIELD_LABELS, f)}</RowTh>
              <Td>{vocab(t, SUPPORT_FIELD_VOCAB[f].labels as Labels<string>, e[f])}</Td>
              <Td className="whitespace-pre-wrap">{e.analysisNotes[f] ?? t('common.none')}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Section>
  );
}

function EngagementScreen() {
  const t = useT();
  const { engagementId } = useParams({ strict: false }) as { engagementId: string };
  const query = useEngagement(engagementId);
  const options = useEngagementOptions();
  const update = useUpdateEngagement();
  const [mode, setMode] = useState<'view' | 'edit' | 'held' | 'good'>('view');
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'info' } | null>(null);
  // Another municipality's record, or one outside the area, reads as an unknown one (as the API's 404 says).
  if (isApiError(query.error, 'not_found')) return <NotFoundPage />;
  return (
    <QueryState query={query}>
      {(e) => (
        <Page title={e.subject}>
          <p className="mb-4 flex flex-wrap gap-2">
            <KindBadge kind={e.kind} />
            <PlannedBadge status={e.status} />
          </p>
          <p className="mb-4 flex flex-wrap gap-x-6 gap-y-2">
            <Link to="/engagements" search={{ municipalityCode: e.municipalityCode }} className={LINK}>
              {t('eng.moreOfMunicipality', { name: e.municipalityName })}
            </Link>
            <RaiseIssueLink kind="hearing" id={e.id} />
            {e.goodExample && <WriteUpLink kind="engagement" id={e.id} />}
          </p>
          <StatusMessage tone={message?.tone}>{message?.text}</StatusMessage>
          {e.canEdit && mode === 'view' && (
            <div className="mb-6 flex flex-wrap gap-3 print:hidden">
              {e.status === 'planned' && (
                <Button
                  onClick={() => {
                    setMessage(null);
                    setMode('held');
                  }}
                >
                  {t('eng.recordHeld')}
                </Button>
              )}
              <Button
                variant={e.status === 'planned' ? 'secondary' : 'primary'}
                onClick={() => {
                  setMessage(null);
                  setMode('edit');
                }}
              >
                {t('common.edit')}
              </Button>
              <Button
                variant="secondary"
                onClick={() => {
                  setMessage(null);
                  setMode('good');
                }}
              >
                {e.goodExample ? t('eng.good.change') : t('eng.good.open')}
              </Button>
            </div>
          )}
          {mode === 'good' && (
            <GoodExampleForm
              e={e}
              onCancel={() => setMode('view')}
              onDone={() => {
                setMode('view');
                setMessage({ text: t('common.saved'), tone: 'success' });
              }}
              onConflict={() => {
                setMode('view');
                setMessage({ text: t('eng.conflict'), tone: 'info' });
              }}
            />
          )}
          {mode === 'edit' || mode === 'held' ? (
            <Section title={mode === 'held' ? t('eng.recordHeld') : t('eng.editTitle')} id="edit">
              <EngagementForm
                kind={e.kind}
                initial={{
                  ...draftOf(e, e.municipalityCode, e.occurredOn),
                  ...(mode === 'held' ? { status: 'held' } : {}),
                }}
                municipalities={
                  options.data?.municipalities ?? [{ code: e.municipalityCode, name: e.municipalityName }]
                }
                error={update.error}
                pending={update.isPending}
                submitLabel={t('common.save')}
                onCancel={() => setMode('view')}
                onSubmit={(draft) =>
                  update.mutate(
                    { id: e.id, body: { ...draft, version: e.version } },
                    {
                      onSuccess: () => {
                        setMode('view');
                        setMessage({ text: t('common.saved'), tone: 'success' });
                      },
                      onError: (err) => {
                        if (isApiError(err, 'conflict')) {
                          setMode('view');
                          setMessage({ text: t('eng.conflict'), tone: 'info' });
                        }
                      },
                    },
                  )
                }
              />
            </Section>
          ) : (
            <>
              <Summary e={e} />
              <KindDetails e={e} />
              {e.notes && (
                <Section
                  title={t(e.kind === 'support' ? 'eng.form.notesSupport' : 'eng.form.notes')}
                  id="notes"
                >
                  <p className="whitespace-pre-wrap">{e.notes}</p>
                </Section>
              )}
              <RaisedIssues kind="hearing" id={e.id} />
            </>
          )}
        </Page>
      )}
    </QueryState>
  );
}

export const EngagementPage = forTrainingRoles(readsEngagements, EngagementScreen);
