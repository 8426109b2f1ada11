import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { useT } from '../../i18n';
import { type ConsultationDetail, useReplyToFamily } from '../../lib/queries/consultations';

const SUBJECT_MAX = 100;
const TEXT_MAX = 2000;

/**
 * A reply by mail to the family that asked on the public form (shown when the deployment sends mail and the
 * form left an address). Opened from the case's actions; it warns not to write health information. The server
 * checks everything again and records the reply on the timeline.
 */
export function ReplyForm({ c }: { c: ConsultationDetail }) {
  const t = useT();
  const reply = useReplyToFamily(c.id);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [errors, setErrors] = useState<{ subject?: string; text?: string }>({});
  const [sent, setSent] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSent(false);
    const s = subject.trim();
    const x = text.trim();
    const next = {
      subject: !s
        ? t('validation.required', { field: t('consult.reply.subject') })
        : [...s].length > SUBJECT_MAX
          ? t('consult.reply.subjectHint', { n: SUBJECT_MAX })
          : undefined,
      text: !x
        ? t('validation.required', { field: t('consult.reply.text') })
        : [...x].length > TEXT_MAX
          ? t('consult.reply.textHint', { n: TEXT_MAX })
          : undefined,
    };
    setErrors(next);
    if (next.subject || next.text) return;
    reply.mutate(
      { subject: s, text: x },
      {
        onSuccess: () => {
          setSent(true);
          setSubject('');
          setText('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="max-w-2xl" aria-label={t('consult.reply.title')}>
      <p className="mb-2 text-std-16N-170">{t('consult.reply.to')}</p>
      <StatusMessage tone="info">{t('consult.reply.warning')}</StatusMessage>
      <TextField
        label={t('consult.reply.subject')}
        value={subject}
        onChange={setSubject}
        hint={t('consult.reply.subjectHint', { n: SUBJECT_MAX })}
        error={errors.subject}
        required
      />
      <TextAreaField
        label={t('consult.reply.text')}
        value={text}
        onChange={setText}
        hint={t('consult.reply.textHint', { n: TEXT_MAX })}
        error={errors.text}
        rows={6}
        required
      />
      <ApiErrorAlert error={reply.error} />
      {sent && <StatusMessage>{t('consult.reply.sent')}</StatusMessage>}
      <Button type="submit" disabled={reply.isPending}>
        {t('consult.reply.send')}
      </Button>
    </form>
  );
}
