import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import {
  type CaseloadBoard,
  type CaseloadCounts,
  useCaseload,
  useSaveCaseloadRule,
} from '../../lib/queries/consultations';
import { editsCaseloadRule, readsConsultations } from './access';
import { forConsultationRoles, useRole } from './Guard';
import { tierLabel } from './labels';

const pct = (v: number) => `${Math.round(v * 100)}%`;

function CountCells({ c }: { c: CaseloadCounts }) {
  return (
    <>
      <Td className="text-right tabular-nums">{c.open}</Td>
      <Td className="text-right tabular-nums">{c.children}</Td>
      <Td className="text-right tabular-nums">{c.overdue}</Td>
      <Td className="text-right tabular-nums">{c.newThisMonth}</Td>
    </>
  );
}

function CountHeads() {
  const t = useT();
  return (
    <>
      <Th className="text-right">{t('consult.caseload.open')}</Th>
      <Th className="text-right">{t('consult.caseload.children')}</Th>
      <Th className="text-right">{t('consult.caseload.overdue')}</Th>
      <Th className="text-right">{t('consult.caseload.newThisMonth')}</Th>
    </>
  );
}

/** The caseload board (MI-8): per person and team, the concentration warning and its rule in words. */
function Caseload() {
  const t = useT();
  const { locale } = useLocale();
  const role = useRole();
  const query = useCaseload();
  return (
    <Page title={t('consult.caseload.title')} intro={t('consult.caseload.intro')}>
      <QueryState query={query}>
        {(b) => (
          <>
            {b.regions
              .filter((r) => r.warn)
              .map((r) => (
                <div
                  key={r.regionId}
                  role="alert"
                  className="mb-4 rounded-8 border-2 border-error-2 bg-red-50 px-4 py-3 text-error-2"
                >
                  {t('consult.caseload.warning', {
                    region: r.name,
                    top: r.topCount,
                    cases: r.topCases,
                    open: r.openCases,
                    share: pct(r.share),
                  })}
                </div>
              ))}
            <Section title={t('consult.caseload.rule')} id="caseload-rule">
              <p className="max-w-3xl">{b.rule.explanation[locale]}</p>
              <p className="max-w-3xl">
                {t('consult.caseload.rule.escalation', { days: b.rule.escalateAfterWorkingDays })}
              </p>
              {role && editsCaseloadRule(role) && <RuleForm board={b} />}
            </Section>
            <Section title={t('consult.caseload.people')} id="caseload-people">
              {b.people.length === 0 ? (
                <p>{t('consult.caseload.empty')}</p>
              ) : (
                <Table caption={t('consult.caseload.people')} captionHidden>
                  <thead>
                    <tr>
                      <Th>{t('consult.caseload.person')}</Th>
                      <CountHeads />
                      <Th className="text-right">{t('consult.caseload.keyChildren')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.people.map((p) => (
                      <tr key={p.userId ?? 'none'}>
                        <RowTh>{p.name ?? t('consult.caseload.unassigned')}</RowTh>
                        <CountCells c={p} />
                        <Td className="text-right tabular-nums">{p.keyChildren}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </Section>
            <Section title={t('consult.caseload.teams')} id="caseload-teams">
              {b.teams.length === 0 ? (
                <p>{t('consult.caseload.empty')}</p>
              ) : (
                <Table caption={t('consult.caseload.teams')} captionHidden>
                  <thead>
                    <tr>
                      <Th>{t('consult.caseload.team')}</Th>
                      <CountHeads />
                    </tr>
                  </thead>
                  <tbody>
                    {b.teams.map((x) => (
                      <tr key={x.teamId}>
                        <RowTh>{t('consult.withTier', { name: x.name, tier: tierLabel(t, x.tier) })}</RowTh>
                        <CountCells c={x} />
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </Section>
            <Section title={t('consult.caseload.regions')} id="caseload-regions">
              {b.regions.length === 0 ? (
                <p>{t('consult.caseload.empty')}</p>
              ) : (
                <Table caption={t('consult.caseload.regions')} captionHidden>
                  <thead>
                    <tr>
                      <Th>{t('consult.caseload.region')}</Th>
                      <Th className="text-right">{t('consult.caseload.open')}</Th>
                      <Th className="text-right">{t('consult.caseload.share')}</Th>
                      <Th>{t('consult.caseload.judgement')}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {b.regions.map((r) => (
                      <tr key={r.regionId}>
                        <RowTh>{r.name}</RowTh>
                        <Td className="text-right tabular-nums">{r.openCases}</Td>
                        <Td className="text-right tabular-nums">{pct(r.share)}</Td>
                        <Td>
                          {r.skipped
                            ? t('consult.caseload.skipped')
                            : r.warn
                              ? t('consult.caseload.warn')
                              : t('consult.caseload.ok')}
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </Section>
          </>
        )}
      </QueryState>
    </Page>
  );
}

function RuleForm({ board }: { board: CaseloadBoard }) {
  const t = useT();
  const save = useSaveCaseloadRule();
  const [top, setTop] = useState(String(Math.round(board.rule.topShare * 100)));
  const [max, setMax] = useState(String(Math.round(board.rule.maxShare * 100)));
  const [min, setMin] = useState(String(board.rule.minCases));
  const [days, setDays] = useState(String(board.rule.escalateAfterWorkingDays));
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    save.mutate(
      {
        topShare: Number(top) / 100,
        maxShare: Number(max) / 100,
        minCases: Number(min),
        escalateAfterWorkingDays: Number(days),
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form onSubmit={submit} noValidate className="mt-4 grid max-w-3xl gap-x-4 md:grid-cols-3">
      <TextField
        type="number"
        min={1}
        max={99}
        label={t('consult.caseload.rule.topShare')}
        value={top}
        onChange={setTop}
      />
      <TextField
        type="number"
        min={1}
        max={99}
        label={t('consult.caseload.rule.maxShare')}
        value={max}
        onChange={setMax}
      />
      <TextField
        type="number"
        min={0}
        label={t('consult.caseload.rule.minCases')}
        value={min}
        onChange={setMin}
      />
      <TextField
        type="number"
        min={1}
        max={20}
        label={t('consult.caseload.rule.escalateDays')}
        hint={t('consult.caseload.rule.escalateDaysHint')}
        value={days}
        onChange={setDays}
      />
      <div className="md:col-span-3">
        {save.error && <ApiErrorAlert error={save.error} />}
        <Button type="submit" disabled={save.isPending}>
          {t('consult.caseload.rule.save')}
        </Button>
        <StatusMessage>{saved ? t('consult.caseload.rule.saved') : null}</StatusMessage>
      </div>
    </form>
  );
}

export const CaseloadPage = forConsultationRoles(readsConsultations, Caseload);
