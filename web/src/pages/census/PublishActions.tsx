import { useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Section } from '../../components/Page';
import { useLocale, useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { type PushResponse, type Run, usePublishRun, usePushRun } from '../../lib/queries/census';

/**
 * The two explicit steps after review: publish the 年度's figures (only once every pair is decided) and push the
 * confirmed children into the registry with their provenance. Each asks for confirmation; the push reports what
 * it created, confirmed and skipped (with the reason).
 */
export function PublishActions({ run }: { run: Run }) {
  const t = useT();
  const { locale } = useLocale();
  const publish = usePublishRun(run.id);
  const push = usePushRun(run.id);
  const [confirm, setConfirm] = useState<'publish' | 'push' | null>(null);
  const [pushed, setPushed] = useState<PushResponse | null>(null);
  const published = run.status === 'published';
  const publishBlocked = published
    ? t('census.publish.done')
    : run.pendingReviews > 0
      ? t('census.publish.pending', { n: formatNumber(run.pendingReviews, locale) })
      : null;
  const pushBlocked = !published
    ? t('census.push.needsPublish')
    : run.pushedAt
      ? t('census.push.done')
      : null;
  return (
    <Section id="census-publish" title={t('census.publish.title')}>
      <div className="mb-4 flex flex-wrap items-start gap-6 print:hidden">
        <div className="max-w-sm">
          <Button
            onClick={() => setConfirm('publish')}
            disabled={publishBlocked !== null || publish.isPending}
            aria-describedby="census-publish-why"
          >
            {t('census.publish.button')}
          </Button>
          <p id="census-publish-why" className="mt-2 text-std-16N-170 text-solid-gray-700">
            {publishBlocked ?? t('census.publish.hint')}
          </p>
        </div>
        <div className="max-w-sm">
          <Button
            variant="secondary"
            onClick={() => setConfirm('push')}
            disabled={pushBlocked !== null || push.isPending}
            aria-describedby="census-push-why"
          >
            {t('census.push.button')}
          </Button>
          <p id="census-push-why" className="mt-2 text-std-16N-170 text-solid-gray-700">
            {pushBlocked ?? t('census.push.hint')}
          </p>
        </div>
      </div>
      {publish.error && <ApiErrorAlert error={publish.error} />}
      {push.error && <ApiErrorAlert error={push.error} />}
      <StatusMessage>
        {publish.isSuccess && !pushed ? t('census.publish.success') : null}
        {pushed
          ? t('census.push.result', {
              created: formatNumber(pushed.created, locale),
              confirmed: formatNumber(pushed.confirmed, locale),
              skipped: formatNumber(pushed.skipped.length, locale),
            })
          : null}
      </StatusMessage>
      {pushed && pushed.skipped.length > 0 && (
        <div className="mb-4">
          <h3 className="mb-1 text-std-17B-170">{t('census.push.skipped')}</h3>
          <ul className="list-disc pl-6">
            {pushed.skipped.map((s) => (
              <li key={s.cluster}>
                {t('census.push.cluster', { n: s.cluster })}：{s[locale]}
              </li>
            ))}
          </ul>
        </div>
      )}
      <ConfirmDialog
        open={confirm !== null}
        message={confirm === 'push' ? t('census.push.confirm') : t('census.publish.confirm')}
        confirmLabel={confirm === 'push' ? t('census.push.button') : t('census.publish.button')}
        onCancel={() => setConfirm(null)}
        onConfirm={() => {
          const which = confirm;
          setConfirm(null);
          if (which === 'publish') publish.mutate();
          if (which === 'push') push.mutate(undefined, { onSuccess: setPushed });
        }}
      />
    </Section>
  );
}
