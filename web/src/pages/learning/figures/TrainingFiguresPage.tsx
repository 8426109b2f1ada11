import { useNavigate, useSearch } from '@tanstack/react-router';
import { currentNendo } from '../../../../../src/shared/nendo';
import {
  COURSE_KIND_LABELS,
  PROFESSION_GROUP_LABELS,
  PROFESSION_LABELS,
} from '../../../../../src/shared/vocab/learning';
import { Button, buttonClass } from '../../../components/Button';
import { SelectField } from '../../../components/Field';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { vocab } from '../../../i18n/vocab';
import { formatDate, formatNendo, formatNumber } from '../../../lib/format';
import {
  type TrainingFigures,
  trainingFiguresExportHref,
  useTrainingFigures,
} from '../../../lib/queries/learning-roster';
import { readsTrainings } from '../courses/access';
import { forTrainingRoles } from '../courses/Guard';
import type { TrainingFiguresSearch } from './routes';

type Tally = { key: string; label: string; group?: string; participants: number; attendees: number };

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** Participants and attendees per category, with a bar of the participants relative to the largest row. */
function TallyTable({
  id,
  caption,
  rows,
  groupColumn,
}: {
  id: string;
  caption: string;
  rows: Tally[];
  groupColumn?: boolean;
}) {
  const t = useT();
  const { locale } = useLocale();
  const max = Math.max(1, ...rows.map((r) => r.participants));
  return (
    <Section title={caption} id={`tfig-${id}`}>
      {rows.length === 0 ? (
        <p>{t('tfig.none')}</p>
      ) : (
        <Table caption={caption} captionHidden>
          <thead>
            <tr>
              <Th className="w-1/3">{t('tfig.colKey')}</Th>
              {groupColumn && <Th>{t('tfig.colGroup')}</Th>}
              <Th className="text-right">{t('tfig.colParticipants')}</Th>
              <Th className="text-right">{t('tfig.colAttendees')}</Th>
              <Th aria-hidden="true" className="w-1/4 print:hidden" />
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <RowTh>{r.label}</RowTh>
                {groupColumn && <Td>{r.group}</Td>}
                <Td className="text-right tabular-nums">{formatNumber(r.participants, locale)}</Td>
                <Td className="text-right tabular-nums">{formatNumber(r.attendees, locale)}</Td>
                <Td aria-hidden="true" className="print:hidden">
                  <div className="h-4 rounded-4 bg-solid-gray-50">
                    <div
                      className="h-4 rounded-4 bg-key-700"
                      style={{ width: `${(r.participants / max) * 100}%` }}
                    />
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Section>
  );
}

function Rates({ f }: { f: TrainingFigures }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (x: number) => formatNumber(x, locale);
  return (
    <>
      <Section title={t('tfig.byCourse')} id="tfig-by-course">
        <Table caption={t('tfig.byCourse')} captionHidden>
          <thead>
            <tr>
              <Th>{t('tfig.colCourse')}</Th>
              <Th className="text-right">{t('tfig.colSessions')}</Th>
              <Th className="text-right">{t('tfig.colParticipants')}</Th>
              <Th className="text-right">{t('tfig.colCompleted')}</Th>
              <Th className="text-right">{t('tfig.colRate')}</Th>
            </tr>
          </thead>
          <tbody>
            {f.byCourse.map((c) => (
              <tr key={c.courseId}>
                <RowTh>
                  {c.title}
                  <span className="block text-dns-14N-130 text-solid-gray-700">
                    {vocab(t, COURSE_KIND_LABELS, c.kind)}
                  </span>
                </RowTh>
                <Td className="text-right tabular-nums">{n(c.sessions)}</Td>
                <Td className="text-right tabular-nums">{n(c.participants)}</Td>
                <Td className="text-right tabular-nums">{n(c.completed)}</Td>
                <Td className="text-right tabular-nums">{percent(c.rate)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>
      <Section title={t('tfig.bySession')} id="tfig-by-session">
        <Table caption={t('tfig.bySession')} captionHidden>
          <thead>
            <tr>
              <Th>{t('tfig.colSession')}</Th>
              <Th>{t('tfig.colFirstDay')}</Th>
              <Th className="text-right">{t('tfig.colParticipants')}</Th>
              <Th className="text-right">{t('tfig.colCompleted')}</Th>
              <Th className="text-right">{t('tfig.colRate')}</Th>
            </tr>
          </thead>
          <tbody>
            {f.bySession.map((s) => (
              <tr key={s.sessionId}>
                <RowTh>
                  {s.title}
                  <span className="block text-dns-14N-130 text-solid-gray-700">{s.courseTitle}</span>
                </RowTh>
                <Td className="whitespace-nowrap">{formatDate(s.firstDay, locale, { compact: true })}</Td>
                <Td className="text-right tabular-nums">{n(s.participants)}</Td>
                <Td className="text-right tabular-nums">{n(s.completed)}</Td>
                <Td className="text-right tabular-nums">{percent(s.rate)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>
    </>
  );
}

function FollowUp({ f }: { f: TrainingFigures }) {
  const t = useT();
  const { locale } = useLocale();
  const n = (x: number) => formatNumber(x, locale);
  return (
    <Section title={t('tfig.followUp')} id="tfig-follow-up">
      <p className="mb-4">{t('tfig.followUpIntro')}</p>
      <Table caption={t('tfig.followUp')} captionHidden>
        <thead>
          <tr>
            <Th>{t('tfig.colNendo')}</Th>
            <Th className="text-right">{t('tfig.colNewOrgs')}</Th>
            <Th className="text-right">{t('tfig.colTrainedOrgs')}</Th>
            <Th className="text-right">{t('tfig.colConsultations')}</Th>
            <Th className="text-right">{t('tfig.colAskingOrgs')}</Th>
          </tr>
        </thead>
        <tbody>
          {f.followUp.map((y) => (
            <tr key={y.nendo}>
              <RowTh>{formatNendo(y.nendo, locale)}</RowTh>
              <Td className="text-right tabular-nums">{n(y.newlyTrainedOrganisations)}</Td>
              <Td className="text-right tabular-nums">{n(y.trainedOrganisations)}</Td>
              <Td className="text-right tabular-nums">{n(y.consultations)}</Td>
              <Td className="text-right tabular-nums">{n(y.askingOrganisations)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Section>
  );
}

/**
 * Training figures by 年度 (docs/learning.md §8): attendances by kind, profession, group and region, completion
 * rates per course and session, and the consultations later received from trained organisations; printable and
 * as .xlsx.
 */
function Figures() {
  const t = useT();
  const { locale } = useLocale();
  const search = useSearch({ strict: false }) as TrainingFiguresSearch;
  const navigate = useNavigate();
  const thisYear = currentNendo(new Date());
  const nendo = search.nendo ?? thisYear;
  const query = useTrainingFigures(nendo);
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  return (
    <Page title={t('tfig.title')} intro={t('tfig.intro')}>
      <div className="mb-6 flex flex-wrap items-end gap-4">
        <SelectField
          label={t('tfig.nendo')}
          value={String(nendo)}
          onChange={(v) => void navigate({ to: '/learning/figures', search: { nendo: Number(v) } as never })}
          options={years.map((y) => ({ value: String(y), label: formatNendo(y, locale) }))}
        />
        <a
          href={trainingFiguresExportHref(nendo, locale)}
          download
          className={`${buttonClass('secondary')} mb-5`}
        >
          {t('tfig.download')}
        </a>
        <Button variant="secondary" className="mb-5" onClick={() => window.print()}>
          {t('tfig.print')}
        </Button>
      </div>
      <QueryState query={query}>
        {(f) => {
          const n = (x: number) => formatNumber(x, locale);
          return (
            <>
              <h2 className="mb-2 text-std-20B-150">
                {formatNendo(f.nendo, locale)}
                <span className="ml-3 text-std-16N-170 text-solid-gray-700">
                  {t('tfig.range', {
                    start: formatDate(f.range.start, locale, { compact: true }),
                    end: formatDate(f.range.end, locale, { compact: true }),
                  })}
                </span>
              </h2>
              {f.totals.sessions === 0 ? (
                <p role="status" className="mb-6">
                  {t('tfig.empty')}
                </p>
              ) : (
                <p className="mb-6 text-std-17B-170">
                  {t('tfig.totals', {
                    sessions: n(f.totals.sessions),
                    participants: n(f.totals.participants),
                    attendees: n(f.totals.attendees),
                    days: n(f.totals.attendanceDays),
                    completed: n(f.totals.completed),
                    rate: percent(f.totals.rate),
                  })}
                </p>
              )}
              {f.totals.sessions > 0 && (
                <>
                  <TallyTable
                    id="byCourseKind"
                    caption={t('tfig.byCourseKind')}
                    rows={f.byCourseKind.map((r) => ({ ...r, label: vocab(t, COURSE_KIND_LABELS, r.key) }))}
                  />
                  <TallyTable
                    id="byProfession"
                    caption={t('tfig.byProfession')}
                    groupColumn
                    rows={f.byProfession.map((r) => ({
                      ...r,
                      label: vocab(t, PROFESSION_LABELS, r.key),
                      group: vocab(t, PROFESSION_GROUP_LABELS, r.group),
                    }))}
                  />
                  <TallyTable
                    id="byProfessionGroup"
                    caption={t('tfig.byProfessionGroup')}
                    rows={f.byProfessionGroup.map((r) => ({
                      ...r,
                      label: vocab(t, PROFESSION_GROUP_LABELS, r.key),
                    }))}
                  />
                  <TallyTable
                    id="byRegion"
                    caption={t('tfig.byRegion')}
                    rows={f.byRegion.map((r) => ({ ...r, label: r.name ?? t('tfig.noRegion') }))}
                  />
                  <Rates f={f} />
                </>
              )}
              <FollowUp f={f} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}

export const TrainingFiguresPage = forTrainingRoles(readsTrainings, Figures);
