import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatDate } from '../../lib/format';
import {
  type ConsultationDetail,
  OUTCOMES,
  useCloseConsultation,
  useConsultation,
} from '../../lib/queries/consultations';
import { WhoSolvedThis } from '../good-practices/WhoSolvedThis';
import { WriteUpLink } from '../good-practices/WriteUpLink';
import { HandOutPanel } from '../library/HandOutPanel';
import { NotFoundPage } from '../NotFoundPage';
import { RaiseIssueLink } from '../regional-issues/RaiseIssueLink';
import { readsSharedCases } from './access';
import { CaseActions, CaseHeader } from './CaseHeader';
import { CaseTimeline, OverdueFollowUps } from './CaseTimeline';
import { forConsultationRoles } from './Guard';
import { Handoffs } from './HandoffPanel';
import { askerWithDivision, channelLabel, dayInJapan, outcomeLabel, tierLabel, topicLabel } from './labels';
import { SimilarCases } from './SimilarCases';

/**
 * The consultation page: the number and subject as its title, a header with the child, status, owning team,
 * assignee and next action; overdue follow-ups; the actions (record, next action, assignee, requests, close),
 * each opening its form; then the timeline, requests and shares, the details, similar past cases.
 */
function Consultation() {
  const t = useT();
  const { consultationId } = useParams({ strict: false }) as { consultationId: string };
  const query = useConsultation(consultationId);
  if (isApiError(query.error, 'not_found') || (isApiError(query.error) && query.error.status === 404)) {
    return <NotFoundPage />;
  }
  return (
    <QueryState query={query}>
      {(c) => (
        <Page title={t('consult.detail.titleNumbered', { number: c.caseNumber, subject: c.subject })}>
          <p className="mb-6 flex flex-wrap gap-x-6 gap-y-2">
            <Link to="/consultations" className="text-key-900 underline underline-offset-4">
              {t('consult.detail.back')}
            </Link>
            <Link
              to="/consultations/$consultationId/print"
              params={{ consultationId: c.id }}
              className="text-key-900 underline underline-offset-4"
            >
              {t('consult.detail.printLink')}
            </Link>
            <RaiseIssueLink kind="consultation" id={c.id} />
            <WriteUpLink kind="consultation" id={c.id} />
          </p>
          <CaseHeader c={c} />
          <OverdueFollowUps c={c} />
          <CaseActions c={c} closeForm={<CloseForm c={c} />} />
          <CaseTimeline c={c} />
          <HandOutPanel c={c} />
          <Handoffs c={c} />
          <Details c={c} />
          <SimilarCases id={c.id} />
          <WhoSolvedThis consultationId={c.id} />
        </Page>
      )}
    </QueryState>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-solid-gray-200 py-2 md:grid-cols-[14rem_1fr]">
      <dt className="text-std-16B-170 text-solid-gray-900">{label}</dt>
      <dd className="text-std-16N-170 whitespace-pre-wrap text-solid-gray-900">{children}</dd>
    </div>
  );
}

function Details({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Section title={t('consult.detail.details')} id="consult-details">
      {c.closedAt && (
        <StatusMessage tone="info">
          {t('consult.detail.closed', {
            date: formatDate(dayInJapan(c.closedAt), locale),
            outcome: c.outcome ? outcomeLabel(t, c.outcome) : '',
          })}
          {c.closingNote ? ` ${t('consult.paren', { text: c.closingNote })}` : ''}
        </StatusMessage>
      )}
      <dl>
        {c.receiptNo && <Row label={t('consult.detail.receipt')}>{c.receiptNo}</Row>}
        <Row label={t('consult.col.municipality')}>{c.municipalityName ?? c.municipalityCode}</Row>
        <Row label={t('consult.detail.firstTier')}>{tierLabel(t, c.firstTier)}</Row>
        <Row label={t('consult.col.asker')}>{askerWithDivision(t, c)}</Row>
        {c.askerOrganisation && (
          <Row label={t('consult.form.askerOrganisation')}>{c.askerOrganisation.name}</Row>
        )}
        <Row label={t('consult.detail.channel')}>{channelLabel(t, c.channel)}</Row>
        {c.askerContact && <Row label={t('consult.detail.contact')}>{c.askerContact}</Row>}
        <Row label={t('consult.col.topics')}>
          {c.topics.map((x) => topicLabel(t, x)).join(t('consult.sep.list'))}
        </Row>
        <Row label={t('consult.detail.narrative')}>{c.narrative}</Row>
        {c.shares.length > 0 && (
          <Row label={t('consult.shares')}>{c.shares.map((s) => s.name).join(t('consult.sep.list'))}</Row>
        )}
      </dl>
    </Section>
  );
}

function CloseForm({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const close = useCloseConsultation(c.id);
  const [outcome, setOutcome] = useState<string>('resolved');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    close.mutate({ version: c.version, outcome, note: note || undefined });
  };
  return (
    <Section title={t('consult.close')} id="consult-close">
      <form onSubmit={submit} noValidate className="max-w-2xl">
        <SelectField
          label={t('consult.close.outcome')}
          value={outcome}
          onChange={setOutcome}
          options={OUTCOMES.map((o) => ({ value: o, label: outcomeLabel(t, o) }))}
        />
        <TextAreaField label={t('consult.close.note')} value={note} onChange={setNote} />
        {close.error && <ApiErrorAlert error={close.error} />}
        <Button type="submit" variant="danger" disabled={close.isPending}>
          {t('consult.close')}
        </Button>
      </form>
    </Section>
  );
}

export const ConsultationPage = forConsultationRoles(readsSharedCases, Consultation);
