import { type FormEvent, useState } from 'react';
import { parseJapaneseDate } from '../../../../src/shared/wareki';
import { AdminFrame } from '../../components/AdminFrame';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Page, Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDate } from '../../lib/format';
import { type ClosuresYear, useAddClosure, useClosures, useRemoveClosure } from '../../lib/queries/calendar';

function AddClosureForm() {
  const t = useT();
  const add = useAddClosure();
  const [day, setDay] = useState('');
  const [label, setLabel] = useState('');
  const [dayError, setDayError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(null);
    const closedOn = parseJapaneseDate(day);
    setDayError(closedOn ? null : t('closures.dayInvalid'));
    if (!closedOn || !label.trim()) return;
    add.mutate(
      { closedOn, label: label.trim() },
      {
        onSuccess: () => {
          setSaved(closedOn);
          setDay('');
          setLabel('');
        },
      },
    );
  };
  const { locale } = useLocale();
  return (
    <form onSubmit={submit} noValidate className="grid max-w-3xl gap-x-4 md:grid-cols-2">
      <TextField
        label={t('closures.day')}
        hint={t('closures.dayHint')}
        value={day}
        onChange={setDay}
        error={dayError}
        required
        autoComplete="off"
      />
      <TextField label={t('closures.label')} value={label} onChange={setLabel} required maxLength={100} />
      <div className="md:col-span-2">
        {add.error && <ApiErrorAlert error={add.error} />}
        <Button type="submit" disabled={add.isPending}>
          {t('closures.add')}
        </Button>
        <StatusMessage>
          {saved ? t('closures.added', { date: formatDate(saved, locale) }) : null}
        </StatusMessage>
      </div>
    </form>
  );
}

function YearTables({ data }: { data: ClosuresYear }) {
  const t = useT();
  const { locale } = useLocale();
  const remove = useRemoveClosure();
  return (
    <>
      <Section title={t('closures.extra')} id="closures-extra">
        {remove.error && <ApiErrorAlert error={remove.error} />}
        {data.closures.length === 0 ? (
          <p>{t('closures.none')}</p>
        ) : (
          <Table caption={t('closures.extra')} captionHidden>
            <thead>
              <tr>
                <Th>{t('closures.day')}</Th>
                <Th>{t('closures.label')}</Th>
                {data.canManage && <Th>{t('closures.actions')}</Th>}
              </tr>
            </thead>
            <tbody>
              {data.closures.map((c) => (
                <tr key={c.id}>
                  <RowTh className="whitespace-nowrap">
                    {formatDate(c.closedOn, locale, { weekday: true })}
                  </RowTh>
                  <Td>{c.label}</Td>
                  {data.canManage && (
                    <Td>
                      <Button
                        variant="secondary"
                        disabled={remove.isPending}
                        onClick={() => remove.mutate(c.closedOn)}
                        aria-label={t('closures.removeOne', { date: formatDate(c.closedOn, locale) })}
                      >
                        {t('closures.remove')}
                      </Button>
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Section>
      <Section title={t('closures.holidays')} id="closures-holidays">
        <p className="mb-2 max-w-3xl">{t('closures.holidaysIntro')}</p>
        <Table caption={t('closures.holidays')} captionHidden>
          <thead>
            <tr>
              <Th>{t('closures.day')}</Th>
              <Th>{t('closures.holidayName')}</Th>
            </tr>
          </thead>
          <tbody>
            {data.holidays.map((h) => (
              <tr key={h.date}>
                <RowTh className="whitespace-nowrap">{formatDate(h.date, locale, { weekday: true })}</RowTh>
                <Td>{locale === 'ja' ? h.ja : h.en}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Section>
    </>
  );
}

function Closures() {
  const t = useT();
  const { locale } = useLocale();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const query = useClosures(Number(year));
  const years = [thisYear - 1, thisYear, thisYear + 1];
  return (
    <>
      <div className="max-w-xs">
        <SelectField
          label={t('closures.year')}
          value={year}
          onChange={setYear}
          options={years.map((y) => ({ value: String(y), label: locale === 'ja' ? `${y}年` : String(y) }))}
        />
      </div>
      <QueryState query={query}>
        {(data) => (
          <>
            {data.canManage && (
              <Section title={t('closures.addTitle')} id="closures-add">
                <AddClosureForm />
              </Section>
            )}
            <YearTables data={data} />
          </>
        )}
      </QueryState>
    </>
  );
}

/** 休業日: the prefecture's extra closed days, besides weekends, public holidays and 12/29–1/3. */
export function ClosuresPage() {
  const t = useT();
  return (
    <Page title={t('closures.title')} intro={t('closures.intro')}>
      <AdminFrame>
        <Closures />
      </AdminFrame>
    </Page>
  );
}
