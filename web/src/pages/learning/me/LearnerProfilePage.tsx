import { type FormEvent, useState } from 'react';
import { ApiErrorAlert, ErrorAlert, StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { TextField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { QueryState } from '../../../components/QueryState';
import { useT } from '../../../i18n';
import { isApiError } from '../../../lib/api';
import { formatDateTime } from '../../../lib/format';
import { useSession } from '../../../lib/queries/auth';
import {
  type LearnerProfile,
  useMyProfile,
  useSaveProfile,
  useSignUpOptions,
} from '../../../lib/queries/learning-learners';
import { LearnerFields, type LearnerFieldValues, learnerFieldErrors, workplaceBody } from './LearnerFields';

/** 受講者プロフィール: the learner's name, profession, workplace and municipality (used when they apply). */
export function LearnerProfilePage() {
  const t = useT();
  const profile = useMyProfile();
  return (
    <Page title={t('learners.profile.title')} intro={t('learners.profile.intro')}>
      <QueryState query={profile}>
        {(p) => (
          <ProfileForm key={p.profile?.version ?? 0} profile={p} onReload={() => void profile.refetch()} />
        )}
      </QueryState>
    </Page>
  );
}

function ProfileForm({ profile, onReload }: { profile: LearnerProfile; onReload: () => void }) {
  const t = useT();
  const session = useSession();
  const options = useSignUpOptions();
  const save = useSaveProfile();
  const prefectureCode = session.data?.user?.prefectureCode ?? '';
  const p = profile.profile;
  const [displayName, setDisplayName] = useState(profile.displayName);
  const [fields, setFields] = useState<LearnerFieldValues>({
    profession: p?.profession ?? '',
    workplace: p?.workplace.organisationId
      ? { organisationId: p.workplace.organisationId, label: p.workplace.organisationName ?? '' }
      : { name: p?.workplace.name ?? '' },
    municipalityCode: p?.municipalityCode ?? '',
  });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [saved, setSaved] = useState(false);
  const munis = (options.data?.municipalities ?? []).filter((m) => m.prefectureCode === prefectureCode);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const next = {
      displayName: displayName.trim() ? undefined : t('validation.required', { field: t('learners.name') }),
      ...learnerFieldErrors(fields, t),
    };
    setErrors(next);
    if (Object.values(next).some(Boolean)) return;
    save.mutate(
      {
        ...(p ? { version: p.version } : {}),
        displayName: displayName.trim(),
        profession: fields.profession as Exclude<typeof fields.profession, ''>,
        workplace: workplaceBody(fields.workplace),
        municipalityCode: fields.municipalityCode,
      },
      { onSuccess: () => setSaved(true) },
    );
  };

  return (
    <form onSubmit={submit} noValidate className="max-w-2xl">
      {!p && <StatusMessage tone="info">{t('learners.profile.empty')}</StatusMessage>}
      {isApiError(save.error, 'conflict') ? (
        <ErrorAlert>
          <p>{t('learners.profile.conflict')}</p>
          <Button variant="secondary" onClick={onReload}>
            {t('learners.profile.reload')}
          </Button>
        </ErrorAlert>
      ) : (
        <ApiErrorAlert error={save.error} />
      )}
      <StatusMessage>{saved ? t('learners.profile.saved') : null}</StatusMessage>
      <TextField label={t('learners.email')} value={profile.email} onChange={() => {}} readOnly />
      <TextField
        label={t('learners.name')}
        required
        value={displayName}
        onChange={setDisplayName}
        autoComplete="name"
        maxLength={100}
        error={errors.displayName}
      />
      {prefectureCode && (
        <LearnerFields
          prefectureCode={prefectureCode}
          municipalities={munis}
          value={fields}
          onChange={setFields}
          errors={errors}
        />
      )}
      {p && (
        <p className="mb-4 text-std-16N-170 text-solid-gray-700">
          {t('learners.profile.updatedAt', { at: formatDateTime(p.updatedAt, t.locale) })}
        </p>
      )}
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? t('learners.sending') : t('learners.profile.save')}
      </Button>
    </form>
  );
}
