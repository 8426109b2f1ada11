import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Section } from '../../components/Page';
import { useLocale, useT } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import {
  type ConsultationDetail,
  RECORDED_ACTION_KINDS,
  useAddAction,
} from '../../lib/queries/consultations';
import { readsResources } from '../resources/access';
import { TimeAndNoteFields } from './ActionFields';
import { openReferrals, resourceLabel } from './case-text';
import { useRole } from './Guard';
import { actionLabel } from './labels';

type Action = ConsultationDetail['timeline'][number];

/** Referrals past their follow-up date, at the top of the page: they make the case overdue. */
export function OverdueFollowUps({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const late = openReferrals(c).filter((a) => a.followUpOverdue);
  if (late.length === 0) return null;
  return (
    <ErrorAlert>
      <p className="text-std-16B-170">{t('consult.followUp.overdueTitle', { n: late.length })}</p>
      <ul className="mt-1 list-disc pl-6">
        {late.map((a) => (
          <li key={a.id}>
            {t('consult.followUp.overdueItem', {
              name: resourceLabel(a),
              date: formatDate(a.followUpOn ?? '', locale),
            })}
          </li>
        ))}
      </ul>
      {c.allowedActions.includes('addAction') && (
        <p className="mt-1">
          <a href="#consult-timeline" className="underline underline-offset-4">
            {t('consult.followUp.goTimeline')}
          </a>
        </p>
      )}
    </ErrorAlert>
  );
}

/** The timeline; each open referral has a "follow-up done" button for those who may add to it. */
export function CaseTimeline({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const { locale } = useLocale();
  const role = useRole();
  const [open, setOpen] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // Held here, not in the form: the form unmounts once the referral shows as done, and a mutation's
  // per-call callbacks only run while the component that started it is mounted.
  const add = useAddAction(c.id);
  const mayAdd = c.allowedActions.includes('addAction');
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
              <ResourceLine a={a} linked={Boolean(role && readsResources(role))} />
              {a.note && <p className="whitespace-pre-wrap">{a.note}</p>}
              {a.followUpOn && (
                <p>
                  {t('consult.timeline.followUp', { date: formatDate(a.followUpOn, locale) })}
                  {t('consult.sep.gap')}
                  {a.followUpDoneAt ? t('consult.timeline.followUpDone') : t('consult.followUp.pending')}
                  {a.followUpOverdue && <strong className="ml-2 text-error-2">{t('consult.overdue')}</strong>}
                </p>
              )}
              {mayAdd && a.kind === 'referral' && a.followUpOn && !a.followUpDoneAt && (
                <div className="mt-2">
                  {open === a.id ? (
                    <FollowUpForm
                      add={add}
                      referral={a}
                      onDone={() => {
                        setOpen(null);
                        setSaved(true);
                      }}
                      onCancel={() => setOpen(null)}
                    />
                  ) : (
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setSaved(false);
                        add.reset();
                        setOpen(a.id);
                      }}
                    >
                      {t('consult.followUp.done')}
                    </Button>
                  )}
                </div>
              )}
            </li>
          ))}
        </ol>
      )}
      <StatusMessage>{saved ? t('consult.followUp.saved') : null}</StatusMessage>
    </Section>
  );
}

/** The referral's resource: a link to the directory's listing when the viewer may open it. */
function ResourceLine({ a, linked }: { a: Action; linked: boolean }) {
  if (a.resourceId && a.resourceName && linked) {
    return (
      <p>
        <Link
          to="/resources/services/$serviceId"
          params={{ serviceId: a.resourceId }}
          className="text-key-900 underline underline-offset-4"
        >
          {a.resourceName}
        </Link>
      </p>
    );
  }
  const text = a.resourceName ?? a.resourceText;
  return text ? <p>{text}</p> : null;
}

/** Records the follow-up of one referral (how, time spent, a note); the server marks the referral done. */
function FollowUpForm({
  add,
  referral,
  onDone,
  onCancel,
}: {
  add: ReturnType<typeof useAddAction>;
  referral: Action;
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [kind, setKind] = useState<string>('call');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    add.mutate(
      {
        kind,
        minutes: minutes ? Number(minutes) : null,
        note: note || undefined,
        followUpOf: referral.id,
      },
      { onSuccess: onDone },
    );
  };
  return (
    <form
      onSubmit={submit}
      noValidate
      className="max-w-2xl rounded-8 bg-solid-gray-50 px-4 py-3"
      aria-label={t('consult.followUp.formTitle', { name: resourceLabel(referral) })}
    >
      <p className="mb-2 text-std-16B-170">
        {t('consult.followUp.formTitle', { name: resourceLabel(referral) })}
      </p>
      <SelectField
        label={t('consult.followUp.how')}
        value={kind}
        onChange={setKind}
        options={RECORDED_ACTION_KINDS.filter((k) => k !== 'referral').map((k) => ({
          value: k,
          label: actionLabel(t, k),
        }))}
      />
      <TimeAndNoteFields minutes={minutes} onMinutes={setMinutes} note={note} onNote={setNote} />
      {add.error && <ApiErrorAlert error={add.error} />}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={add.isPending}>
          {t('consult.followUp.save')}
        </Button>
        <Button variant="text" onClick={onCancel}>
          {t('consult.followUp.cancel')}
        </Button>
      </div>
    </form>
  );
}
