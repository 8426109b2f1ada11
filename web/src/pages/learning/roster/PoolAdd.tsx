import { type FormEvent, useState } from 'react';
import type { SuperviseExpertise } from '../../../../../src/shared/vocab/learning-roster';
import { ApiErrorAlert, ErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { Section } from '../../../components/Page';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { fullName } from '../../../lib/format';
import { type NetworkPerson, usePeopleSearch } from '../../../lib/queries/consultation-teams';
import { useAddPoolMember } from '../../../lib/queries/learning-roster';
import { TagBoxes } from './TagBoxes';

/** Adds a person of the network to one centre's pool: found by name, with at least one expertise tag. */
export function PoolAdd({
  centre,
  onAdded,
}: {
  centre: { id: string; name: string };
  onAdded: (name: string) => void;
}) {
  const t = useT();
  const [q, setQ] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const [person, setPerson] = useState<NetworkPerson | null>(null);
  const [tags, setTags] = useState<SuperviseExpertise[]>([]);
  const [tagsError, setTagsError] = useState<string | null>(null);
  const people = usePeopleSearch(asked);
  const add = useAddPoolMember();
  const find = (e: FormEvent) => {
    e.preventDefault();
    setAsked(q.trim() || null);
  };
  const submit = () => {
    if (!person) return;
    if (tags.length === 0) {
      setTagsError(t('pool.tagsRequired'));
      return;
    }
    setTagsError(null);
    const name = fullName(person.familyName, person.givenName);
    add.mutate(
      { centreId: centre.id, personId: person.id, tags },
      {
        onSuccess: () => {
          setPerson(null);
          setTags([]);
          onAdded(name);
        },
      },
    );
  };
  const items = people.data?.items ?? [];
  return (
    <Section title={t('pool.addTitle', { centre: centre.name })} id="pool-add">
      <form onSubmit={find} className="mb-3">
        <TextField
          label={t('pool.findPeople')}
          hint={t('pool.findPeopleHint')}
          value={q}
          onChange={setQ}
          autoComplete="off"
        />
        <Button type="submit" variant="secondary">
          {t('common.search')}
        </Button>
      </form>
      {people.error ? <ApiErrorAlert error={people.error} /> : null}
      <div aria-live="polite">
        {people.data && items.length === 0 && <p>{t('common.noResults')}</p>}
        {items.length > 0 && !person && (
          <Table caption={t('pool.findPeople')} captionHidden>
            <thead>
              <tr>
                <Th>{t('pool.colName')}</Th>
                <Th>{t('pool.colOrganisation')}</Th>
                <Th>
                  <span className="sr-only">{t('pool.choose')}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => {
                const name = fullName(p.familyName, p.givenName);
                return (
                  <tr key={p.id}>
                    <RowTh>{name}</RowTh>
                    <Td>
                      {[p.organisationName, p.profession].filter(Boolean).join('・') || t('common.none')}
                    </Td>
                    <Td>
                      <Button
                        variant="secondary"
                        aria-label={t('pool.chooseLabel', { name })}
                        onClick={() => setPerson(p)}
                      >
                        {t('pool.choose')}
                      </Button>
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        )}
        {person && (
          <div className="rounded-8 border border-solid-gray-420 p-4">
            <p className="mb-3 text-std-17B-170">
              {t('pool.chosen', { name: fullName(person.familyName, person.givenName) })}
            </p>
            <TagBoxes legend={t('pool.tags')} value={tags} onChange={setTags} error={tagsError} />
            {add.error &&
              (isApiError(add.error, 'conflict') ? (
                <ErrorAlert>{t('pool.already')}</ErrorAlert>
              ) : (
                <ApiErrorAlert error={add.error} />
              ))}
            <div className="flex flex-wrap gap-3">
              <Button onClick={submit} disabled={add.isPending}>
                {t('pool.add')}
              </Button>
              <Button variant="secondary" onClick={() => setPerson(null)}>
                {t('common.cancel')}
              </Button>
            </div>
          </div>
        )}
      </div>
    </Section>
  );
}
