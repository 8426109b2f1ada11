import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { useLocale, useT } from '../../../i18n';
import { apiFetch, isApiError } from '../../../lib/api';
import { formatDate } from '../../../lib/format';

type Checked = { serial: string; courseTitle: string; completedOn: string; holderName: string };

/**
 * The public check of a certificate (修了証の確認): the number printed on it (or in the address) answers the
 * holder's name, the course and the completion date — nothing more — or "not found" for an unknown, mistyped
 * or revoked number.
 */
export function CertificateCheckPage() {
  const t = useT();
  const { locale } = useLocale();
  const navigate = useNavigate();
  const { serial } = useParams({ strict: false }) as { serial?: string };
  const [typed, setTyped] = useState(serial ?? '');
  const query = useQuery({
    queryKey: ['public', 'certificate', serial],
    enabled: Boolean(serial),
    retry: false,
    queryFn: ({ signal }) =>
      apiFetch<Checked>('GET', `/api/public/learning/certificates/${encodeURIComponent(serial!)}`, {
        signal,
      }),
  });
  return (
    <Page title={t('certificateCheck.title')} intro={t('certificateCheck.intro')}>
      <form
        className="mb-6 flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          const s = typed.trim();
          if (s) void navigate({ to: '/public/trainings/certificates/$serial', params: { serial: s } });
        }}
      >
        <TextField
          label={t('certificateCheck.serial')}
          hint={t('certificateCheck.serialHint')}
          value={typed}
          onChange={setTyped}
          required
        />
        <Button type="submit">{t('certificateCheck.check')}</Button>
      </form>
      {query.data && (
        <section aria-labelledby="certificate-valid">
          <StatusMessage>
            <span id="certificate-valid">{t('certificateCheck.valid')}</span>
          </StatusMessage>
          <dl className="grid grid-cols-[10em_1fr] gap-x-3 gap-y-2 text-std-17N-170">
            <dt className="font-bold">{t('certificateCheck.serial')}</dt>
            <dd className="font-mono">{query.data.serial}</dd>
            <dt className="font-bold">{t('certificateCheck.holder')}</dt>
            <dd>{query.data.holderName}</dd>
            <dt className="font-bold">{t('certificateCheck.course')}</dt>
            <dd>{query.data.courseTitle}</dd>
            <dt className="font-bold">{t('certificateCheck.date')}</dt>
            <dd>{formatDate(query.data.completedOn, locale, { western: true })}</dd>
          </dl>
        </section>
      )}
      {query.error &&
        (isApiError(query.error, 'not_found') ? (
          <ErrorAlert>{t('certificateCheck.notFound')}</ErrorAlert>
        ) : (
          <ApiErrorAlert error={query.error} />
        ))}
    </Page>
  );
}
