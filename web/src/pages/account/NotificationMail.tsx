import { type FormEvent, useEffect, useState } from 'react';
import {
  MAIL_DELIVERY_LABELS,
  type MailDelivery,
  NOTIFICATION_MAIL_KIND_LABELS,
  type NotificationMailKind,
} from '../../../../src/shared/vocab/notification-mail';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField } from '../../components/Field';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { useMailPreferences, useSaveMailPreferences } from '../../lib/queries/notification-mail';

/** お知らせのメール: per kind, no mail / at once / in the morning digest (decision 0030). */
export function NotificationMail() {
  const t = useT();
  const prefs = useMailPreferences();
  const save = useSaveMailPreferences();
  const [choices, setChoices] = useState<Partial<Record<NotificationMailKind, MailDelivery>>>({});
  useEffect(() => {
    if (prefs.data) setChoices(Object.fromEntries(prefs.data.kinds.map((k) => [k.kind, k.delivery])));
  }, [prefs.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (prefs.data) save.mutate({ version: prefs.data.version, choices });
  };
  return (
    <QueryState query={prefs}>
      {(data) => (
        <form onSubmit={submit} noValidate className="max-w-2xl">
          <p className="mb-4">{t('notifyMail.intro')}</p>
          {!data.mailOn && <p className="mb-4 text-solid-gray-700">{t('notifyMail.mailOff')}</p>}
          <ApiErrorAlert error={save.error} />
          <StatusMessage>{save.isSuccess ? t('notifyMail.saved') : null}</StatusMessage>
          {data.kinds.length === 0 ? (
            <p>{t('notifyMail.none')}</p>
          ) : (
            <>
              {data.kinds.map((k) => (
                <SelectField
                  key={k.kind}
                  label={vocab(t, NOTIFICATION_MAIL_KIND_LABELS, k.kind)}
                  value={choices[k.kind] ?? k.delivery}
                  onChange={(v) => setChoices((c) => ({ ...c, [k.kind]: v as MailDelivery }))}
                  options={k.deliveries.map((d) => ({ value: d, label: vocab(t, MAIL_DELIVERY_LABELS, d) }))}
                />
              ))}
              <Button type="submit" disabled={save.isPending}>
                {t('notifyMail.save')}
              </Button>
            </>
          )}
        </form>
      )}
    </QueryState>
  );
}
