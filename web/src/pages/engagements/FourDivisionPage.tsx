import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { StatusMessage } from '../../components/Alert';
import { Button, buttonClass } from '../../components/Button';
import { Checkbox } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatNumber } from '../../lib/format';
import { type FourDivisionRow, useFourDivision, useSetCadence } from '../../lib/queries/engagements';
import { forTrainingRoles } from '../learning/courses/Guard';
import { readsEngagements } from './access';
import { CadenceForm } from './CadenceForm';
import { LastMeeting, NextDue, Whose } from './CycleCells';
import { EngagementTabs } from './EngagementTabs';

/**
 * Four-division meetings (KU-2) by municipality, the most overdue first: the last meeting and who came, when the
 * next is due and how overdue, the one planned, whose it is; each municipality's cycle set in place.
 */
function FourDivisionScreen() {
  const t = useT();
  const { locale } = useLocale();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [showOff, setShowOff] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'info' } | null>(null);
  const query = useFourDivision(overdueOnly ? 'overdue' : undefined);
  // Held here, not in the form: a row set off its cycle (or no longer overdue) leaves the rows shown and
  // unmounts its form, and a mutation's per-call callbacks only run while the component that started it is mounted.
  const save = useSetCadence();
  return (
    <Page title={t('eng.cycle.title')} intro={t('eng.cycle.intro')}>
      <EngagementTabs />
      <QueryState query={query}>
        {(list) => {
          const overdue = list.items.filter((i) => i.state === 'overdue').length;
          const rows = list.items.filter((i) => showOff || overdueOnly || i.state !== 'off_cycle');
          const offCycle = list.items.filter((i) => i.state === 'off_cycle').length;
          return (
            <>
              <p className="mb-4 text-std-17B-170" role="status">
                {overdueOnly
                  ? t('eng.cycle.overdueCount', { n: formatNumber(list.items.length, locale) })
                  : t('eng.cycle.summary', {
                      onCycle: formatNumber(list.items.length - offCycle, locale),
                      overdue: formatNumber(overdue, locale),
                    })}
              </p>
              <div className="mb-4 print:hidden">
                <Checkbox
                  label={t('eng.cycle.overdueOnly')}
                  checked={overdueOnly}
                  onChange={setOverdueOnly}
                />
                {!overdueOnly && (
                  <Checkbox
                    label={t('eng.cycle.showOff', { n: formatNumber(offCycle, locale) })}
                    checked={showOff}
                    onChange={setShowOff}
                  />
                )}
              </div>
              <StatusMessage tone={message?.tone}>{message?.text}</StatusMessage>
              {rows.length === 0 ? (
                <p>{overdueOnly ? t('eng.cycle.noneOverdue') : t('eng.cycle.none')}</p>
              ) : (
                <Table caption={t('eng.cycle.caption')}>
                  <thead>
                    <tr>
                      <Th>{t('eng.colMunicipality')}</Th>
                      <Th>{t('eng.cycle.colNext')}</Th>
                      <Th>{t('eng.cycle.colLast')}</Th>
                      <Th>{t('eng.cycle.colCycle')}</Th>
                      <Th>{t('eng.cycle.colWhose')}</Th>
                      {list.canEdit && <Th className="print:hidden">{t('eng.cycle.colAction')}</Th>}
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r: FourDivisionRow) => (
                      <tr key={r.municipalityCode}>
                        <RowTh className="min-w-28">
                          {r.municipalityName}
                          {r.regionName && (
                            <span className="block text-dns-14N-130 font-normal text-solid-gray-700">
                              {r.regionName}
                            </span>
                          )}
                        </RowTh>
                        <Td className="min-w-36">
                          <NextDue r={r} />
                        </Td>
                        <Td className="min-w-36">
                          <LastMeeting r={r} />
                        </Td>
                        <Td className="min-w-28">
                          {r.onCycle
                            ? t('eng.cycle.every', { min: r.minMonths, max: r.maxMonths })
                            : t('common.none')}
                          {r.note && <span className="block text-dns-14N-130">{r.note}</span>}
                        </Td>
                        <Td className="min-w-44">
                          <Whose r={r} />
                        </Td>
                        {list.canEdit && (
                          <Td className="min-w-48 print:hidden">
                            {editing === r.municipalityCode ? (
                              <CadenceForm
                                row={r}
                                save={save}
                                onCancel={() => setEditing(null)}
                                onDone={() => {
                                  setEditing(null);
                                  setMessage({
                                    text: t('eng.cycle.saved', { name: r.municipalityName }),
                                    tone: 'success',
                                  });
                                }}
                                onConflict={() => {
                                  setEditing(null);
                                  setMessage({ text: t('eng.conflict'), tone: 'info' });
                                }}
                              />
                            ) : (
                              <div className="flex flex-col gap-2">
                                <Link
                                  to="/engagements/new"
                                  search={{ kind: 'four_division', municipalityCode: r.municipalityCode }}
                                  className={buttonClass('secondary', 'whitespace-nowrap')}
                                  aria-label={t('eng.cycle.recordFor', { name: r.municipalityName })}
                                >
                                  {t('eng.cycle.record')}
                                </Link>
                                <Button
                                  variant="secondary"
                                  className="whitespace-nowrap"
                                  aria-label={t('eng.cycle.setFor', { name: r.municipalityName })}
                                  onClick={() => {
                                    setMessage(null);
                                    save.reset();
                                    setEditing(r.municipalityCode);
                                  }}
                                >
                                  {t('eng.cycle.set')}
                                </Button>
                              </div>
                            )}
                          </Td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

export const FourDivisionPage = forTrainingRoles(readsEngagements, FourDivisionScreen);
