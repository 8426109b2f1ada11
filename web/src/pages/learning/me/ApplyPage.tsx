import { Link, useParams } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import {
  COURSE_KIND_LABELS,
  PROFESSION_GROUP_LABELS,
  PROFESSION_GROUP_OF,
  PROFESSION_LABELS,
  PROFESSIONS,
  type Profession,
} from '../../../../../src/shared/vocab/learning';
import { ApiErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Fieldset, SelectField, TextAreaField, TextField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useLocale, useT } from '../../../i18n';
import { vocab, vocabOptions } from '../../../i18n/vocab';
import { formatDate, formatDateTime } from '../../../lib/format';
import { type ApplyContext, useApply, useApplyContext } from '../applications/applications-api';
import { CourseLine } from '../CourseLine';

const LINK = 'inline-flex min-h-11 items-center text-key-900 underline underline-offset-4';

/**
 * 研修の申し込み: a learner applies to one session. The form starts from their profile (profession, the
 * municipality they work in — its region is what a capped course's selection balances on — and workplace);
 * a follow-up course also asks the pre-survey. The result is shown on "my applications" once announced.
 */
export function ApplyPage() {
  const { sessionId } = useParams({ strict: false }) as { sessionId: string };
  const t = useT();
  const context = useApplyContext(sessionId);
  return (
    <Page title={t('apply.title')}>
      <QueryState query={context}>{(c) => <ApplyForm key={c.session.id} context={c} />}</QueryState>
    </Page>
  );
}

function SessionFacts({ s }: { s: ApplyContext['session'] }) {
  const t = useT();
  const { locale } = useLocale();
  return (
    <dl className="mb-6 grid max-w-3xl grid-cols-1 gap-x-4 gap-y-1 text-std-16N-170 sm:grid-cols-[10em_1fr]">
      <dt className="font-bold">{t('apply.session')}</dt>
      <dd>
        {s.title}
        <CourseLine
          title={s.courseTitle}
          kindLabel={vocab(t, COURSE_KIND_LABELS, s.courseKind)}
          sessionTitle={s.title}
        />
      </dd>
      <dt className="font-bold">{t('apply.firstDay')}</dt>
      <dd>{s.firstDay ? formatDate(s.firstDay, locale, { weekday: true }) : t('common.none')}</dd>
      <dt className="font-bold">{t('apply.place')}</dt>
      <dd>{s.place || t('common.none')}</dd>
      <dt className="font-bold">{t('apply.capacity')}</dt>
      <dd>{s.capacity === null ? t('apply.noCapacity') : t('common.persons', { n: s.capacity })}</dd>
      <dt className="font-bold">{t('apply.window')}</dt>
      <dd>
        {s.applicationsOpenAt || s.applicationsCloseAt
          ? t('apply.windowLine', {
              from: s.applicationsOpenAt ? formatDateTime(s.applicationsOpenAt, locale) : '',
              to: s.applicationsCloseAt ? formatDateTime(s.applicationsCloseAt, locale) : '',
            })
          : t('apply.windowNone')}
      </dd>
    </dl>
  );
}

type Survey = { active: '' | 'yes' | 'no'; cases: string; topics: string; challenges: string };

function ApplyForm({ context }: { context: ApplyContext }) {
  const t = useT();
  const apply = useApply(context.session.id);
  const s = context.session;
  const [profession, setProfession] = useState<Profession | ''>(context.defaults.profession ?? '');
  const [municipalityCode, setMunicipality] = useState(context.defaults.municipalityCode ?? '');
  const [workplace, setWorkplace] = useState(context.defaults.workplace);
  const [survey, setSurvey] = useState<Survey>({ active: '', cases: '', topics: '', challenges: '' });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [sent, setSent] = useState(false);

  if (sent || context.applicationId) {
    return (
      <>
        <SessionFacts s={s} />
        <StatusMessage>{sent ? t('apply.sent') : t('apply.already')}</StatusMessage>
        <p className="mb-4 max-w-3xl">{t('apply.next')}</p>
        <Link to="/learning/me/applications" className={LINK}>
          {t('apply.toMine')}
        </Link>
      </>
    );
  }
  if (!s.acceptsApplications) {
    return (
      <>
        <SessionFacts s={s} />
        <StatusMessage tone="info">{t('apply.closed')}</StatusMessage>
        <Link to="/learning/me/applications" className={LINK}>
          {t('apply.toMine')}
        </Link>
      </>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const cases = Number(survey.cases);
    const next: Record<string, string | undefined> = {
      profession: profession ? undefined : t('apply.choose', { field: t('apply.profession') }),
      municipality: municipalityCode ? undefined : t('apply.choose', { field: t('apply.municipality') }),
    };
    if (s.needsPreSurvey) {
      next.active = survey.active ? undefined : t('apply.choose', { field: t('apply.survey.active') });
      next.cases =
        survey.cases.trim() !== '' && Number.isInteger(cases) && cases >= 0 && cases <= 10_000
          ? undefined
          : t('apply.survey.casesInvalid');
    }
    setErrors(next);
    if (Object.values(next).some(Boolean) || !profession) return;
    apply.mutate(
      {
        profession,
        municipalityCode,
        workplace: workplace.trim(),
        preSurvey: s.needsPreSurvey
          ? {
              activeAsCoordinator: survey.active === 'yes',
              casesLastYear: cases,
              topics: survey.topics,
              challenges: survey.challenges,
            }
          : null,
      },
      { onSuccess: () => setSent(true) },
    );
  };

  return (
    <>
      <SessionFacts s={s} />
      {s.capacity !== null && <p className="mb-4 max-w-3xl">{t('apply.selectionNote')}</p>}
      <form onSubmit={submit} noValidate className="max-w-2xl">
        <SelectField
          label={t('apply.profession')}
          hint={
            profession
              ? t('apply.professionGroup', {
                  group: vocab(t, PROFESSION_GROUP_LABELS, PROFESSION_GROUP_OF[profession]),
                })
              : t('apply.professionHint')
          }
          value={profession}
          onChange={(v) => setProfession(v as Profession | '')}
          emptyLabel={t('common.choose')}
          options={vocabOptions(t, PROFESSIONS, PROFESSION_LABELS)}
          error={errors.profession}
          required
        />
        <SelectField
          label={t('apply.municipality')}
          hint={t('apply.municipalityHint')}
          value={municipalityCode}
          onChange={setMunicipality}
          emptyLabel={t('common.choose')}
          options={context.municipalities.map((m) => ({ value: m.code, label: m.name }))}
          error={errors.municipality}
          required
        />
        <TextField
          label={t('apply.workplace')}
          hint={t('apply.workplaceHint')}
          value={workplace}
          onChange={setWorkplace}
          maxLength={200}
          autoComplete="organization"
        />
        {s.needsPreSurvey && (
          <section aria-labelledby="pre-survey" className="mb-5 rounded-8 border border-solid-gray-300 p-4">
            <h2 id="pre-survey" className="mb-1 text-std-20B-150">
              {t('apply.survey.title')}
            </h2>
            <p className="mb-4 text-std-16N-170">{t('apply.survey.intro')}</p>
            <Fieldset legend={t('apply.survey.active')} required error={errors.active}>
              <div className="flex flex-wrap gap-6">
                {(['yes', 'no'] as const).map((v) => (
                  <label key={v} className="flex min-h-11 items-center gap-2">
                    <input
                      type="radio"
                      name="active"
                      value={v}
                      checked={survey.active === v}
                      onChange={() => setSurvey({ ...survey, active: v })}
                      className="size-6 accent-key-900"
                    />
                    {v === 'yes' ? t('common.yes') : t('common.no')}
                  </label>
                ))}
              </div>
            </Fieldset>
            <TextField
              label={t('apply.survey.cases')}
              hint={t('apply.survey.casesHint')}
              type="number"
              inputMode="numeric"
              min={0}
              max={10000}
              value={survey.cases}
              onChange={(v) => setSurvey({ ...survey, cases: v })}
              error={errors.cases}
              required
              className="max-w-40"
            />
            <TextAreaField
              label={t('apply.survey.topics')}
              hint={t('apply.survey.topicsHint')}
              value={survey.topics}
              onChange={(v) => setSurvey({ ...survey, topics: v })}
              rows={4}
            />
            <TextAreaField
              label={t('apply.survey.challenges')}
              hint={t('apply.survey.challengesHint')}
              value={survey.challenges}
              onChange={(v) => setSurvey({ ...survey, challenges: v })}
              rows={4}
            />
          </section>
        )}
        <p className="mb-4 text-std-16N-170 text-solid-gray-700">{t('apply.privacy')}</p>
        <ApiErrorAlert error={apply.error} />
        <Button type="submit" disabled={apply.isPending}>
          {apply.isPending ? t('apply.sending') : t('apply.submit')}
        </Button>
      </form>
    </>
  );
}
