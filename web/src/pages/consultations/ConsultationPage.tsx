import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { type Translate, useLocale, useT } from '../../i18n';
import { isApiError } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import {
  ACTION_KINDS,
  type ConsultationDetail,
  OUTCOMES,
  type TeamChoices,
  type TeamRef,
  useAddAction,
  useCloseConsultation,
  useConsultation,
  useConsultationTeams,
  useDecideHandoff,
  useRequestHandoff,
  useSimilarConsultations,
  useUpdateConsultation,
} from '../../lib/queries/consultations';
import { NotFoundPage } from '../NotFoundPage';
import { readsConsultations } from './access';
import { forConsultationRoles } from './Guard';
import {
  actionLabel,
  askerLabel,
  channelLabel,
  dayInJapan,
  handoffKindLabel,
  handoffStatusLabel,
  outcomeLabel,
  tierLabel,
  topicLabel,
  urgencyLabel,
} from './labels';

/** The consultation page: details, child, timeline, requests and shares, close, similar past cases. */
function Consultation() {
  const t = useT();
  const { locale } = useLocale();
  const { consultationId } = useParams({ strict: false }) as { consultationId: string };
  const query = useConsultation(consultationId);
  if (isApiError(query.error, 'not_found') || (isApiError(query.error) && query.error.status === 404)) {
    return <NotFoundPage />;
  }
  return (
    <QueryState query={query}>
      {(c) => (
        <Page title={t('consult.detail.title', { date: formatDate(dayInJapan(c.openedAt), locale) })}>
          <p className="mb-6">
            <Link to="/consultations" className="text-key-900 underline underline-offset-4">
              {t('consult.detail.back')}
            </Link>
          </p>
          <Details c={c} />
          {c.allowedActions.includes('update') && !c.closedAt && <NextActionForm c={c} />}
          <Timeline c={c} />
          {c.allowedActions.includes('addAction') && <AddAction c={c} />}
          <Handoffs c={c} />
          {(c.allowedActions.includes('requestHandoff') ||
            c.allowedActions.includes('requestBackup') ||
            c.allowedActions.includes('requestSupervise')) && <RequestForm c={c} />}
          {c.allowedActions.includes('close') && <CloseForm c={c} />}
          <Similar id={c.id} />
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

function childText(t: Translate, c: ConsultationDetail, locale: 'ja' | 'en') {
  const child = c.child;
  if (child.detailsHidden) return t('consult.child.hidden');
  if (child.kind === 'anonymous') return t('consult.child.anonymous');
  if (child.kind === 'unregistered') {
    return `${t('consult.child.unregistered')}${child.description ? `${t('consult.sep.label')}${child.description}` : ''}`;
  }
  const parts = [child.name, child.kana, child.birthDate ? formatDate(child.birthDate, locale) : null];
  return parts.filter(Boolean).join(' ');
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
        <Row label={t('consult.detail.owner')}>
          {t('consult.withTier', { name: c.ownerTeam.name, tier: tierLabel(t, c.ownerTeam.tier) })}
        </Row>
        <Row label={t('consult.detail.firstTier')}>{tierLabel(t, c.firstTier)}</Row>
        <Row label={t('consult.col.asker')}>{askerLabel(t, c.askerKind)}</Row>
        <Row label={t('consult.detail.channel')}>{channelLabel(t, c.channel)}</Row>
        {c.askerContact && <Row label={t('consult.detail.contact')}>{c.askerContact}</Row>}
        <Row label={t('consult.detail.child')}>
          {childText(t, c, locale)}
          {c.child.childId && (
            <>
              {' '}
              <Link
                to="/children/$childId"
                params={{ childId: c.child.childId }}
                className="text-key-900 underline underline-offset-4"
              >
                {t('consult.child.openRecord')}
              </Link>
            </>
          )}
        </Row>
        <Row label={t('consult.col.topics')}>
          {c.topics.map((x) => topicLabel(t, x)).join(t('consult.sep.list'))}
        </Row>
        <Row label={t('consult.col.urgency')}>{urgencyLabel(t, c.urgency)}</Row>
        <Row label={t('consult.detail.nextAction')}>
          {c.dueOn ? formatDate(c.dueOn, locale) : '—'}
          {c.overdue && <strong className="ml-2 text-error-2">{t('consult.overdue')}</strong>}
        </Row>
        <Row label={t('consult.detail.narrative')}>{c.narrative}</Row>
        {c.shares.length > 0 && (
          <Row label={t('consult.shares')}>{c.shares.map((s) => s.name).join(t('consult.sep.list'))}</Row>
        )}
      </dl>
    </Section>
  );
}

function NextActionForm({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const update = useUpdateConsultation(c.id);
  const [date, setDate] = useState(c.nextActionOn ?? '');
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    update.mutate({ version: c.version, nextActionOn: date || null }, { onSuccess: () => setSaved(true) });
  };
  return (
    <Section title={t('consult.next.title')} id="consult-next-action">
      <form onSubmit={submit} noValidate className="flex max-w-2xl flex-wrap items-end gap-4">
        <TextField
          type="date"
          label={t('consult.detail.nextAction')}
          hint={t('consult.next.hint')}
          value={date}
          onChange={setDate}
        />
        <Button type="submit" variant="secondary" disabled={update.isPending} className="mb-5">
          {t('consult.next.save')}
        </Button>
      </form>
      {update.error && <ApiErrorAlert error={update.error} />}
      <StatusMessage>{saved ? t('consult.next.saved') : null}</StatusMessage>
    </Section>
  );
}

function Timeline({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <Section title={t('consult.timeline')} id="consult-timeline">
      {c.timeline.length === 0 ? (
        <p>{t('consult.timeline.empty')}</p>
      ) : (
        <ol className="space-y-3">
          {c.timeline.map((a) => (
            <li key={a.id} className="rounded-8 border border-solid-gray-300 px-4 py-3">
              <p className="text-std-16B-170">
                {formatDateTime(a.at, locale)}
                {t('consult.sep.gap')}
                {actionLabel(t, a.kind)}
                {a.minutes !== null
                  ? `${t('consult.sep.gap')}${t('consult.timeline.minutes', { n: a.minutes })}`
                  : ''}
                {a.byName ? `${t('consult.sep.gap')}${a.byName}` : ''}
              </p>
              {a.resourceText && <p>{a.resourceText}</p>}
              {a.note && <p className="whitespace-pre-wrap">{a.note}</p>}
              {a.followUpOn && (
                <p>
                  {t('consult.timeline.followUp', { date: formatDate(a.followUpOn, locale) })}
                  {a.followUpDoneAt && `${t('consult.sep.gap')}${t('consult.timeline.followUpDone')}`}
                  {a.followUpOverdue && <strong className="ml-2 text-error-2">{t('consult.overdue')}</strong>}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

function AddAction({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const add = useAddAction(c.id);
  const [kind, setKind] = useState<string>('call');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [resource, setResource] = useState('');
  const [followUpOn, setFollowUpOn] = useState('');
  const [nextActionOn, setNextActionOn] = useState('');
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    add.mutate(
      {
        kind,
        minutes: minutes ? Number(minutes) : null,
        note: note || undefined,
        resourceText: kind === 'referral' ? resource || undefined : undefined,
        followUpOn: kind === 'referral' ? followUpOn || null : null,
        nextActionOn: nextActionOn || undefined,
      },
      {
        onSuccess: () => {
          setSaved(true);
          setNote('');
          setResource('');
          setFollowUpOn('');
          setMinutes('');
          setNextActionOn('');
        },
      },
    );
  };
  return (
    <Section title={t('consult.addAction')} id="consult-add-action">
      <form onSubmit={submit} noValidate className="max-w-2xl">
        <SelectField
          label={t('consult.addAction.kind')}
          value={kind}
          onChange={setKind}
          options={ACTION_KINDS.map((k) => ({ value: k, label: actionLabel(t, k) }))}
        />
        {kind === 'referral' && (
          <>
            <TextField
              label={t('consult.addAction.resource')}
              value={resource}
              onChange={setResource}
              required
            />
            <TextField
              type="date"
              label={t('consult.addAction.followUpOn')}
              hint={t('consult.addAction.followUpHint')}
              value={followUpOn}
              onChange={setFollowUpOn}
              required
            />
          </>
        )}
        <TextField
          type="number"
          inputMode="numeric"
          min={0}
          label={t('consult.addAction.minutes')}
          value={minutes}
          onChange={setMinutes}
        />
        <TextAreaField
          label={t('consult.addAction.note')}
          hint={t('consult.addAction.noteHint')}
          value={note}
          onChange={setNote}
        />
        <TextField
          type="date"
          label={t('consult.addAction.nextActionOn')}
          value={nextActionOn}
          onChange={setNextActionOn}
        />
        {add.error && <ApiErrorAlert error={add.error} />}
        <Button type="submit" disabled={add.isPending}>
          {t('consult.addAction.save')}
        </Button>
        <StatusMessage>{saved ? t('consult.addAction.saved') : null}</StatusMessage>
      </form>
    </Section>
  );
}

function Handoffs({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const decide = useDecideHandoff(c.id);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  return (
    <Section title={t('consult.handoffs')} id="consult-handoffs">
      {c.handoffs.length === 0 ? (
        <p>{t('consult.handoffs.empty')}</p>
      ) : (
        <ul className="space-y-3">
          {c.handoffs.map((h) => (
            <li key={h.id} className="rounded-8 border border-solid-gray-300 px-4 py-3">
              <p className="text-std-16B-170">
                {handoffKindLabel(t, h.kind)}
                {t('consult.sep.label')}
                {handoffStatusLabel(t, h.status)}
                {t('consult.sep.gap')}
                {formatDateTime(h.requestedAt, locale)}
              </p>
              <p>{t('consult.handoffs.from', { from: h.fromTeam.name, to: h.toTeam.name })}</p>
              {h.reason && <p>{t('consult.handoffs.reason', { reason: h.reason })}</p>}
              {h.decisionReason && (
                <p>{t('consult.handoffs.decisionReason', { reason: h.decisionReason })}</p>
              )}
              {h.actions.length > 0 && (
                <div className="mt-2">
                  {h.actions.includes('decline') && (
                    <TextField
                      label={t('consult.handoffs.declineReason')}
                      value={reasons[h.id] ?? ''}
                      onChange={(v) => setReasons({ ...reasons, [h.id]: v })}
                    />
                  )}
                  <div className="flex flex-wrap gap-2">
                    {h.actions.map((a) => (
                      <Button
                        key={a}
                        variant={a === 'accept' ? 'primary' : 'secondary'}
                        disabled={decide.isPending}
                        onClick={() => {
                          setDone(false);
                          decide.mutate(
                            {
                              handoffId: h.id,
                              decision: a,
                              reason: a === 'decline' ? reasons[h.id] : undefined,
                            },
                            { onSuccess: () => setDone(true) },
                          );
                        }}
                      >
                        {t(`consult.handoffs.${a}`)}
                      </Button>
                    ))}
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {decide.error && <ApiErrorAlert error={decide.error} />}
      <StatusMessage>{done ? t('consult.handoffs.done') : null}</StatusMessage>
    </Section>
  );
}

/** Team choices as select options: value encodes the team reference. */
function teamOptions(t: Translate, teams: TeamChoices | undefined, kind: string) {
  if (!teams) return [];
  if (kind === 'supervise')
    return teams.superviseTeams.map((s) => ({ value: `team:${s.id}`, label: s.name }));
  return [
    { value: 'centre', label: t('consult.request.toCentre') },
    ...teams.regions.map((r) => ({
      value: `region:${r.id}`,
      label: `${t('consult.tier.region')}${t('consult.sep.label')}${r.name}`,
    })),
    ...teams.branches.map((b) => ({ value: `branch:${b.id}`, label: b.name })),
    ...teams.municipalities.map((m) => ({
      value: `muni:${m.code}`,
      label: `${t('consult.tier.municipality')}${t('consult.sep.label')}${m.name}`,
    })),
  ];
}

function teamRefOf(value: string): TeamRef | null {
  const [k, v] = value.split(':');
  if (k === 'centre') return { tier: 'centre' };
  if (!v) return null;
  if (k === 'region') return { tier: 'region', regionId: v };
  if (k === 'branch') return { tier: 'region', centreId: v };
  if (k === 'muni') return { tier: 'municipality', municipalityCode: v };
  if (k === 'team') return { teamId: v };
  return null;
}

function RequestForm({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const teams = useConsultationTeams();
  const send = useRequestHandoff(c.id);
  const kinds = (
    [
      ['handoff', 'requestHandoff'],
      ['backup', 'requestBackup'],
      ['supervise', 'requestSupervise'],
    ] as const
  )
    .filter(([, a]) => c.allowedActions.includes(a))
    .map(([k]) => k);
  const [kind, setKind] = useState<(typeof kinds)[number]>(kinds[0] ?? 'handoff');
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  const [keep, setKeep] = useState(false);
  const [sent, setSent] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const ref = teamRefOf(to);
    if (!ref) return;
    setSent(false);
    send.mutate(
      { kind, to: ref, reason: reason || undefined, keepAsBackup: kind === 'handoff' ? keep : undefined },
      {
        onSuccess: () => {
          setSent(true);
          setReason('');
          setTo('');
        },
      },
    );
  };
  return (
    <Section title={t('consult.request')} id="consult-request">
      <form onSubmit={submit} noValidate className="max-w-2xl">
        <SelectField
          label={t('consult.request.kind')}
          value={kind}
          onChange={(v) => {
            setKind(v as typeof kind);
            setTo('');
          }}
          options={kinds.map((k) => ({ value: k, label: handoffKindLabel(t, k) }))}
        />
        <SelectField
          label={t('consult.request.to')}
          value={to}
          emptyLabel="—"
          onChange={setTo}
          options={teamOptions(t, teams.data, kind)}
          required
        />
        <TextAreaField label={t('consult.request.reason')} value={reason} onChange={setReason} />
        {kind === 'handoff' && (
          <Checkbox label={t('consult.request.keepAsBackup')} checked={keep} onChange={setKeep} />
        )}
        {send.error && <ApiErrorAlert error={send.error} />}
        <Button type="submit" disabled={send.isPending || !to} className="mt-2">
          {t('consult.request.send')}
        </Button>
        <StatusMessage>{sent ? t('consult.request.sent') : null}</StatusMessage>
      </form>
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

function Similar({ id }: { id: string }) {
  const t = useT();
  const { locale } = useLocale();
  const query = useSimilarConsultations(id);
  return (
    <Section title={t('consult.similar')} id="consult-similar">
      <p className="mb-3 text-solid-gray-700">{t('consult.similar.intro')}</p>
      <QueryState query={query}>
        {(data) =>
          data.items.length === 0 ? (
            <p>{t('consult.similar.empty')}</p>
          ) : (
            <ul className="space-y-3">
              {data.items.map((s) => (
                <li key={s.id} className="rounded-8 border border-solid-gray-300 px-4 py-3">
                  <p className="text-std-16B-170">
                    <Link
                      to="/consultations/$consultationId"
                      params={{ consultationId: s.id }}
                      className="text-key-900 underline underline-offset-4"
                    >
                      {formatDate(s.openedOn, locale)}
                      {t('consult.sep.gap')}
                      {s.municipalityName ?? ''}
                    </Link>
                    {t('consult.sep.gap')}
                    {s.topics.map((x) => topicLabel(t, x)).join(t('consult.sep.list'))}
                  </p>
                  <p className="whitespace-pre-wrap">{s.narrative}</p>
                  <p>
                    {t('consult.similar.resolvedBy', {
                      team: s.resolvedTeamName ?? '—',
                      tier: s.resolvedTier ? tierLabel(t, s.resolvedTier) : '—',
                      person: s.resolvedByName ?? '',
                    })}
                    {s.outcome ? `${t('consult.sep.gap')}${outcomeLabel(t, s.outcome)}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
    </Section>
  );
}

export const ConsultationPage = forConsultationRoles(readsConsultations, Consultation);
