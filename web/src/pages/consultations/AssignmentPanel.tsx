import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { Section } from '../../components/Page';
import { useT } from '../../i18n';
import { useSession } from '../../lib/queries/auth';
import { type ConsultationDetail, useUpdateConsultation } from '../../lib/queries/consultations';

/**
 * Reassigning the case within its owning team: a select of the team's members (from the server, which
 * refuses anyone else) and "assign to me". The version read is sent: a stale page answers 409.
 */
export function AssignmentPanel({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const me = useSession().data?.user?.id;
  const update = useUpdateConsultation(c.id);
  const [to, setTo] = useState('');
  const [saved, setSaved] = useState(false);
  const assign = (userId: string) => {
    setSaved(false);
    update.mutate(
      { version: c.version, assignedUserId: userId },
      {
        onSuccess: () => {
          setSaved(true);
          setTo('');
        },
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (to) assign(to);
  };
  const others = c.assignees.filter((a) => a.id !== c.assignedUserId);
  const canTakeIt = me !== undefined && me !== c.assignedUserId && c.assignees.some((a) => a.id === me);
  return (
    <Section title={t('consult.assign')} id="consult-assign">
      <p className="mb-3">
        {c.assignedUserName
          ? t('consult.assign.current', { name: c.assignedUserName })
          : t('consult.assign.none')}
      </p>
      <form onSubmit={submit} noValidate className="flex max-w-2xl flex-wrap items-end gap-4">
        <SelectField
          label={t('consult.assign.select')}
          hint={t('consult.assign.hint', { team: c.ownerTeam.name })}
          value={to}
          emptyLabel="—"
          onChange={setTo}
          options={others.map((a) => ({ value: a.id, label: a.name }))}
          wrapperClassName="min-w-64"
        />
        <Button type="submit" variant="secondary" disabled={update.isPending || !to} className="mb-5">
          {t('consult.assign.save')}
        </Button>
        {canTakeIt && (
          <Button variant="text" disabled={update.isPending} onClick={() => assign(me)} className="mb-5">
            {t('consult.assign.me')}
          </Button>
        )}
      </form>
      {update.error && <ApiErrorAlert error={update.error} />}
      <StatusMessage>{saved ? t('consult.assign.saved') : null}</StatusMessage>
    </Section>
  );
}
