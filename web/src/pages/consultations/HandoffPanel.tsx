import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, SelectField, TextAreaField, TextField } from '../../components/Field';
import { Section } from '../../components/Page';
import { type Translate, useLocale, useT } from '../../i18n';
import { systemText } from '../../i18n/vocab';
import { formatDateTime } from '../../lib/format';
import {
  type ConsultationDetail,
  type TeamChoices,
  type TeamRef,
  useConsultationTeams,
  useDecideHandoff,
  useRequestHandoff,
} from '../../lib/queries/consultations';
import { handoffKindLabel, handoffStatusLabel, tierLabel } from './labels';
import { SuperviseProposal } from './SuperviseProposal';

/** Requests of the case (hand-off, back-up, supervise) with their decisions, and the form to ask for one. */
export function Handoffs({ c }: { c: ConsultationDetail }) {
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
              {h.systemReason && (
                <p>{t('consult.handoffs.reason', { reason: systemText(t, h.systemReason) })}</p>
              )}
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
      label: `${tierLabel(t, 'region')}${t('consult.sep.label')}${r.name}`,
    })),
    ...teams.branches.map((b) => ({ value: `branch:${b.id}`, label: b.name })),
    ...teams.municipalities.map((m) => ({
      value: `muni:${m.code}`,
      label: `${tierLabel(t, 'municipality')}${t('consult.sep.label')}${m.name}`,
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

export function RequestForm({ c }: { c: ConsultationDetail }) {
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
  const [chosen, setChosen] = useState<string | null>(null);
  const chosenName = teams.data?.superviseTeams.find((x) => x.id === chosen)?.name;
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
        {kind === 'supervise' && (
          <SuperviseProposal
            consultationId={c.id}
            onChoose={(teamId, note) => {
              setTo(`team:${teamId}`);
              setChosen(teamId);
              if (!reason.trim()) setReason(note);
            }}
          />
        )}
        <SelectField
          label={t('consult.request.to')}
          value={to}
          emptyLabel="—"
          onChange={setTo}
          options={teamOptions(t, teams.data, kind)}
          required
        />
        <StatusMessage tone="info">
          {chosen && chosenName && to === `team:${chosen}`
            ? t('consult.proposal.chosen', { team: chosenName })
            : null}
        </StatusMessage>
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
