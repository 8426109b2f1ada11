import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextAreaField } from '../../../components/Field';
import { useT } from '../../../i18n';
import { apiFetch } from '../../../lib/api';
import { formatDate } from '../../../lib/format';

const LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';

/**
 * A learner's certificate of a course completed without a session, on the staff's progress view: its serial,
 * the PDF in either language, and revoking it with a reason (the learner cannot get it again by themselves).
 */
export function CourseCertificateCell({
  certificate,
  learnerName,
  courseId,
}: {
  certificate: { id: string; serial: string; completedOn: string } | null;
  learnerName: string;
  courseId: string;
}) {
  const t = useT();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: (id: string) =>
      apiFetch('POST', `/api/learning/certificates/${id}/revocation`, { body: { reason: reason.trim() } }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['elearning', 'staff', 'progress', courseId] }),
  });
  if (!certificate) return <span>{t('common.none')}</span>;
  return (
    <div className="flex min-w-48 flex-col gap-1">
      <span className="font-mono">{certificate.serial}</span>
      <span>{t('elearning.certificateOn', { date: formatDate(certificate.completedOn, t.locale) })}</span>
      <a
        className={LINK}
        href={`/api/learning/certificates/${certificate.id}.pdf`}
        target="_blank"
        rel="noopener"
      >
        {t('certificates.download')}
      </a>
      <a
        className={LINK}
        href={`/api/learning/certificates/${certificate.id}.pdf?lang=en`}
        target="_blank"
        rel="noopener"
        hrefLang="en"
      >
        {t('certificates.downloadEn')}
      </a>
      {open ? (
        <div>
          <TextAreaField
            label={t('elearning.revokeReason', { name: learnerName })}
            value={reason}
            onChange={setReason}
            required
            rows={2}
          />
          {revoke.error ? <ApiErrorAlert error={revoke.error} /> : null}
          <Button
            variant="danger"
            disabled={!reason.trim() || revoke.isPending}
            onClick={() => revoke.mutate(certificate.id)}
          >
            {t('elearning.revoke')}
          </Button>
        </div>
      ) : (
        <Button
          variant="secondary"
          onClick={() => setOpen(true)}
          aria-label={t('elearning.revokeLabel', { name: learnerName })}
        >
          {t('elearning.revoke')}
        </Button>
      )}
    </div>
  );
}
