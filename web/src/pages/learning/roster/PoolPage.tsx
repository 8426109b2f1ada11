import { useState } from 'react';
import {
  SUPERVISE_EXPERTISE,
  SUPERVISE_EXPERTISE_LABELS,
  type SuperviseExpertise,
} from '../../../../../src/shared/vocab/learning-roster';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { SelectField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { Pagination } from '../../../components/Pagination';
import { QueryState } from '../../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
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
import { usePrinting } from './usePrinting';

/** Members a page of the pool shows (the pool comes whole and is paged on the screen). */
export const POOL_PAGE_SIZE = 25;

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
  const [page, setPage] = useState(1);
  const printing = usePrinting();
  const remove = useRemovePoolMember();
  const centres = new Map(pool.centres.map((c) => [c.id, c]));
  const anyManaged = pool.members.some((m) => centres.get(m.centreId)?.canManage);
  if (pool.members.length === 0) return <p role="status">{t('pool.empty')}</p>;
  const pages = Math.ceil(pool.members.length / POOL_PAGE_SIZE);
  const current = Math.min(page, pages);
  const shown = printing
    ? pool.members
    : pool.members.slice((current - 1) * POOL_PAGE_SIZE, current * POOL_PAGE_SIZE);
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
          {shown.map((m) => {
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
      <Pagination page={current} pageSize={POOL_PAGE_SIZE} total={pool.members.length} onPage={setPage} />
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

/** How many people the pool holds, and how many of them per expertise tag. */
function Totals({ pool }: { pool: Pool }) {
  const t = useT();
  const { locale } = useLocale();
  const tags = SUPERVISE_EXPERTISE.map((tag) => ({
    tag,
    n: pool.members.filter((m) => m.tags.includes(tag)).length,
  }))
    .filter((x) => x.n > 0)
    .map((x) =>
      t('pool.tagCount', { tag: vocab(t, SUPERVISE_EXPERTISE_LABELS, x.tag), n: formatNumber(x.n, locale) }),
    )
    .join(' / ');
  return (
    <p className="mb-4 text-std-17B-170">
      {t('pool.totals', { n: formatNumber(pool.members.length, locale), tags: tags || t('common.none') })}
    </p>
  );
}

/**
 * The supervise pools (ME-2; docs/learning.md §7): per centre, the people it can call on with their expertise
 * and load, led by the count per expertise and shown 25 at a time; the centres the caller manages are kept here
 * (the add form opens from its button; change the tags, take out), and a team is proposed for the expertise a
 * case needs.
 */
function PoolScreen() {
  const t = useT();
  const [centreId, setCentreId] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'info' } | null>(null);
  const [adding, setAdding] = useState(false);
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
                  setAdding(false);
                  setCentreId(v || undefined);
                }}
                options={pool.centres.map((c) => ({
                  value: c.id,
                  label: `${c.name}（${t(c.kind === 'hq' ? 'pool.hq' : 'pool.branch')}）`,
                }))}
              />
              <Totals pool={pool} />
              {!managesAny && <p className="mb-4">{t('pool.readOnly')}</p>}
              <Members key={centreId ?? ''} pool={pool} allCentres={!centre} say={say} />
              {centre?.canManage && (
                <Button
                  variant="secondary"
                  className="mb-6 print:hidden"
                  aria-expanded={adding}
                  onClick={() => setAdding(!adding)}
                >
                  {t('pool.addOpen')}
                </Button>
              )}
              {centre?.canManage && adding && (
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
