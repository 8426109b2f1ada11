import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { COURSE_KIND_LABELS, COURSE_KINDS } from '../../../../../src/shared/vocab/learning';
import { Button, buttonClass } from '../../../components/Button';
import { Checkbox, SelectField, TextField } from '../../../components/Field';
import { Page, Section } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { vocab, vocabOptions } from '../../../i18n/vocab';
import { formatDate, formatNumber } from '../../../lib/format';
import { type CourseList, type CourseListQuery, useCourses } from '../../../lib/queries/learning-courses';
import { readsTrainings, writesTrainings } from './access';
import { forTrainingRoles, useRole } from './Guard';
import { ownerShort } from './shared';

type Filter = { q: string; kind: string; mine: boolean; archived: boolean };
const EMPTY: Filter = { q: '', kind: '', mine: false, archived: false };

function queryOf(f: Filter): CourseListQuery {
  return {
    q: f.q.trim() || undefined,
    kind: (f.kind || undefined) as CourseListQuery['kind'],
    owner: f.mine ? 'mine' : undefined,
    archived: f.archived ? 'true' : 'false',
  };
}

function Results({ data }: { data: CourseList }) {
  const t = useT();
  const { locale } = useLocale();
  if (data.items.length === 0) return <p role="status">{t('training.courses.empty')}</p>;
  return (
    <Table caption={t('training.courses.caption')}>
      <thead>
        <tr>
          <Th>{t('training.courseTitle')}</Th>
          <Th>{t('training.owner')}</Th>
          <Th className="text-right">{t('training.sessionCount')}</Th>
          <Th>{t('training.nextDate')}</Th>
          <Th>{t('training.publicity')}</Th>
        </tr>
      </thead>
      <tbody>
        {data.items.map((c) => (
          <tr key={c.id}>
            <Td className="min-w-64">
              <span className="block text-dns-14N-130 text-solid-gray-700">
                {vocab(t, COURSE_KIND_LABELS, c.kind)}
              </span>
              <Link
                to="/learning/courses/$courseId"
                params={{ courseId: c.id }}
                className="inline-flex min-h-11 items-center text-std-16B-170"
              >
                {c.title}
              </Link>
              {c.archived && <span className="block text-dns-14B-120">{t('training.archivedShort')}</span>}
            </Td>
            <Td className="min-w-32">
              {ownerShort(t, c.owner)}
              {c.canManage && (
                <span className="block text-dns-14N-130 text-solid-gray-700">{t('training.youManage')}</span>
              )}
            </Td>
            <Td className="text-right tabular-nums">{formatNumber(c.sessionCount, locale)}</Td>
            <Td className="whitespace-nowrap">
              {c.nextDate ? formatDate(c.nextDate, locale, { weekday: true }) : t('common.none')}
            </Td>
            <Td>{c.isPublic ? t('training.public') : t('training.notPublicShort')}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** 研修（コース）: what the centre teaches — kind, owner, sessions and the next date; archived ones on request. */
function CoursesPageInner() {
  const t = useT();
  const role = useRole();
  const [form, setForm] = useState<Filter>(EMPTY);
  const [applied, setApplied] = useState<Filter>(EMPTY);
  const courses = useCourses(queryOf(applied));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setApplied(form);
  };
  return (
    <Page title={t('training.courses.title')} intro={t('training.courses.intro')}>
      <div className="mb-6 flex flex-wrap gap-3 print:hidden">
        {role && writesTrainings(role) && (
          <Link
            to="/learning/courses/new"
            className={buttonClass('primary', 'no-underline hover:text-white')}
          >
            {t('training.courses.new')}
          </Link>
        )}
        <Link to="/learning/sessions" className={buttonClass('secondary', 'no-underline')}>
          {t('training.sessions.title')}
        </Link>
      </div>
      <Section id="training-courses-filter" title={t('training.filter')}>
        <form onSubmit={submit} className="print:hidden">
          <div className="grid gap-x-4 md:grid-cols-2">
            <TextField
              label={t('training.q')}
              value={form.q}
              onChange={(v) => setForm((f) => ({ ...f, q: v }))}
            />
            <SelectField
              label={t('training.kind')}
              value={form.kind}
              onChange={(v) => setForm((f) => ({ ...f, kind: v }))}
              emptyLabel={t('common.all')}
              options={vocabOptions(t, COURSE_KINDS, COURSE_KIND_LABELS)}
            />
          </div>
          <Checkbox
            label={t('training.mineCourses')}
            checked={form.mine}
            onChange={(v) => setForm((f) => ({ ...f, mine: v }))}
          />
          <Checkbox
            label={t('training.showArchived')}
            checked={form.archived}
            onChange={(v) => setForm((f) => ({ ...f, archived: v }))}
          />
          <div className="mt-3 flex flex-wrap gap-3">
            <Button type="submit">{t('common.search')}</Button>
            <Button
              variant="secondary"
              onClick={() => {
                setForm(EMPTY);
                setApplied(EMPTY);
              }}
            >
              {t('common.clear')}
            </Button>
          </div>
        </form>
      </Section>
      <Section id="training-courses-results" title={t('training.results')}>
        <QueryState query={courses}>{(data) => <Results data={data} />}</QueryState>
      </Section>
    </Page>
  );
}

export const CoursesPage = forTrainingRoles(readsTrainings, CoursesPageInner);
