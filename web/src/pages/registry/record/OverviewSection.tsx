import { type ReactNode, useState } from 'react';
import { ageOn } from '../../../../../src/shared/age';
import { CHILD_STATUS_LABELS, LIFE_STAGE_LABELS, SEX_LABELS } from '../../../../../src/shared/vocab/registry';
import { StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Fold } from '../../../components/Fold';
import { Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { formatDate, fullName } from '../../../lib/format';
import type { ChildRecord } from '../../../lib/queries/child-record';
import { BasicForm } from './BasicForm';
import { todayIso } from './dates';
import { MoveForm } from './MoveForm';
import { PeopleSections } from './PeopleSections';

/** Age in years today, or null for a birth date in the future or unreadable. */
export function ageToday(birthDate: string): number | null {
  try {
    return ageOn(birthDate, todayIso());
  } catch {
    return null;
  }
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[10rem_1fr] gap-x-4 border-b border-solid-gray-200 py-2 md:grid-cols-[12rem_1fr]">
      <dt className="font-bold">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

/** 基本情報: the facts of the record, its edit form and the move form. */
export function OverviewSection({ child }: { child: ChildRecord }) {
  const t = useT();
  const { locale } = useLocale();
  const [open, setOpen] = useState<'none' | 'edit' | 'move'>('none');
  const [message, setMessage] = useState<string | null>(null);
  const age = ageToday(child.birthDate);
  const show = (form: 'edit' | 'move') => {
    setMessage(null);
    setOpen(form);
  };
  const done = (text: string) => {
    setOpen('none');
    setMessage(text);
  };
  return (
    <section aria-labelledby="child-basic" className="mb-10">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="child-basic" className="text-std-22B-150">
          {t('child.basic')}
        </h2>
        <div className="flex flex-wrap gap-2 print:hidden">
          {child.allowedActions.edit && (
            <Button variant="secondary" onClick={() => show('edit')}>
              {t('record.editBasic')}
            </Button>
          )}
          {child.allowedActions.move && (
            <Button variant="secondary" onClick={() => show('move')}>
              {t('move.title')}
            </Button>
          )}
        </div>
      </div>
      <StatusMessage>{message}</StatusMessage>
      <dl className="max-w-4xl text-std-16N-170">
        <Fact label={t('children.kana')}>{fullName(child.familyKana, child.givenKana)}</Fact>
        <Fact label={t('children.birthDate')}>
          {formatDate(child.birthDate, locale, { western: true })}
          {age !== null && <span className="ml-2">{t('list.age', { n: age })}</span>}
        </Fact>
        <Fact label={t('children.sex')}>{vocab(t, SEX_LABELS, child.sex)}</Fact>
        <Fact label={t('children.municipality')}>{child.municipalityName}</Fact>
        <Fact label={t('field.address')}>{child.address ?? t('common.none')}</Fact>
        <Fact label={t('children.status')}>
          {vocab(t, CHILD_STATUS_LABELS, child.status)}
          {child.statusSince && (
            <span className="ml-2 text-solid-gray-700">
              {t('record.since', { date: formatDate(child.statusSince, locale) })}
            </span>
          )}
        </Fact>
        <Fact label={t('field.lifeStage')}>{vocab(t, LIFE_STAGE_LABELS, child.lifeStage)}</Fact>
        <Fact label={t('field.livingSituation')}>
          <span className="whitespace-pre-line">{child.livingSituation ?? t('common.none')}</span>
        </Fact>
      </dl>
      {open === 'edit' && (
        <BasicForm key={`${child.id}-edit`} child={child} onDone={done} onCancel={() => setOpen('none')} />
      )}
      {open === 'move' && <MoveForm child={child} onDone={done} onCancel={() => setOpen('none')} />}
      {child.residences.length > 0 && (
        <Fold
          className="mt-6"
          summary={t('record.openResidences', { n: child.residences.length })}
          openWhenHash="child-residences"
          testId="fold-residences"
        >
          <h3 id="child-residences" className="mb-2 text-std-20B-150">
            {t('record.residences')}
          </h3>
          <Table caption={t('record.residences')} captionHidden>
            <thead>
              <tr>
                <Th>{t('children.municipality')}</Th>
                <Th>{t('field.address')}</Th>
                <Th>{t('record.fromDate')}</Th>
                <Th>{t('record.toDate')}</Th>
              </tr>
            </thead>
            <tbody>
              {child.residences.map((r) => (
                <tr key={`${r.municipalityCode}-${r.fromDate}`}>
                  <Td>{r.municipalityName}</Td>
                  <Td>{r.address ?? t('common.none')}</Td>
                  <Td className="whitespace-nowrap">{formatDate(r.fromDate, locale)}</Td>
                  <Td className="whitespace-nowrap">
                    {r.toDate ? formatDate(r.toDate, locale) : t('record.current')}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Fold>
      )}
      <PeopleSections child={child} />
    </section>
  );
}
