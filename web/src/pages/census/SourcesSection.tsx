import { type FormEvent, useState } from 'react';
import { SOURCE_TYPE_LABELS } from '../../../../src/shared/vocab/census';
import { ApiErrorAlert, StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { Section } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { Table, Td, Th } from '../../components/Table';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import { useSession } from '../../lib/queries/auth';
import { SOURCE_TYPES, type Source, type SourceType, useCreateSource } from '../../lib/queries/census';
import { useRegistrationOptions } from '../../lib/queries/registrations';

type SourcesQuery = {
  data: { items: Source[] } | undefined;
  error: unknown;
  isPending: boolean;
  refetch: () => unknown;
};

/** 提供元: who sends the lists (a municipality's health nurses, the board of education, …), and adding one. */
export function SourcesSection({ sources, canWrite }: { sources: SourcesQuery; canWrite: boolean }) {
  const t = useT();
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  return (
    <Section id="census-sources" title={t('census.sources')}>
      <QueryState query={sources}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="mb-4">{t('census.sources.empty')}</p>
          ) : (
            <Table caption={t('census.sources.caption')} captionHidden>
              <thead>
                <tr>
                  <Th>{t('census.source.name')}</Th>
                  <Th>{t('census.source.type')}</Th>
                  <Th>{t('census.source.municipality')}</Th>
                  <Th>{t('census.source.mapping')}</Th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((s) => (
                  <tr key={s.id}>
                    <Td className="font-bold">{s.name}</Td>
                    <Td>{vocab(t, SOURCE_TYPE_LABELS, s.sourceType)}</Td>
                    <Td>{s.municipalityName ?? '—'}</Td>
                    <Td>
                      {Object.keys(s.mapping).length > 0
                        ? t('census.source.mappingSaved', { n: Object.keys(s.mapping).length })
                        : t('census.source.mappingNone')}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )
        }
      </QueryState>
      <StatusMessage>{added ? t('census.source.added', { name: added }) : null}</StatusMessage>
      {canWrite &&
        (adding ? (
          <AddSourceForm
            onDone={(name) => {
              setAdding(false);
              setAdded(name);
            }}
            onCancel={() => setAdding(false)}
          />
        ) : (
          <Button
            variant="secondary"
            onClick={() => {
              setAdded(null);
              setAdding(true);
            }}
          >
            {t('census.source.add')}
          </Button>
        ))}
    </Section>
  );
}

function AddSourceForm({ onDone, onCancel }: { onDone: (name: string) => void; onCancel: () => void }) {
  const t = useT();
  const create = useCreateSource();
  const { data: session } = useSession();
  const options = useRegistrationOptions();
  const prefecture = session?.user?.prefectureCode ?? null;
  const municipalities = (options.data?.municipalities ?? []).filter((m) => m.prefectureCode === prefecture);
  const [name, setName] = useState('');
  const [sourceType, setSourceType] = useState<SourceType | ''>('');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [errors, setErrors] = useState<{ name?: string; sourceType?: string }>({});

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = {
      name: name.trim() ? undefined : t('census.error.required'),
      sourceType: sourceType ? undefined : t('census.error.required'),
    };
    setErrors(next);
    if (next.name || next.sourceType || !sourceType) return;
    create.mutate(
      { name: name.trim(), sourceType, municipalityCode: municipalityCode || null },
      { onSuccess: (s) => onDone(s.name) },
    );
  };

  return (
    <form
      onSubmit={submit}
      noValidate
      aria-labelledby="census-add-source"
      className="max-w-xl rounded-12 border border-solid-gray-300 p-4"
    >
      <h3 id="census-add-source" className="mb-3 text-std-20B-150">
        {t('census.source.add')}
      </h3>
      {create.error && <ApiErrorAlert error={create.error} />}
      <TextField
        name="source.name"
        label={t('census.source.name')}
        hint={t('census.source.nameHint')}
        value={name}
        onChange={setName}
        required
        error={errors.name}
        maxLength={100}
      />
      <SelectField
        name="source.sourceType"
        label={t('census.source.type')}
        value={sourceType}
        onChange={(v) => setSourceType(v as SourceType | '')}
        options={SOURCE_TYPES.map((s) => ({ value: s, label: vocab(t, SOURCE_TYPE_LABELS, s) }))}
        emptyLabel={t('common.choose')}
        required
        error={errors.sourceType}
      />
      <SelectField
        name="source.municipalityCode"
        label={t('census.source.municipality')}
        hint={t('census.source.municipalityHint')}
        value={municipalityCode}
        onChange={setMunicipalityCode}
        options={municipalities.map((m) => ({ value: m.code, label: m.name }))}
        emptyLabel={t('census.source.noMunicipality')}
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={create.isPending}>
          {create.isPending ? t('common.saving') : t('census.source.create')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
