import { Link, useNavigate } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { ApiErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Page } from '../../components/Page';
import { useT } from '../../i18n';
import { type NewChild, useCreateChild } from '../../lib/queries/child-record';
import { useMunicipalities } from '../../lib/queries/network';
import { basicFields } from './record/basic-fields';
import { bodyOf, type FieldDef, FieldInputs, type Values, valuesOf } from './record/ItemForm';

/** 新規登録: a child the centre or municipality learned of. Opens the new record once saved. */
export function NewChildPage() {
  const t = useT();
  const navigate = useNavigate();
  const municipalities = useMunicipalities();
  const create = useCreateChild();
  const fields = useMemo<FieldDef[]>(() => {
    const basic = basicFields(t);
    const municipality: FieldDef = {
      name: 'municipalityCode',
      label: 'field.municipality',
      kind: 'select',
      required: true,
      options: (municipalities.data ?? []).map((m) => ({ value: m.code, label: m.name })),
    };
    // Municipality after the sex, before the status.
    return [...basic.slice(0, 6), municipality, ...basic.slice(6)];
  }, [t, municipalities.data]);
  const [values, setValues] = useState<Values>(() => ({ ...valuesOf(fields), status: 'at_home' }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (name: string, value: string | boolean) => setValues((prev) => ({ ...prev, [name]: value }));

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const { body, errors: found } = bodyOf(fields, values, t);
    setErrors(found);
    const first = fields.find((f) => found[f.name]);
    if (first) {
      e.currentTarget.querySelector<HTMLElement>(`[data-field="${first.name}"]`)?.focus();
      return;
    }
    create.mutate(body as NewChild, {
      onSuccess: (child) => void navigate({ to: '/children/$childId', params: { childId: child.id } }),
    });
  };

  return (
    <Page title={t('newChild.title')} intro={t('newChild.intro')}>
      <p className="mb-6 print:hidden">
        <Link to="/children" search={{}} className="inline-flex min-h-11 items-center">
          {t('child.back')}
        </Link>
      </p>
      <form onSubmit={submit} noValidate className="max-w-4xl">
        <ApiErrorAlert error={create.error} />
        <FieldInputs fields={fields} values={values} errors={errors} set={set} />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={create.isPending}>
            {create.isPending ? t('common.saving') : t('newChild.submit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
