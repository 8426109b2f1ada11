import { useId, useState } from 'react';
import { ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { errorMessage } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { type Meeting, materialHref, useAddMaterial, useRemoveMaterial } from '../../lib/queries/councils';
import { LINK } from './shared';

const kb = (bytes: number, locale: 'ja' | 'en') =>
  `${formatNumber(Math.max(1, Math.round(bytes / 1024)), locale)} KB`;

/** A meeting's materials: each file with its title to download; those who keep the body add and remove them. */
export function Materials({ m }: { m: Meeting }) {
  const t = useT();
  const { locale } = useLocale();
  const remove = useRemoveMaterial(m.id);
  return (
    <>
      {m.materials.length ? (
        <Table caption={t('cn.materials')}>
          <thead>
            <tr>
              <Th>{t('cn.materials.title')}</Th>
              <Th>{t('cn.materials.file')}</Th>
              <Th>{t('cn.materials.added')}</Th>
              {m.canManage && <Th>{t('cn.materials.remove')}</Th>}
            </tr>
          </thead>
          <tbody>
            {m.materials.map((a) => (
              <tr key={a.id}>
                <Td>
                  <a href={materialHref(m.id, a.id)} download className={LINK}>
                    {a.title}
                  </a>
                </Td>
                <Td>
                  {a.fileName}（{kb(a.byteSize, locale)}）
                </Td>
                <Td>
                  {a.addedBy}・{formatDateTime(a.addedAt, locale)}
                </Td>
                {m.canManage && (
                  <Td>
                    <Button
                      variant="secondary"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(a.id)}
                      aria-label={t('cn.materials.removeOne', { title: a.title })}
                    >
                      {t('cn.materials.remove')}
                    </Button>
                  </Td>
                )}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p>{t('cn.materials.none')}</p>
      )}
      {remove.error && <ErrorAlert>{errorMessage(remove.error, locale)}</ErrorAlert>}
      {m.canManage && <AddMaterial meetingId={m.id} />}
    </>
  );
}

function AddMaterial({ meetingId }: { meetingId: string }) {
  const t = useT();
  const { locale } = useLocale();
  const add = useAddMaterial(meetingId);
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const fileId = useId();
  return (
    <form
      className="mt-6 max-w-xl space-y-4 print:hidden"
      onSubmit={(e) => {
        e.preventDefault();
        if (!file || !title.trim()) return;
        add.mutate(
          { title: title.trim(), file },
          {
            onSuccess: () => {
              setTitle('');
              setFile(null);
              (e.target as HTMLFormElement).reset();
            },
          },
        );
      }}
    >
      <h3 className="text-std-17B-170">{t('cn.materials.add')}</h3>
      <TextField label={t('cn.materials.title')} value={title} onChange={setTitle} required />
      <div>
        <label htmlFor={fileId} className="mb-1 block text-std-16B-170">
          {t('cn.materials.file')}
        </label>
        <input
          id={fileId}
          type="file"
          required
          accept=".pdf,.docx,.xlsx,.txt,.csv,.png,.jpg,.jpeg"
          aria-describedby={`${fileId}-hint`}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
        <p id={`${fileId}-hint`} className="mt-1 text-dns-16N-130">
          {t('cn.materials.hint')}
        </p>
      </div>
      {add.error && <ErrorAlert>{errorMessage(add.error, locale)}</ErrorAlert>}
      <Button type="submit" disabled={add.isPending || !file || !title.trim()}>
        {t('cn.materials.add')}
      </Button>
    </form>
  );
}
