import { useState } from 'react';
import type { SuperviseExpertise } from '../../../../../src/shared/vocab/learning-roster';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { formatNumber, fullName } from '../../../lib/format';
import {
  type Pool,
  type PoolMember,
  usePool,
  useRemovePoolMember,
  useUpdatePoolMember,
} from '../../../lib/queries/learning-roster';
import { readsTrainings } from '../courses/access';
import { forTrainingRoles } from '../courses/Guard';
import { PoolAdd } from './PoolAdd';
import { PoolProposal } from './PoolProposal';
import { TagBoxes, tagsText } from './TagBoxes';

type Say = (text: string, tone?: 'success' | 'info') => void;

function TagsEditor({ member, name, onDone }: { member: PoolMember; name: string; onDone: Say }) {
  const t = useT();
  const [tags, setTags] = useState<SuperviseExpertise[]>(member.tags);
  const [error, setError] = useState<string | null>(null);
  const update = useUpdatePoolMember();
  const save = () => {
    if (tags.length === 0) return setError(t('pool.tagsRequired'));
    setError(null);
    update.mutate(
      { id: member.id, version: member.version, tags },
      {
        onSuccess: () => onDone(t('pool.saved', { name })),
        onError: (e) => {
          if (isApiError(e, 'conflict')) onDone(t('pool.conflict'), 'info');
        },
      },
    );
  };
  return (
    <div className="rounded-8 border border-solid-gray-420 p-4">
      <TagBoxes legend={t('pool.editTagsLabel', { name })} value={tags} onChange={setTags} error={error} />
      {update.error && !isApiError(update.error, 'conflict') ? <ApiErrorAlert error={update.error} /> : null}
      <div className="flex flex-wrap gap-3">
        <Button onClick={save} disabled={update.isPending}>
          {t('common.save')}
        </Button>
        <Button variant="secondary" onClick={() => onDone('')}>
          {t('common.cancel')}
        </Button>
      </div>
    </div>
  );
}

function Members({ pool, allCentres, say }: { pool: Pool; allCentres: boolean; say: Say }) {
  const t = useT();
  const { locale } = useLocale();
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ member: PoolMember; name: string } | null>(null);
  const remove = useRemovePoolMember();
  const centres = new Map(pool.centres.map((c) => [c.id, c]));
  const anyManaged = pool.members.some((m) => centres.get(m.centreId)?.canManage);
  if (pool.members.length === 0) return <p role="status">{t('pool.empty')}</p>;
  return (
    <>
      {remove.error ? <ApiErrorAlert error={remove.error} /> : null}
      <Table
        caption={t('pool.caption', {
          centre: allCentres ? t('pool.allCentres') : (centres.get(pool.members[0]!.centreId)?.name ?? ''),
        })}
      >
        <thead>
          <tr>
            <Th>{t('pool.colName')}</Th>
            <Th>{t('pool.colOrganisation')}</Th>
            <Th>{t('pool.colTags')}</Th>
            <Th className="text-right">{t('pool.colLoad')}</Th>
            {allCentres && <Th>{t('pool.colCentre')}</Th>}
            {anyManaged && <Th className="print:hidden">{t('pool.colAction')}</Th>}
          </tr>
        </thead>
        <tbody>
          {pool.members.map((m) => {
            const name = fullName(m.familyName, m.givenName);
            const manage = centres.get(m.centreId)?.canManage ?? false;
            return (
              <tr key={m.id}>
                <RowTh className="min-w-32">
                  {name}
                  {m.familyKana && (
                    <span className="block text-dns-14N-130 text-solid-gray-700">
                      {`${m.familyKana} ${m.givenKana ?? ''}`.trim()}
                    </span>
                  )}
                </RowTh>
                <Td>{[m.organisationName, m.profession].filter(Boolean).join('・') || t('common.none')}</Td>
                <Td className="min-w-40">{tagsText(t, m.tags)}</Td>
                <Td className="text-right tabular-nums whitespace-nowrap">
                  {t('pool.load', { n: formatNumber(m.load, locale) })}
                </Td>
                {allCentres && <Td>{centres.get(m.centreId)?.name}</Td>}
                {anyManaged && (
                  <Td className="min-w-48 print:hidden">
                    {manage && editing === m.id && (
                      <TagsEditor
                        member={m}
                        name={name}
                        onDone={(text, tone) => {
                          setEditing(null);
                          if (text) say(text, tone);
                        }}
                      />
                    )}
                    {manage && editing !== m.id && (
                      <div className="flex flex-wrap gap-2">
                        <Button
                          variant="secondary"
                          aria-label={t('pool.editTagsLabel', { name })}
                          onClick={() => setEditing(m.id)}
                        >
                          {t('pool.editTags')}
                        </Button>
                        <Button
                          variant="secondary"
                          aria-label={t('pool.removeLabel', { name })}
                          onClick={() => setRemoving({ member: m, name })}
                        >
                          {t('pool.remove')}
                        </Button>
                      </div>
                    )}
                  </Td>
                )}
              </tr>
            );
          })}
        </tbody>
      </Table>
      <ConfirmDialog
        open={removing !== null}
        danger
        message={removing ? t('pool.removeConfirm', { name: removing.name }) : ''}
        confirmLabel={t('pool.remove')}
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          const r = removing;
          setRemoving(null);
          if (r) remove.mutate(r.member.id, { onSuccess: () => say(t('pool.removed', { name: r.name })) });
        }}
      />
    </>
  );
}

/**
 * The supervise pools (ME-2; docs/learning.md §7): per centre, the people it can call on with their expertise
 * and load; the centres the caller manages are kept here (add, change the tags, take out), and a team is
 * proposed for the expertise a case needs.
 */
function PoolScreen() {
  const t = useT();
  const [centreId, setCentreId] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'info' } | null>(null);
  const query = usePool(centreId);
  const say: Say = (text, tone = 'success') => setMessage({ text, tone });
  return (
    <Page title={t('pool.title')} intro={t('pool.intro')}>
      <StatusMessage tone={message?.tone}>{message?.text}</StatusMessage>
      <QueryState query={query}>
        {(pool) => {
          const centre = pool.centres.find((c) => c.id === centreId);
          const managesAny = pool.centres.some((c) => c.canManage);
          return (
            <>
              <SelectField
                label={t('pool.centre')}
                value={centreId ?? ''}
                emptyLabel={t('pool.allCentres')}
                onChange={(v) => {
                  setMessage(null);
                  setCentreId(v || undefined);
                }}
                options={pool.centres.map((c) => ({
                  value: c.id,
                  label: `${c.name}（${t(c.kind === 'hq' ? 'pool.hq' : 'pool.branch')}）`,
                }))}
              />
              {!managesAny && <p className="mb-4">{t('pool.readOnly')}</p>}
              <Members pool={pool} allCentres={!centre} say={say} />
              {centre?.canManage && (
                <PoolAdd centre={centre} onAdded={(name) => say(t('pool.added', { name }))} />
              )}
              {!centre && managesAny && <p className="mb-6">{t('pool.chooseCentre')}</p>}
              <PoolProposal centreId={centreId} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

export const PoolPage = forTrainingRoles(readsTrainings, PoolScreen);
