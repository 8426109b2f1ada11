import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Section } from '../../components/Page';
import { useT } from '../../i18n';
import {
  type ConsultationDetail,
  RECORDED_ACTION_KINDS,
  useAddAction,
} from '../../lib/queries/consultations';
import { TimeAndNoteFields } from './ActionFields';
import { actionLabel } from './labels';
import { EMPTY_REFERRAL, type ReferralChoice, ReferralPicker } from './ReferralPicker';

/**
 * Adds an entry to the timeline. A referral names its resource (picked from the directory or in words) and
 * needs a follow-up date; the server checks both again (the listing must be one the actor may read).
 */
export function ActionForm({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const add = useAddAction(c.id);
  const [kind, setKind] = useState<string>('call');
  const [minutes, setMinutes] = useState('');
  const [note, setNote] = useState('');
  const [resource, setResource] = useState<ReferralChoice>(EMPTY_REFERRAL);
  const [followUpOn, setFollowUpOn] = useState('');
  const [nextActionOn, setNextActionOn] = useState('');
  const [saved, setSaved] = useState(false);
  const referral = kind === 'referral';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    add.mutate(
      {
        kind,
        minutes: minutes ? Number(minutes) : null,
        note: note || undefined,
        resourceId: referral && resource.resourceId ? resource.resourceId : undefined,
        resourceText: referral && !resource.resourceId ? resource.text || undefined : undefined,
        followUpOn: referral ? followUpOn || null : null,
        nextActionOn: nextActionOn || undefined,
      },
      {
        onSuccess: () => {
          setSaved(true);
          setNote('');
          setResource(EMPTY_REFERRAL);
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
          options={RECORDED_ACTION_KINDS.map((k) => ({ value: k, label: actionLabel(t, k) }))}
        />
        {referral && (
          <>
            <ReferralPicker c={c} value={resource} onChange={setResource} />
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
        <TimeAndNoteFields minutes={minutes} onMinutes={setMinutes} note={note} onNote={setNote} />
        {/* The owning team sets the next action date; a sharing team records its work only. */}
        {c.allowedActions.includes('update') && (
          <TextField
            type="date"
            label={t('consult.addAction.nextActionOn')}
            value={nextActionOn}
            onChange={setNextActionOn}
          />
        )}
        {add.error && <ApiErrorAlert error={add.error} />}
        <Button type="submit" disabled={add.isPending}>
          {t('consult.addAction.save')}
        </Button>
        <StatusMessage>{saved ? t('consult.addAction.saved') : null}</StatusMessage>
      </form>
    </Section>
  );
}
