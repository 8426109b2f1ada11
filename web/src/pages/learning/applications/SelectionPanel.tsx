import { useState } from 'react';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { TextField } from '../../../components/Field';
import { Section } from '../../../components/Page';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { formatDateTime, formatNumber } from '../../../lib/format';
import { type Applicants, type Selection, useAnnounce, useRunSelection } from './applications-api';

const SEED = /^[0-9a-f]{16}$/;

/** Why the run button is not offered, in words (the server's `can.run` is false). */
function notRunnableKey(data: Applicants) {
  if (data.selection?.announcedAt) return 'selection.run.announced' as const;
  if (data.session.capacity === null) return 'selection.run.noCapacity' as const;
  return 'selection.run.state' as const;
}

/**
 * 選考: run the balanced rule (with a seed of the staff's choosing or a random one), see the seed, whether the
 * stored result re-runs to the same, each region's explanation, and announce the results. A run that lost the
 * race to a colleague's (409) says so and shows the colleague's result.
 */
export function SelectionPanel({ data, sessionId }: { data: Applicants; sessionId: string }) {
  const t = useT();
  const run = useRunSelection(sessionId);
  const announce = useAnnounce(sessionId);
  const [seed, setSeed] = useState('');
  const [confirm, setConfirm] = useState<'rerun' | 'announce' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const selection = data.selection;
  const seedError = seed && !SEED.test(seed) ? t('selection.run.seedInvalid') : null;
  const active = data.items.filter((a) => a.status !== 'cancelled').length;

  const doRun = () => {
    setConfirm(null);
    setDone(null);
    run.mutate(
      { selectionVersion: selection?.version ?? 0, ...(seed ? { seed } : {}) },
      { onSuccess: () => setDone(t('selection.run.done')) },
    );
  };
  const doAnnounce = () => {
    setConfirm(null);
    setDone(null);
    if (!selection) return;
    announce.mutate(selection.version, { onSuccess: () => setDone(t('selection.announce.done')) });
  };

  return (
    <Section id="selection" title={t('selection.section')}>
      <p className="mb-4 max-w-4xl text-std-16N-170">{t('selection.ruleSummary')}</p>
      {selection ? <SelectionFacts selection={selection} /> : <p className="mb-4">{t('selection.notRun')}</p>}

      {data.can.run ? (
        <form
          className="mb-4 max-w-2xl rounded-8 border border-solid-gray-300 p-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (seedError) return;
            if (selection) setConfirm('rerun');
            else doRun();
          }}
        >
          <TextField
            label={t('selection.run.seed')}
            hint={t('selection.run.seedHint')}
            value={seed}
            onChange={(v) => setSeed(v.trim().toLowerCase())}
            error={seedError}
            inputMode="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={16}
            className="font-mono"
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={run.isPending || active === 0 || Boolean(seedError)}>
              {run.isPending
                ? t('selection.run.running')
                : selection
                  ? t('selection.run.again')
                  : t('selection.run.button', { seats: data.session.capacity ?? 0, n: active })}
            </Button>
            {selection && (
              <Button variant="secondary" onClick={() => setSeed(selection.seed)}>
                {t('selection.run.useSeed')}
              </Button>
            )}
          </div>
          {active === 0 && <p className="mt-2">{t('selection.run.noApplicants')}</p>}
        </form>
      ) : (
        <p className="mb-4">{t(notRunnableKey(data))}</p>
      )}

      {data.can.announce && selection && (
        <div className="mb-4">
          <Button disabled={announce.isPending} onClick={() => setConfirm('announce')}>
            {t('selection.announce.button')}
          </Button>
          <p className="mt-1 text-std-16N-170 text-solid-gray-700">{t('selection.announce.hint')}</p>
        </div>
      )}

      {isApiError(run.error, 'conflict') ? (
        <ErrorAlert>{t('selection.run.conflict')}</ErrorAlert>
      ) : (
        <ApiErrorAlert error={run.error} />
      )}
      {isApiError(announce.error, 'conflict') ? (
        <ErrorAlert>{t('selection.announce.conflict')}</ErrorAlert>
      ) : (
        <ApiErrorAlert error={announce.error} />
      )}
      <StatusMessage>{done}</StatusMessage>

      <ConfirmDialog
        open={confirm === 'rerun'}
        message={t('selection.run.confirm')}
        confirmLabel={t('selection.run.again')}
        onConfirm={doRun}
        onCancel={() => setConfirm(null)}
      />
      <ConfirmDialog
        open={confirm === 'announce'}
        message={t('selection.announce.confirm', {
          selected: data.counts.selected,
          waiting: data.counts.waiting,
          notSelected: data.counts.notSelected,
          applied: data.counts.applied,
        })}
        confirmLabel={t('selection.announce.button')}
        onConfirm={doAnnounce}
        onCancel={() => setConfirm(null)}
      />
    </Section>
  );
}

/** The stored run: seed, who ran it and when, the re-run check, the seat arithmetic and each region's share. */
export function SelectionFacts({ selection }: { selection: Selection }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <>
      <dl className="mb-4 grid max-w-4xl grid-cols-1 gap-x-4 gap-y-1 text-std-16N-170 sm:grid-cols-[14em_1fr]">
        <dt className="font-bold">{t('selection.seed')}</dt>
        <dd>
          <code className="font-mono text-std-17B-170" data-testid="selection-seed">
            {selection.seed}
          </code>
        </dd>
        <dt className="font-bold">{t('selection.ranAt')}</dt>
        <dd>
          {formatDateTime(selection.ranAt, locale)}（{selection.ranByName}）
        </dd>
        <dt className="font-bold">{t('selection.announcedAt')}</dt>
        <dd>
          {selection.announcedAt
            ? formatDateTime(selection.announcedAt, locale)
            : t('selection.notAnnounced')}
        </dd>
        <dt className="font-bold">{t('selection.check')}</dt>
        <dd data-testid="selection-check">
          {selection.reproducible ? (
            <span className="text-green-900">✓ {t('selection.reproducible')}</span>
          ) : (
            <span className="font-bold text-error-2">⚠ {t('selection.notReproducible')}</span>
          )}
        </dd>
        <dt className="font-bold">{t('selection.seats')}</dt>
        <dd>
          {t('selection.seatsLine', {
            seats: selection.seats,
            guaranteed: selection.guaranteeSeatsGiven,
            needed: selection.guaranteeSeatsNeeded,
            proportional: selection.proportionalSeats,
            empty: selection.emptySeats,
          })}
        </dd>
      </dl>
      {selection.guaranteeSeatsGiven < selection.guaranteeSeatsNeeded && (
        <p className="mb-4 max-w-4xl">{t('selection.roundsNote')}</p>
      )}
      <RegionTable selection={selection} />
    </>
  );
}

function RegionTable({ selection }: { selection: Selection }) {
  const t = useT();
  const { locale } = useLocale();
  const regions = [...selection.regions].sort((a, b) => a.regionRank - b.regionRank);
  return (
    <Table caption={t('selection.regions.caption')}>
      <thead>
        <tr>
          <Th>{t('selection.regions.region')}</Th>
          <Th>{t('selection.regions.applicants')}</Th>
          <Th>{t('selection.regions.eligible')}</Th>
          <Th>{t('selection.regions.rank')}</Th>
          <Th>{t('selection.regions.guaranteed')}</Th>
          <Th>{t('selection.regions.quota')}</Th>
          <Th>{t('selection.regions.proportional')}</Th>
          <Th>{t('selection.regions.selected')}</Th>
        </tr>
      </thead>
      <tbody>
        {regions.map((r) => (
          <tr key={r.regionId ?? 'none'}>
            <RowTh>{r.regionName ?? t('selection.noRegion')}</RowTh>
            <Td>
              {t('selection.regions.split', { n: r.applicants, medical: r.medical, welfare: r.welfare })}
            </Td>
            <Td>
              {r.regionId === null
                ? t('selection.regions.noGuaranteeNoRegion')
                : r.guaranteeEligible
                  ? t('common.yes')
                  : t('selection.regions.notEligible')}
            </Td>
            <Td className="text-right">{r.regionRank}</Td>
            <Td className="text-right">{r.guaranteed}</Td>
            <Td className="text-right">{formatNumber(Math.round(r.quota * 100) / 100, locale)}</Td>
            <Td className="text-right">{r.proportional}</Td>
            <Td className="text-right font-bold">{r.selected}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
