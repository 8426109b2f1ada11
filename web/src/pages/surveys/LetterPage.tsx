import type { z } from '@hono/zod-openapi';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import type { ZInvitationList, ZIssuedLinks, ZSurvey } from '../../../../src/modules/surveys/schemas';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { PRINT_BACK_LINK } from '../../components/PrintSheet';
import { QrCode } from '../../components/QrCode';
import { QueryState } from '../../components/QueryState';
import { useLocale, useT } from '../../i18n';
import { api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { absoluteLink } from '../../lib/links';
import { useSession } from '../../lib/queries/auth';
import { NotFoundPage } from '../NotFoundPage';
import { forgetLinksForLetters, type IssuedLink, keepLinksForLetters, linksForLetters } from './letter-links';

type Survey = z.infer<typeof ZSurvey>;

/** One A4 letter: to whom, the survey, the request, the link's address and QR code, the closing date (和暦). */
function Letter({ survey, link }: { survey: Survey; link: IssuedLink }) {
  const t = useT();
  const { locale } = useLocale();
  const address = absoluteLink(link.url);
  return (
    <article
      aria-label={t('surveyLetter.to', { name: link.name })}
      className="mx-auto mb-8 max-w-[180mm] break-after-page border border-solid-gray-300 bg-white p-6 text-solid-gray-900 print:mb-0 print:border-0 print:p-0"
    >
      <div className="mb-8 min-h-24">
        {(link.municipalityName || link.address) && (
          <p className="text-std-16N-170">
            {link.municipalityName}
            {link.address ? ` ${link.address}` : ''}
          </p>
        )}
        <p className="text-std-20B-150">{t('surveyLetter.to', { name: link.name })}</p>
      </div>
      <h2 className="mb-4 text-std-24B-150">{survey.title}</h2>
      <p className="mb-3 text-std-17N-170">{t('surveyLetter.request', { title: survey.title })}</p>
      {survey.description && (
        <p className="mb-3 whitespace-pre-line text-std-16N-170">{survey.description}</p>
      )}
      <p className="mb-1 text-std-16N-170">{t('surveyLetter.personal')}</p>
      {survey.anonymous && <p className="mb-1 text-std-16N-170">{t('surveyLetter.anonymous')}</p>}
      <div className="my-6 flex flex-wrap items-center gap-6 rounded-8 border-2 border-black p-4">
        <QrCode text={address} label={`${t('surveyLetter.qr')}: ${address}`} size={160} />
        <div className="min-w-0 flex-1">
          <p className="text-std-16B-170">{t('surveyLetter.address')}</p>
          <p className="break-all font-mono text-std-17B-170" data-testid="letter-address">
            {address}
          </p>
        </div>
      </div>
      <p className="mb-6 text-std-17B-170">
        {survey.closesAt
          ? t('surveyLetter.closes', { date: formatDateTime(survey.closesAt, locale, { weekday: true }) })
          : t('surveyLetter.noClosing')}
      </p>
      <p className="text-right text-std-16N-170">{t('surveyLetter.from')}</p>
    </article>
  );
}

/** Without links kept in this tab: how many wait, and fresh links for them (their older links die). */
function IssueLinks({ survey, onIssued }: { survey: Survey; onIssued: (links: IssuedLink[]) => void }) {
  const t = useT();
  const invitations = useQuery({
    queryKey: ['survey-letter', 'invitations', survey.id],
    queryFn: ({ signal }) =>
      api.get<z.infer<typeof ZInvitationList>>(`/api/surveys/${survey.id}/invitations`, undefined, signal),
  });
  const issue = useMutation({
    mutationFn: () => api.post<z.infer<typeof ZIssuedLinks>>(`/api/surveys/${survey.id}/reminders`),
    onSuccess: (r) => onIssued(r.links),
  });
  const open = survey.status === 'open' && !(survey.closesAt && new Date(survey.closesAt) <= new Date());
  if (!open) return <p role="status">{t('surveyLetter.notOpen')}</p>;
  return (
    <QueryState query={invitations}>
      {(list) =>
        list.notAnswered === 0 ? (
          <p role="status">{t('surveyLetter.noneWaiting')}</p>
        ) : (
          <div className="max-w-3xl">
            <p className="mb-2 text-std-16N-170">{t('surveyLetter.whyIssue')}</p>
            <p className="mb-2 text-std-16B-170">{t('surveyLetter.waiting', { n: list.notAnswered })}</p>
            <p className="mb-4 text-std-16N-170 text-error-2">{t('surveyLetter.warning')}</p>
            <ApiErrorAlert error={issue.error} />
            <Button onClick={() => issue.mutate()} disabled={issue.isPending}>
              {issue.isPending ? t('surveyLetter.issuing') : t('surveyLetter.issue')}
            </Button>
          </div>
        )
      }
    </QueryState>
  );
}

function Letters({ survey }: { survey: Survey }) {
  const t = useT();
  const [links, setLinks] = useState<IssuedLink[] | null>(() => linksForLetters(survey.id));
  useEffect(() => {
    document.title = `${t('surveyLetter.title')} | ${t('app.titleSuffix')}`;
  }, [t]);
  return (
    <div className="p-6 print:p-0">
      <div className="mx-auto mb-8 max-w-[180mm] print:hidden">
        <h1 className="mb-2 text-std-28B-150">{t('surveyLetter.title')}</h1>
        <p className="mb-1 text-std-17B-170">{survey.title}</p>
        <p className="mb-4 text-std-16N-170">{t('surveyLetter.lead')}</p>
        <div className="mb-4 flex flex-wrap items-center gap-3">
          {links && links.length > 0 && (
            <>
              <Button onClick={() => window.print()}>{t('surveyLetter.print')}</Button>
              <Button
                variant="secondary"
                onClick={() => {
                  forgetLinksForLetters(survey.id);
                  setLinks(null);
                }}
              >
                {t('surveyLetter.forget')}
              </Button>
            </>
          )}
          <a href={`/surveys/${survey.id}`} className={PRINT_BACK_LINK}>
            {t('surveyLetter.back')}
          </a>
        </div>
        {links && links.length > 0 ? (
          <p role="status" className="text-std-16N-170">
            {t('surveyLetter.ready', { n: links.length })}
          </p>
        ) : (
          <IssueLinks
            survey={survey}
            onIssued={(issued) => {
              keepLinksForLetters(survey.id, issued);
              setLinks(issued);
            }}
          />
        )}
      </div>
      {links?.map((link) => (
        <Letter key={link.invitationId} survey={survey} link={link} />
      ))}
    </div>
  );
}

/**
 * /surveys/{id}/letter: printed letters, one A4 page per personal link (docs/knowledge.md §5), for the centre,
 * who sends surveys. Links are the ones issued in this tab (letter-links.ts) or, failing those, fresh links for
 * everyone who has not answered (the reminders endpoint).
 */
export function LetterPage() {
  const { data } = useSession();
  const role = data?.user?.role;
  const { surveyId } = useParams({ strict: false }) as { surveyId: string };
  const survey = useQuery({
    enabled: role === 'centre_admin' || role === 'centre_staff',
    queryKey: ['survey-letter', surveyId],
    queryFn: ({ signal }) => api.get<Survey>(`/api/surveys/${surveyId}`, undefined, signal),
  });
  if (role !== 'centre_admin' && role !== 'centre_staff') return <NotFoundPage />;
  return (
    <div className="print:p-0">
      <QueryState query={survey}>{(s) => <Letters survey={s} />}</QueryState>
    </div>
  );
}
