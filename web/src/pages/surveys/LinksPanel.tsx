import { useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { findMunicipality, findMunicipalityByName } from '../../../../src/shared/municipalities';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../components/Alert';
import { Button, buttonClass } from '../../components/Button';
import { Fieldset, TextAreaField } from '../../components/Field';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { saveFile } from '../../lib/api';
import { formatNumber } from '../../lib/format';
import { useSession } from '../../lib/queries/auth';
import {
  type InvitationList,
  type IssuedLinks,
  issueDirectoryLinks,
  issueLinks,
  type LinksFormat,
  type Survey,
  useInvitations,
} from '../../lib/queries/surveys';
import { parseRecipients } from './builder';
import { keepLinksForLetters } from './letter-links';

const FORMATS: readonly LinksFormat[] = ['json', 'xlsx', 'csv'];

function FormatChoice({ value, onChange }: { value: LinksFormat; onChange: (f: LinksFormat) => void }) {
  const t = useT();
  return (
    <Fieldset legend={t('sv.links.format')}>
      {FORMATS.map((f) => (
        <label key={f} className="flex min-h-11 items-center gap-3 text-std-16N-170">
          <input
            type="radio"
            name="survey-links-format"
            value={f}
            checked={value === f}
            onChange={() => onChange(f)}
            className="size-6 accent-key-900"
          />
          {t(`sv.links.format.${f}`)}
        </label>
      ))}
    </Fieldset>
  );
}

/** The links just issued (shown this once; they are not kept in a readable form). */
function IssuedTable({ issued }: { issued: IssuedLinks }) {
  const t = useT();
  const { links } = issued;
  return (
    <>
      <StatusMessage tone="info">
        {t('sv.links.issuedOnce', { n: links.length })}
        {issued.mailOn
          ? ` ${t('sv.links.mailed', { n: issued.mailed, rest: links.length - issued.mailed })}`
          : ''}
      </StatusMessage>
      <Table caption={t('sv.links.issuedCaption')}>
        <thead>
          <tr>
            <Th>{t('sv.links.name')}</Th>
            <Th>{t('sv.links.municipality')}</Th>
            <Th>{t('sv.links.url')}</Th>
            {issued.mailOn && <Th>{t('sv.links.byMail')}</Th>}
          </tr>
        </thead>
        <tbody>
          {links.map((l) => (
            <tr key={l.invitationId}>
              <Td>{l.name}</Td>
              <Td>{l.municipalityName}</Td>
              <Td className="break-all font-mono text-dns-14N-130">{l.url}</Td>
              {issued.mailOn && (
                <Td className="whitespace-nowrap">
                  {l.mailed ? t('sv.links.mailQueued') : t('sv.links.notMailed')}
                </Td>
              )}
            </tr>
          ))}
        </tbody>
      </Table>
    </>
  );
}

type Mode = 'none' | 'add' | 'remind';

/**
 * 個別リンク: who was sent a one-time link and whether they answered; add recipients (pasted from Excel), and
 * remind those who have not answered (fresh links for them only; their older links stop working). Links come
 * back on screen or as an .xlsx / CP932 CSV file for a mail merge.
 */
export function LinksPanel({ survey }: { survey: Survey }) {
  const t = useT();
  const { locale } = useLocale();
  const qc = useQueryClient();
  const prefecture = useSession().data?.user?.prefectureCode ?? '';
  const list = useInvitations(survey.id);
  const [mode, setMode] = useState<Mode>('none');
  const [text, setText] = useState('');
  const [format, setFormat] = useState<LinksFormat>('json');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [issued, setIssued] = useState<IssuedLinks | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const lookup = (s: string) =>
    (/^\d{6}$/.test(s) && s.startsWith(prefecture) && findMunicipality(s)?.code) ||
    findMunicipalityByName(prefecture, s)?.code;
  const parsed = parseRecipients(text, lookup);
  const manage = survey.canManage && survey.status !== 'closed';

  const run = async (what: Parameters<typeof issueLinks>[1]) => {
    setPending(true);
    setError(null);
    setIssued(null);
    setSaved(null);
    try {
      const out = await issueLinks(survey.id, what, format, locale);
      if ('links' in out) {
        setIssued(out);
        // The printed letters (/surveys/{id}/letter) take the links just shown, in this tab only.
        keepLinksForLetters(survey.id, out.links);
      } else {
        saveFile(out.file);
        setSaved(out.file.fileName);
      }
      setMode('none');
      setText('');
      await qc.invalidateQueries({ queryKey: ['surveys'] });
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  const runDirectory = async () => {
    setPending(true);
    setError(null);
    setIssued(null);
    setSaved(null);
    try {
      const out = await issueDirectoryLinks(survey.id);
      setIssued(out);
      keepLinksForLetters(survey.id, out.links);
      await qc.invalidateQueries({ queryKey: ['surveys'] });
    } catch (err) {
      setError(err);
    } finally {
      setPending(false);
    }
  };
  const submitAdd = (e: FormEvent) => {
    e.preventDefault();
    if (parsed.recipients.length === 0 || parsed.problems.length > 0) return;
    void run({ recipients: parsed.recipients });
  };

  return (
    <div>
      <QueryState query={list}>
        {(data: InvitationList) => (
          <>
            <p className="mb-4 text-std-16N-170">
              {t('sv.links.summary', {
                n: formatNumber(data.items.length, locale),
                answered: formatNumber(data.answered, locale),
                waiting: formatNumber(data.notAnswered, locale),
              })}
            </p>
            {manage && (
              <div className="mb-4 flex flex-wrap gap-3">
                <Button variant="secondary" aria-expanded={mode === 'add'} onClick={() => setMode('add')}>
                  {t('sv.links.add')}
                </Button>
                {survey.audience === 'providers' && (
                  <Button variant="secondary" disabled={pending} onClick={() => void runDirectory()}>
                    {t('sv.links.directory')}
                  </Button>
                )}
                {data.notAnswered > 0 && survey.status === 'open' && (
                  <Button
                    variant="secondary"
                    aria-expanded={mode === 'remind'}
                    onClick={() => setMode('remind')}
                  >
                    {t('sv.links.remind')}
                  </Button>
                )}
              </div>
            )}
            {manage && (issued || (survey.status === 'open' && data.notAnswered > 0)) && (
              <p className="mb-4">
                <Link
                  to="/surveys/$surveyId/letter"
                  params={{ surveyId: survey.id }}
                  className={buttonClass('text', 'px-0')}
                >
                  {issued ? t('sv.links.lettersIssued') : t('sv.links.letters')}
                </Link>
              </p>
            )}
            {mode === 'add' && (
              <form
                onSubmit={submitAdd}
                noValidate
                className="mb-6 max-w-3xl rounded-8 border border-solid-gray-420 p-4"
              >
                <TextAreaField
                  label={t('sv.links.paste')}
                  hint={t('sv.links.pasteHint')}
                  rows={6}
                  value={text}
                  onChange={setText}
                />
                <p role="status" className="mb-3">
                  {text.trim() ? t('sv.links.parsed', { n: parsed.recipients.length }) : ''}
                </p>
                {parsed.problems.length > 0 && (
                  <ErrorAlert>
                    <ul className="list-disc pl-6">
                      {parsed.problems.map((p) => (
                        <li key={p.line}>{t(`sv.links.problem.${p.code}`, { line: p.line })}</li>
                      ))}
                    </ul>
                  </ErrorAlert>
                )}
                <FormatChoice value={format} onChange={setFormat} />
                <div className="flex flex-wrap gap-3">
                  <Button
                    type="submit"
                    disabled={pending || parsed.recipients.length === 0 || parsed.problems.length > 0}
                  >
                    {t('sv.links.issue')}
                  </Button>
                  <Button variant="secondary" onClick={() => setMode('none')}>
                    {t('common.cancel')}
                  </Button>
                </div>
              </form>
            )}
            {mode === 'remind' && (
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void run('remind');
                }}
                className="mb-6 max-w-3xl rounded-8 border border-solid-gray-420 p-4"
              >
                <p className="mb-3">{t('sv.links.remindExplain', { n: data.notAnswered })}</p>
                <FormatChoice value={format} onChange={setFormat} />
                <div className="flex flex-wrap gap-3">
                  <Button type="submit" disabled={pending}>
                    {t('sv.links.remindIssue')}
                  </Button>
                  <Button variant="secondary" onClick={() => setMode('none')}>
                    {t('common.cancel')}
                  </Button>
                </div>
              </form>
            )}
            <ApiErrorAlert error={error} />
            <StatusMessage>{saved ? t('sv.links.saved', { file: saved }) : null}</StatusMessage>
            {issued && <IssuedTable issued={issued} />}
            {data.items.length > 0 && (
              <Table caption={t('sv.links.caption')}>
                <thead>
                  <tr>
                    <Th>{t('sv.links.name')}</Th>
                    <Th>{t('sv.links.municipality')}</Th>
                    <Th>{t('sv.links.email')}</Th>
                    <Th>{t('sv.links.state')}</Th>
                    <Th>{t('sv.links.sent')}</Th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((r) => (
                    <tr key={r.id}>
                      <Td>{r.name}</Td>
                      <Td>{r.municipalityName}</Td>
                      <Td className="break-all">{r.email}</Td>
                      <Td className="whitespace-nowrap">
                        {r.answered ? t('sv.links.answered') : t('sv.links.waiting')}
                      </Td>
                      <Td className="whitespace-nowrap">{t('sv.links.sentN', { n: r.issuedCount })}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </>
        )}
      </QueryState>
    </div>
  );
}
