import { type KeyboardEvent, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { RequiredMark, TextField } from '../../components/Field';
import { RowTh, Table, Td, Th } from '../../components/Table';
import { useLocale, useT } from '../../i18n';
import { formatDate, fullName } from '../../lib/format';
import type { ChildListItem } from '../../lib/queries/children-list';
import { type ChildSearchFilter, useChildSearch } from '../../lib/queries/consultation-teams';
import { childSearchOf } from './intake';

/** The child chosen at intake, as the registry list showed it. */
export type PickedChild = Pick<
  ChildListItem,
  | 'id'
  | 'familyName'
  | 'givenName'
  | 'familyKana'
  | 'givenKana'
  | 'birthDate'
  | 'municipalityCode'
  | 'municipalityName'
>;

/**
 * Finds the child of a consultation in the registry by name (kanji or kana) and birth date (西暦 or 和暦) and
 * lets the user choose one. The registry API shows only the children the user may see (area and consent); the
 * server checks the choice again at intake.
 */
export function ChildPicker({
  value,
  onChange,
  error,
}: {
  value: PickedChild | null;
  onChange: (child: PickedChild | null) => void;
  error: string | null;
}) {
  const t = useT();
  const { locale } = useLocale();
  const [name, setName] = useState('');
  const [birth, setBirth] = useState('');
  const [filter, setFilter] = useState<ChildSearchFilter | null>(null);
  const [problem, setProblem] = useState<'empty' | 'badDate' | null>(null);
  const results = useChildSearch(filter);

  const search = () => {
    const next = childSearchOf(name, birth);
    if (typeof next === 'string') {
      setProblem(next);
      return;
    }
    setProblem(null);
    setFilter(next);
  };
  // Enter in a search field searches; it must not submit the intake form around it.
  const onEnter = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      search();
    }
  };

  if (value) {
    return (
      <div className="mb-5 rounded-8 border border-solid-gray-300 p-4">
        <p className="mb-2 text-std-16N-170" aria-live="polite">
          {t('consult.pick.chosen', {
            name: fullName(value.familyName, value.givenName),
            kana: `${value.familyKana} ${value.givenKana}`,
            birth: formatDate(value.birthDate, locale, { western: true }),
            municipality: value.municipalityName,
          })}
        </p>
        <Button variant="secondary" onClick={() => onChange(null)}>
          {t('consult.pick.change')}
        </Button>
      </div>
    );
  }

  const data = results.data;
  return (
    <fieldset className="mb-5 rounded-8 border border-solid-gray-300 p-4">
      <legend className="px-1 text-std-17B-170 text-solid-gray-900">
        {t('consult.pick.legend')}
        <RequiredMark required />
      </legend>
      <p className="mb-3 text-std-16N-170 text-solid-gray-700">{t('consult.pick.hint')}</p>
      <div className="grid grid-cols-1 gap-x-4 md:grid-cols-2">
        <TextField
          label={t('consult.pick.name')}
          value={name}
          onChange={setName}
          onKeyDown={onEnter}
          autoComplete="off"
          error={problem === 'empty' ? t('consult.pick.needCriteria') : null}
        />
        <TextField
          label={t('consult.pick.birthDate')}
          hint={t('consult.pick.birthHint')}
          value={birth}
          onChange={setBirth}
          onKeyDown={onEnter}
          autoComplete="off"
          error={problem === 'badDate' ? t('consult.pick.badDate') : null}
        />
      </div>
      <Button variant="secondary" onClick={search} disabled={results.isFetching}>
        {t('consult.pick.search')}
      </Button>
      {error && <p className="mt-2 text-std-16B-170 text-error-2">{error}</p>}
      <div aria-live="polite" className="mt-4">
        {results.error && <ApiErrorAlert error={results.error} />}
        {data && data.items.length === 0 && <p className="text-std-16N-170">{t('consult.pick.none')}</p>}
        {data && data.items.length > 0 && (
          <>
            {data.total > data.items.length && (
              <p className="mb-2 text-std-16N-170">
                {t('consult.pick.more', { n: data.total, shown: data.items.length })}
              </p>
            )}
            <Table caption={t('consult.pick.results', { n: data.total })}>
              <thead>
                <tr>
                  <Th>{t('consult.pick.colName')}</Th>
                  <Th>{t('consult.pick.colKana')}</Th>
                  <Th>{t('consult.pick.colBirth')}</Th>
                  <Th>{t('consult.pick.colMunicipality')}</Th>
                  <Th>
                    <span className="sr-only">{t('consult.pick.choose')}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((c) => {
                  const n = fullName(c.familyName, c.givenName);
                  return (
                    <tr key={c.id}>
                      <RowTh>{n}</RowTh>
                      <Td>{`${c.familyKana} ${c.givenKana}`}</Td>
                      <Td>{formatDate(c.birthDate, locale, { western: true })}</Td>
                      <Td>{c.municipalityName}</Td>
                      <Td>
                        <Button
                          variant="secondary"
                          className="whitespace-nowrap"
                          aria-label={t('consult.pick.chooseLabel', { name: n })}
                          onClick={() => onChange(c)}
                        >
                          {t('consult.pick.choose')}
                        </Button>
                      </Td>
                    </tr>
                  );
                })}
              </tbody>
            </Table>
          </>
        )}
        {data?.withheld ? (
          <p className="text-std-16N-170">{t('consult.pick.withheld', { n: data.withheld })}</p>
        ) : null}
      </div>
    </fieldset>
  );
}
