import { type FormEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/Field';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import {
  type BouncingAddress,
  type OutboxMessage,
  useClearBounce,
  useRecordBounce,
} from '../../lib/queries/mail';

/**
 * 不達を解除: asks first, then mail goes to the address again (decision 0028, late bounces). The row goes away
 * once cleared, so the page that holds it says so (`onCleared`).
 */
export function ClearBounceButton({
  address,
  label,
  onCleared,
}: {
  address: string;
  label?: string;
  onCleared: (message: string) => void;
}) {
  const t = useT();
  const clear = useClearBounce((cleared) => onCleared(t('bounces.cleared', { address: cleared })));
  const [asking, setAsking] = useState(false);
  return (
    <>
      <ApiErrorAlert error={clear.error} />
      <Button
        variant="secondary"
        disabled={clear.isPending}
        aria-label={`${t('bounces.clear')}: ${label ?? address}`}
        onClick={() => setAsking(true)}
      >
        {t('bounces.clear')}
      </Button>
      <ConfirmDialog
        open={asking}
        message={t('bounces.confirmClear', { address })}
        confirmLabel={t('bounces.clear')}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          clear.mutate(address);
        }}
      />
    </>
  );
}

/** The outbox's list of addresses that bounce: no mail goes to them until cleared. */
export function BouncingAddresses({
  addresses,
  onCleared,
}: {
  addresses: BouncingAddress[];
  onCleared: (message: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <section aria-labelledby="bouncing-title" className="mb-8">
      <h2 id="bouncing-title" className="mb-2 text-std-20B-150">
        {t('bounces.title')}
      </h2>
      <p className="mb-3 text-std-16N-170">{t('bounces.intro')}</p>
      {addresses.length === 0 ? (
        <p className="text-std-16N-170">{t('bounces.none')}</p>
      ) : (
        <Table caption={t('bounces.table')} captionHidden>
          <thead>
            <tr>
              <Th className="min-w-48">{t('outbox.to')}</Th>
              <Th className="min-w-56">{t('bounces.since')}</Th>
              <Th>{t('common.actions')}</Th>
            </tr>
          </thead>
          <tbody>
            {addresses.map((b) => (
              <tr key={b.address}>
                <RowTh>
                  <span className="break-all font-bold">{b.address}</span>
                </RowTh>
                <Td>
                  {formatDateTime(b.since, locale)}（{t('bounces.messages', { n: b.messages })}）
                  {b.lastError && (
                    <span className="block break-all text-dns-14N-130 text-solid-gray-700">
                      {b.lastError}
                    </span>
                  )}
                </Td>
                <Td>
                  <ClearBounceButton address={b.address} onCleared={onCleared} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </section>
  );
}

/** 不達として記録: for a sent message whose bounce came back later to the sender's mailbox. */
export function RecordBounce({ m }: { m: OutboxMessage }) {
  const t = useT();
  const record = useRecordBounce();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  if (!open)
    return (
      <Button
        variant="secondary"
        aria-label={`${t('bounces.record')}: ${m.toAddress ?? m.toName}`}
        onClick={() => setOpen(true)}
      >
        {t('bounces.record')}
      </Button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    record.mutate({ id: m.id, note: note.trim() }, { onSuccess: () => setOpen(false) });
  };
  return (
    <form onSubmit={submit} noValidate className="min-w-64">
      <ApiErrorAlert error={record.error} />
      <TextField
        label={t('bounces.note')}
        hint={t('bounces.noteHint')}
        value={note}
        onChange={setNote}
        maxLength={500}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={record.isPending}>
          {t('bounces.recordSubmit')}
        </Button>
        <Button variant="secondary" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** On 管理 › 利用者: the user's address bounces — since when, and clearing it. */
export function UserBounce({
  bounce,
  name,
  onCleared,
}: {
  bounce: BouncingAddress;
  name: string;
  onCleared: (message: string) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <div className="mt-1 text-dns-14N-130">
      <p className="font-bold text-error-2">
        {t('bounces.userNote', { since: formatDateTime(bounce.since, locale) })}
      </p>
      <ClearBounceButton address={bounce.address} label={name} onCleared={onCleared} />
    </div>
  );
}
