import { useState } from 'react';
import {
  GOOD_PRACTICE_CONFIRMATION_LABELS,
  GOOD_PRACTICE_CONFIRMATIONS,
  PERSONAL_DATA_FLAG_LABELS,
} from '../../../../src/shared/vocab/good-practices';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, Fieldset } from '../../components/Field';
import { Section } from '../../components/Page';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { type Story, useStoryStep } from '../../lib/queries/good-practices';

/**
 * The review of a story (draft → checked for personal data by a second person → published): the automatic
 * check's findings, the statements the checker confirms, and the step the reader may take now.
 */
export function ReviewPanel({
  s,
  message,
  onMessage,
}: {
  s: Story;
  message: string | null;
  onMessage: (m: string | null) => void;
}) {
  const t = useT();
  const step = useStoryStep(s.id);
  const [confirmed, setConfirmed] = useState<string[]>([]);
  const [acknowledged, setAcknowledged] = useState<string[]>(
    s.flags.filter((f) => f.acknowledged).map((f) => f.key),
  );
  const blocking = s.flags.filter((f) => f.blocking);
  const open = s.flags.filter((f) => !f.blocking && !acknowledged.includes(f.key));
  const allConfirmed = GOOD_PRACTICE_CONFIRMATIONS.every((c) => confirmed.includes(c));
  const toggle = (list: string[], set: (v: string[]) => void, key: string) => (on: boolean) =>
    set(on ? [...list, key] : list.filter((k) => k !== key));
  const run = (body: Parameters<typeof step.mutate>[0], done: string) => {
    onMessage(null);
    step.mutate(body, { onSuccess: () => onMessage(done) });
  };
  const intro =
    s.status === 'published'
      ? t('gp.review.published')
      : s.status === 'checked'
        ? t('gp.review.checked')
        : s.actions.check
          ? t('gp.review.draft')
          : t('gp.review.selfOnly');
  return (
    <Section id="story-review" title={t('gp.review')}>
      <StatusMessage>{message}</StatusMessage>
      <p className="mb-4 max-w-3xl">{intro}</p>
      {s.actions.edit && s.status === 'draft' && (
        <div className="mb-4 max-w-3xl">
          <h3 className="mb-2 text-std-18B-160">{t('gp.flags')}</h3>
          {s.flags.length === 0 ? (
            <p>{t('gp.flags.none')}</p>
          ) : (
            <ul className="grid gap-2">
              {s.flags.map((f) => (
                <li key={f.key} className="rounded-8 border border-solid-gray-300 p-3">
                  <p>
                    <span className="font-bold">{vocab(t, PERSONAL_DATA_FLAG_LABELS, f.kind)}</span>：
                    <mark className="bg-yellow-100 px-1">{f.text}</mark>
                  </p>
                  {f.blocking ? (
                    <p className="text-std-16B-170 text-error-2">{t('gp.flags.blocking')}</p>
                  ) : (
                    s.actions.check && (
                      <Checkbox
                        label={t('gp.flags.ack')}
                        checked={acknowledged.includes(f.key)}
                        onChange={toggle(acknowledged, setAcknowledged, f.key)}
                      />
                    )
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {s.actions.check && (
        <div className="max-w-3xl">
          <Fieldset legend={t('gp.confirm')} required>
            {GOOD_PRACTICE_CONFIRMATIONS.map((c) => (
              <Checkbox
                key={c}
                label={vocab(t, GOOD_PRACTICE_CONFIRMATION_LABELS, c)}
                checked={confirmed.includes(c)}
                onChange={toggle(confirmed, setConfirmed, c)}
              />
            ))}
          </Fieldset>
          <Button
            disabled={step.isPending || !allConfirmed || blocking.length > 0 || open.length > 0}
            onClick={() =>
              run(
                {
                  step: 'check',
                  body: { version: s.version, confirmations: confirmed, acknowledgedFlags: acknowledged },
                },
                t('gp.checkedMsg'),
              )
            }
          >
            {t('gp.check')}
          </Button>
        </div>
      )}
      <div className="mt-4 flex flex-wrap gap-3">
        {s.actions.publish && (
          <Button
            disabled={step.isPending}
            onClick={() => run({ step: 'publish', body: { version: s.version } }, t('gp.publishedMsg'))}
          >
            {t('gp.publish')}
          </Button>
        )}
        {s.actions.withdraw && (
          <Button
            variant="secondary"
            disabled={step.isPending}
            onClick={() => run({ step: 'withdraw', body: { version: s.version } }, t('gp.withdrawnMsg'))}
          >
            {t('gp.withdraw')}
          </Button>
        )}
      </div>
      <ApiErrorAlert error={step.error} />
    </Section>
  );
}
