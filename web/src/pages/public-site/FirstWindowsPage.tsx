import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { toHiragana } from '../../../../src/shared/kana';
import { maturityStatusLabel } from '../../../../src/shared/vocab/municipalities';
import { DIVISION_LABELS, type Division } from '../../../../src/shared/vocab/network';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { formatDateTime } from '../../lib/format';
import { type FirstWindowList, useFirstWindows, useSetFirstWindow } from './api';
import { KeeperOnly } from './KeeperOnly';

type Row = FirstWindowList['items'][number];
const LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';

function WindowRow({ m }: { m: Row }) {
  const t = useT();
  const save = useSetFirstWindow();
  const [division, setDivision] = useState<string>(m.chosenDivision ?? m.shownDivision ?? '');
  const [coordinator, setCoordinator] = useState(m.coordinatorPersonId ?? '');
  const [note, setNote] = useState(m.note);
  const shown = m.contacts.find((c) => c.division === m.shownDivision);
  const headingId = `fw-${m.code}`;
  return (
    <article aria-labelledby={headingId} className="mb-4 rounded-8 border border-solid-gray-300 p-4">
      <h2 id={headingId} className="text-std-18B-160">
        <Link to="/municipalities/$code" params={{ code: m.code }} className="text-key-900 underline">
          {m.name}
        </Link>
        {m.region && <span className="ml-2 text-std-16N-170 text-solid-gray-700">{m.region}</span>}
      </h2>
      <p className="mb-2 text-std-16N-170">
        {t('publicSiteStaff.fw.shown')}：
        {shown
          ? `${shown.sectionName}（${vocab(t, DIVISION_LABELS, shown.division)}）${shown.phone ? ` ${shown.phone}` : ''}${
              m.chosenDivision ? '' : ` ${t('publicSiteStaff.fw.default')}`
            }`
          : t('publicSiteStaff.fw.noContact')}
        {m.coordinatorStatus && (
          <>
            {' ・ '}
            {maturityStatusLabel('coordinator', m.coordinatorStatus, t.locale)}
          </>
        )}
      </p>
      {m.contacts.length > 0 && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({
              code: m.code,
              body: {
                division: division as Division,
                coordinatorPersonId: coordinator || null,
                note,
                version: m.version,
              },
            });
          }}
        >
          <div className="grid gap-x-4 md:grid-cols-3">
            <SelectField
              label={t('publicSiteStaff.fw.division')}
              value={division}
              onChange={setDivision}
              options={m.contacts.map((c) => ({
                value: c.division,
                label: `${vocab(t, DIVISION_LABELS, c.division)}：${c.sectionName}`,
              }))}
            />
            <SelectField
              label={t('publicSiteStaff.fw.coordinator')}
              value={coordinator}
              onChange={setCoordinator}
              emptyLabel={t('publicSiteStaff.fw.noCoordinator')}
              options={m.candidates.map((p) => ({
                value: p.id,
                label: p.organisation ? `${p.name}（${p.organisation}）` : p.name,
              }))}
            />
            <TextField label={t('publicSiteStaff.fw.note')} value={note} onChange={setNote} maxLength={500} />
          </div>
          {save.error && <ApiErrorAlert error={save.error} />}
          <StatusMessage>
            {save.isSuccess ? t('publicSiteStaff.fw.saved', { name: m.name }) : null}
          </StatusMessage>
          <p className="flex flex-wrap items-center gap-4">
            <Button type="submit" variant="secondary" disabled={save.isPending}>
              {t('publicSiteStaff.fw.save', { name: m.name })}
            </Button>
            {m.updatedBy && m.updatedAt && (
              <span className="text-dns-14N-130 text-solid-gray-700">
                {t('publicSiteStaff.fw.lastEdit', {
                  who: m.updatedBy,
                  date: formatDateTime(m.updatedAt, t.locale),
                })}
              </span>
            )}
          </p>
        </form>
      )}
    </article>
  );
}

/** 最初の窓口の設定 (/public-site/first-windows): each municipality's public first window and coordinator. */
export function FirstWindowsPage() {
  return (
    <KeeperOnly>
      <FirstWindowsPageBody />
    </KeeperOnly>
  );
}

function FirstWindowsPageBody() {
  const t = useT();
  const list = useFirstWindows();
  const [q, setQ] = useState('');
  return (
    <Page title={t('publicSiteStaff.fw.title')} intro={t('publicSiteStaff.fw.intro')}>
      <p className="mb-4 flex flex-wrap gap-x-6">
        <Link to="/public-site" className={LINK}>
          {t('publicSiteStaff.back')}
        </Link>
        <a href="/public/first-window" className={LINK}>
          {t('publicSiteStaff.view')}
        </a>
      </p>
      <form aria-label={t('publicSiteStaff.fw.filter')} onSubmit={(e) => e.preventDefault()}>
        <TextField label={t('publicSiteStaff.fw.filter')} value={q} onChange={setQ} type="search" />
      </form>
      <QueryState query={list}>
        {(data) => {
          const needle = toHiragana(q.trim());
          const rows = needle
            ? data.items.filter((m) => m.name.includes(q.trim()) || toHiragana(m.kana).includes(needle))
            : data.items;
          return (
            <>
              {rows.map((m) => (
                <WindowRow key={`${m.code}-${m.version}`} m={m} />
              ))}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
