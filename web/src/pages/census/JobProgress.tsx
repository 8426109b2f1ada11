import { useId } from 'react';
import { useLocale, useT } from '../../i18n';
import type { Job } from '../../lib/queries/census';
import { phaseLabel } from './labels';

/**
 * A background job's state: a progress bar with its phase while it runs, the reason when it failed. The bar
 * is a labelled progressbar with a text value, so screen readers hear the phase and the percentage.
 */
export function JobProgress({ job, label }: { job: Job | null; label: string }) {
  const t = useT();
  const { locale } = useLocale();
  const id = useId();
  if (!job) return null;
  if (job.status === 'failed') {
    return (
      <p className="text-std-16B-170 text-error-2">
        {t('census.job.failed')}
        {job.error ? `: ${job.error[locale]}` : ''}
      </p>
    );
  }
  if (job.status === 'succeeded') return <p className="text-std-16N-170">{t('census.job.succeeded')}</p>;
  const percent = Math.round(Math.max(0, Math.min(1, job.progress)) * 100);
  const phase =
    job.status === 'queued' ? t('census.job.queued') : phaseLabel(t, job.phase) || t('census.job.running');
  return (
    <div className="min-w-48">
      <p id={id} className="mb-1 text-std-16N-170">
        {phase} {percent}%
      </p>
      <div
        role="progressbar"
        aria-label={label}
        aria-describedby={id}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${phase} ${percent}%`}
        className="h-3 w-full overflow-hidden rounded-full bg-solid-gray-200 print:border print:border-black"
      >
        <div className="h-full bg-key-900 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
