import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { CARE_ITEM_CODES, careItemLabel } from '../../../../src/shared/vocab/care-items';
import {
  ISSUE_LEVEL_LABELS,
  ISSUE_OUTCOME_LABELS,
  ISSUE_OUTCOMES,
  type IssueLevel,
} from '../../../../src/shared/vocab/regional-issues';
import { StatusMessage } from '../../components/Alert';
import { Button, buttonClass } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Section } from '../../components/Page';
import { type MessageKey, useLocale, useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDate } from '../../lib/format';
import {
  type RegionalIssue,
  useCandidates,
  useIssueOptions,
  useIssueStep,
} from '../../lib/queries/regional-issues';
import { SaveError } from '../learning/courses/shared';

type Action = 'edit' | 'carryUp' | 'sendBack' | 'answer' | 'close' | 'reopen' | 'link';
const ORDER: Action[] = ['carryUp', 'answer', 'link', 'edit', 'sendBack', 'close', 'reopen'];
const NEXT: Record<IssueLevel, IssueLevel | null> = {
  region: 'prefecture_council',
  prefecture_council: 'proposal',
  proposal: null,
  answered: null,
};
const BACK: Record<IssueLevel, IssueLevel | null> = {
  region: null,
  prefecture_council: 'region',
  proposal: 'prefecture_council',
  answered: null,
};

function EditForm({ i, onDone }: { i: RegionalIssue; onDone: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const step = useIssueStep(i.id, onDone);
  const options = useIssueOptions();
  const [title, setTitle] = useState(i.title);
  const [description, setDescription] = useState(i.description);
  const [careItem, setCareItem] = useState(i.careItem ?? '');
  const [owner, setOwner] = useState(i.owner?.id ?? '');
  const [nextStep, setNextStep] = useState(i.nextStep ?? '');
  const [nextStepOn, setNextStepOn] = useState(i.nextStepOn ?? '');
  const owners = options.data?.owners ?? [];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: Record<string, unknown> = {
      version: i.version,
      title: title.trim(),
      description: description.trim(),
      careItem: careItem || null,
      nextStep: nextStep.trim() || null,
      nextStepOn: nextStepOn || null,
    };
    if (owners.length) body.ownerUserId = owner || null;
    step.mutate({ step: 'edit', body });
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl">
      <TextField label={t('ri.f.title')} value={title} onChange={setTitle} required />
      <TextAreaField
        label={t('ri.f.description')}
        value={description}
        onChange={setDescription}
        rows={5}
        required
      />
      <SelectField
        label={t('ri.careItem')}
        value={careItem}
        onChange={setCareItem}
        emptyLabel={t('ri.f.noCareItem')}
        options={CARE_ITEM_CODES.map((c) => ({ value: c, label: careItemLabel(c, locale, true) }))}
      />
      {owners.length > 0 && (
        <SelectField
          label={t('ri.owner')}
          value={owner}
          onChange={setOwner}
          emptyLabel={t('ri.noOwner')}
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
        />
      )}
      <TextField label={t('ri.nextStep')} value={nextStep} onChange={setNextStep} />
      <TextField label={t('ri.f.nextStepOn')} type="date" value={nextStepOn} onChange={setNextStepOn} />
      <SaveError<RegionalIssue> mutation={step} onReload={() => undefined} />
      <Button type="submit" disabled={step.isPending}>
        {t('ri.save')}
      </Button>
    </form>
  );
}

function LinkForm({ i, onDone }: { i: RegionalIssue; onDone: () => void }) {
  const t = useT();
  const { locale } = useLocale();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState('');
  const candidates = useCandidates(i.id, asked, true);
  const step = useIssueStep(i.id, onDone);
  const items = candidates.data?.items ?? [];
  return (
    <div className="max-w-3xl">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setAsked(q.trim());
        }}
        className="flex flex-wrap items-end gap-3"
      >
        <TextField
          label={t('ri.link.q')}
          hint={t('ri.link.hint')}
          value={q}
          onChange={setQ}
          wrapperClassName="mb-0"
        />
        <Button type="submit" variant="secondary" className="mb-5">
          {t('common.search')}
        </Button>
      </form>
      {candidates.data && items.length === 0 && <p role="status">{t('ri.link.none')}</p>}
      <ul className="space-y-2">
        {items.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center gap-3">
            <span>
              {c.number} {c.subject}（{c.municipalityName} ・{' '}
              {formatDate(c.openedOn, locale, { compact: true })}）
            </span>
            <Button
              variant="secondary"
              disabled={step.isPending}
              onClick={() => step.mutate({ step: 'link', consultationId: c.id })}
            >
              {t('ri.link.add')}
            </Button>
          </li>
        ))}
      </ul>
      {i.evidence.consultations.length > 0 && (
        <>
          <h3 className="mt-4 text-std-16B-170">{t('ri.link.linked')}</h3>
          <ul className="space-y-2">
            {i.evidence.consultations.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center gap-3">
                <span>
                  {c.number} {c.subject}
                </span>
                <Button
                  variant="secondary"
                  disabled={step.isPending}
                  onClick={() => step.mutate({ step: 'unlink', consultationId: c.id })}
                >
                  {t('ri.link.remove')}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
      <SaveError<RegionalIssue> mutation={step} onReload={() => undefined} />
    </div>
  );
}

function StepForm({ i, action, onDone }: { i: RegionalIssue; action: Action; onDone: () => void }) {
  const t = useT();
  const step = useIssueStep(i.id, onDone);
  const [text, setText] = useState('');
  const [on, setOn] = useState('');
  const [outcome, setOutcome] = useState<string>(i.level === 'answered' ? 'answered' : 'resolved');
  const [missing, setMissing] = useState(false);
  const to = action === 'carryUp' ? NEXT[i.level] : action === 'sendBack' ? BACK[i.level] : null;
  const needsText = action === 'sendBack' || action === 'answer' || action === 'reopen' || to === 'proposal';
  const textLabel: MessageKey =
    action === 'answer'
      ? 'ri.f.answerText'
      : to === 'proposal'
        ? 'ri.f.proposalText'
        : action === 'close'
          ? 'ri.f.note'
          : action === 'carryUp'
            ? 'ri.f.note'
            : 'ri.f.reason';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if ((needsText && !text.trim()) || (action === 'answer' && !on)) {
      setMissing(true);
      return;
    }
    const v = i.version;
    if (action === 'carryUp' || action === 'sendBack') {
      const body: Record<string, unknown> = {
        version: v,
        move: action === 'carryUp' ? 'carry_up' : 'send_back',
      };
      if (text.trim()) body.text = text.trim();
      if (on) body.on = on;
      step.mutate({ step: 'move', body });
    } else if (action === 'answer') {
      step.mutate({ step: 'answer', body: { version: v, answerText: text.trim(), answeredOn: on } });
    } else if (action === 'close') {
      step.mutate({
        step: 'close',
        body: { version: v, outcome, ...(text.trim() ? { note: text.trim() } : {}) },
      });
    } else {
      step.mutate({ step: 'reopen', body: { version: v, note: text.trim() } });
    }
  };
  const outcomes = ISSUE_OUTCOMES.filter(
    (o) => o !== 'development' && (o !== 'answered' || i.level === 'answered'),
  );
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl">
      {to && (
        <p className="mb-4">
          {t('ri.moveTo', {
            from: vocab(t, ISSUE_LEVEL_LABELS, i.level),
            to: vocab(t, ISSUE_LEVEL_LABELS, to),
          })}
        </p>
      )}
      {action === 'close' && (
        <SelectField
          label={t('ri.f.outcome')}
          hint={t('ri.f.outcome.hint')}
          value={outcome}
          onChange={setOutcome}
          options={outcomes.map((o) => ({ value: o, label: vocab(t, ISSUE_OUTCOME_LABELS, o) }))}
        />
      )}
      <TextAreaField
        label={t(textLabel)}
        value={text}
        onChange={setText}
        rows={4}
        required={needsText}
        error={
          missing && needsText && !text.trim() ? t('validation.required', { field: t(textLabel) }) : null
        }
      />
      {(action === 'carryUp' || action === 'answer') && (
        <TextField
          label={action === 'answer' ? t('ri.f.answeredOn') : t('ri.f.on')}
          hint={action === 'answer' ? undefined : t('ri.f.on.hint')}
          type="date"
          value={on}
          onChange={setOn}
          required={action === 'answer'}
          error={
            missing && action === 'answer' && !on
              ? t('validation.required', { field: t('ri.f.answeredOn') })
              : null
          }
        />
      )}
      <SaveError<RegionalIssue> mutation={step} onReload={() => undefined} />
      <Button type="submit" variant={action === 'close' ? 'danger' : 'primary'} disabled={step.isPending}>
        {t(`ri.action.${action}` as MessageKey)}
      </Button>
    </form>
  );
}

/** The actions the reader may take now; each opens its form. */
export function IssueActions({ i }: { i: RegionalIssue }) {
  const t = useT();
  const [open, setOpen] = useState<Action | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const allowed = ORDER.filter((a) => i.allowed[a]);
  if (allowed.length === 0 && !i.allowed.startProject)
    return message ? <StatusMessage>{message}</StatusMessage> : null;
  const done = () => {
    setMessage(t('ri.saved'));
    setOpen(open === 'link' ? 'link' : null);
  };
  return (
    <Section id="issue-actions" title={t('ri.actions')}>
      {message && <StatusMessage>{message}</StatusMessage>}
      <div className="mb-4 flex flex-wrap gap-3">
        {allowed.map((a) => (
          <Button
            key={a}
            variant={open === a ? 'primary' : 'secondary'}
            aria-pressed={open === a}
            onClick={() => setOpen(a)}
          >
            {t(`ri.action.${a}` as MessageKey)}
          </Button>
        ))}
        {i.allowed.startProject && (
          <Link
            to="/development-projects/new"
            search={{ issueId: i.id }}
            className={buttonClass('secondary', 'no-underline')}
          >
            {t('ri.action.startProject')}
          </Link>
        )}
      </div>
      {open === 'edit' && <EditForm key={i.version} i={i} onDone={done} />}
      {open === 'link' && <LinkForm i={i} onDone={done} />}
      {open && open !== 'edit' && open !== 'link' && i.allowed[open] && (
        <StepForm key={`${open}-${i.version}`} i={i} action={open} onDone={done} />
      )}
    </Section>
  );
}
