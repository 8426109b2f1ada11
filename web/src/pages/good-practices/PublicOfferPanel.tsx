import { type FormEvent, useState } from 'react';
import {
  GOOD_PRACTICE_CONSENT_METHOD_LABELS,
  GOOD_PRACTICE_CONSENT_METHODS,
  type GoodPracticeConsentMethod,
} from '../../../../src/shared/vocab/good-practices';
import { parseJapaneseDate } from '../../../../src/shared/wareki';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Section } from '../../components/Page';
import { useLocale, useT } from '../../i18n';
import { vocab, vocabOptions } from '../../i18n/vocab';
import { formatDate, formatDateTime } from '../../lib/format';
import { type Story, usePublicConsent, usePublicOffer } from '../../lib/queries/good-practices';
import { LINK } from './shared';

/**
 * 公開サイトへの掲載: the consent to publication (who agreed, on which day, how) recorded first, then a published
 * story put on the centre's public site or taken off. Editing the story clears both (the server says so).
 */
export function PublicOfferPanel({ s }: { s: Story }) {
  const t = useT();
  const { locale } = useLocale();
  const consent = usePublicConsent(s.id);
  const offer = usePublicOffer(s.id);
  const [by, setBy] = useState('');
  const [on, setOn] = useState('');
  const [method, setMethod] = useState<GoodPracticeConsentMethod>('written');
  const [checked, setChecked] = useState(false);
  const day = parseJapaneseDate(on);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (!by.trim() || !day) return;
    consent.mutate({ version: s.version, consent: { by: by.trim(), on: day, method } });
  };
  const c = s.publicConsent;
  return (
    <Section id="story-public" title={t('gp.public.title')}>
      <p className="mb-3 max-w-3xl">{t('gp.public.explain')}</p>
      <ApiErrorAlert error={consent.error ?? offer.error} />
      {c ? (
        <>
          <p className="mb-3">
            {t('gp.public.consent', {
              by: c.by,
              date: formatDate(c.on, locale),
              method: vocab(t, GOOD_PRACTICE_CONSENT_METHOD_LABELS, c.method),
            })}
            {c.recordedBy && c.recordedAt
              ? ` ${t('gp.public.recorded', { name: c.recordedBy, at: formatDateTime(c.recordedAt, locale) })}`
              : ''}
          </p>
          <p className="mb-3">
            {s.publicOfferedAt ? (
              <>
                {t('gp.public.onSite', { at: formatDateTime(s.publicOfferedAt, locale) })}{' '}
                <a href={`/public/good-practices/${s.id}`} className={LINK}>
                  {t('gp.public.open')}
                </a>
              </>
            ) : (
              t('gp.public.notOnSite')
            )}
          </p>
          {s.actions.edit && (
            <div className="flex flex-wrap gap-3">
              {s.publicOfferedAt ? (
                <Button
                  variant="secondary"
                  disabled={offer.isPending}
                  onClick={() => offer.mutate({ version: s.version, offered: false })}
                >
                  {t('gp.public.takeOff')}
                </Button>
              ) : (
                <Button
                  disabled={offer.isPending || s.status !== 'published'}
                  onClick={() => offer.mutate({ version: s.version, offered: true })}
                >
                  {t('gp.public.putOn')}
                </Button>
              )}
              <Button
                variant="secondary"
                disabled={consent.isPending}
                onClick={() => consent.mutate({ version: s.version, consent: null })}
              >
                {t('gp.public.withdrawConsent')}
              </Button>
            </div>
          )}
          {s.status !== 'published' && <p className="mt-2">{t('gp.public.needsPublished')}</p>}
        </>
      ) : s.actions.edit ? (
        <form onSubmit={submit} noValidate className="max-w-3xl">
          <TextField
            label={t('gp.public.by')}
            hint={t('gp.public.byHint')}
            value={by}
            onChange={setBy}
            error={checked && !by.trim() ? t('gp.public.byMissing') : undefined}
          />
          <TextField
            label={t('gp.public.on')}
            hint={t('gp.public.onHint')}
            value={on}
            onChange={setOn}
            error={checked && !day ? t('gp.public.onBad') : undefined}
          />
          <SelectField
            label={t('gp.public.method')}
            value={method}
            options={vocabOptions(t, GOOD_PRACTICE_CONSENT_METHODS, GOOD_PRACTICE_CONSENT_METHOD_LABELS)}
            onChange={(v) => setMethod(v as GoodPracticeConsentMethod)}
          />
          <Button type="submit" disabled={consent.isPending}>
            {t('gp.public.record')}
          </Button>
        </form>
      ) : (
        <p>{t('gp.public.noConsent')}</p>
      )}
    </Section>
  );
}
