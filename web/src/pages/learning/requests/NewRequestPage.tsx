import { useNavigate, useSearch } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { TRANSITION_INFO, type TransitionKind } from '../../../../../src/modules/transitions/rules';
import { COURSE_KIND_LABELS, COURSE_KINDS } from '../../../../../src/shared/vocab/learning';
import {
  REQUESTER_KIND_LABELS,
  REQUESTER_KINDS,
  type RequesterKind,
} from '../../../../../src/shared/vocab/learning-requests';
import { ApiErrorAlert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { useLocale, useT } from '../../../i18n';
import { vocabOptions } from '../../../i18n/vocab';
import {
  type CreateRequestBody,
  useCreateRequest,
  useNewProviders,
  useRequestOptions,
} from '../../../lib/queries/learning-requests';
import { forTrainingRoles, useRole } from '../courses/Guard';
import { OwnerSelect, ownerFields, ownerValue } from '../courses/shared';
import { filesRequests, writesRequests } from './access';
import { type NewRequestSearch, parseNewRequestSearch } from './search';

const ANY = '';

/** The centre's form: who asks (an organisation of the network, a municipality or a name), contact, owner. */
function NewRequestPageInner() {
  const t = useT();
  const { locale } = useLocale();
  const role = useRole();
  const navigate = useNavigate();
  const raw = useSearch({ strict: false }) as Record<string, unknown>;
  const from: NewRequestSearch = useMemo(() => parseNewRequestSearch(raw), [raw]);
  const requester = !!role && filesRequests(role);
  const options = useRequestOptions();
  const offer = useNewProviders(365, !!from.resourceOrganizationId && !requester);
  const provider = offer.data?.items.find((p) => p.id === from.resourceOrganizationId);
  const transition = from.childId && from.nendo && from.transitionKind ? from : null;
  const create = useCreateRequest();
  const [kind, setKind] = useState<RequesterKind>('organisation');
  const [organisationId, setOrganisationId] = useState(ANY);
  const [municipalityCode, setMunicipalityCode] = useState(ANY);
  const [name, setName] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactDetail, setContactDetail] = useState('');
  const [courseKind, setCourseKind] = useState(transition ? 'first_entry' : 'made_to_order');
  const [askedFor, setAskedFor] = useState(() =>
    from.resourceOrganizationId
      ? t('req.np.offerAskedFor')
      : transition
        ? t('req.tr.askedFor', {
            kind: TRANSITION_INFO[transition.transitionKind as TransitionKind].label[locale],
          })
        : '',
  );
  const [reason, setReason] = useState(() =>
    from.resourceOrganizationId ? t('req.np.offerReason') : transition ? t('req.tr.reason') : '',
  );
  const [owner, setOwner] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!askedFor.trim() || !reason.trim()) {
      setMissing(true);
      return;
    }
    const body: CreateRequestBody = {
      askedFor: askedFor.trim(),
      reason: reason.trim(),
      contactName: contactName.trim() || undefined,
      contactDetail: contactDetail.trim() || undefined,
      courseKind: courseKind as CreateRequestBody['courseKind'],
    };
    if (requester) {
      if (name.trim()) body.requesterName = name.trim();
    } else if (from.resourceOrganizationId) {
      body.resourceOrganizationId = from.resourceOrganizationId;
    } else {
      body.requesterKind = kind;
      if (kind === 'municipality') body.requesterMunicipalityCode = municipalityCode || null;
      else if (organisationId) body.requesterOrganisationId = organisationId;
      if (name.trim()) body.requesterName = name.trim();
      if (transition) {
        body.transition = {
          childId: transition.childId!,
          nendo: transition.nendo!,
          kind: transition.transitionKind as 'elementary_entry',
        };
      }
    }
    if (!requester && owner !== null) Object.assign(body, ownerFields(owner));
    create.mutate(body, {
      onSuccess: (r) => void navigate({ to: '/learning/requests/$requestId', params: { requestId: r.id } }),
    });
  };
  const required = (v: string, label: string) =>
    missing && !v.trim() ? t('validation.required', { field: label }) : null;
  const opts = options.data;
  return (
    <Page
      title={
        transition ? t('req.tr.title') : from.resourceOrganizationId ? t('req.np.offer') : t('req.newTitle')
      }
      intro={transition ? t('req.tr.intro') : requester ? t('req.newIntroRequester') : t('req.newIntro')}
    >
      <form onSubmit={submit} noValidate className="max-w-2xl">
        {!requester && from.resourceOrganizationId && (
          <p className="mb-4 text-std-16B-170">{provider?.name}</p>
        )}
        {!requester && !from.resourceOrganizationId && opts && (
          <>
            {!transition && (
              <SelectField
                label={t('req.requesterKind')}
                value={kind}
                onChange={(v) => setKind(v as RequesterKind)}
                options={vocabOptions(t, REQUESTER_KINDS, REQUESTER_KIND_LABELS)}
              />
            )}
            {kind === 'organisation' ? (
              <SelectField
                label={transition ? t('req.tr.school') : t('req.organisation')}
                hint={t('req.organisation.hint')}
                value={organisationId}
                onChange={setOrganisationId}
                emptyLabel="—"
                options={opts.organisations
                  .filter((o) => !transition || ['school', 'nursery', 'kindergarten'].includes(o.kind))
                  .map((o) => ({ value: o.id, label: o.name }))}
              />
            ) : (
              <SelectField
                label={t('req.municipality')}
                value={municipalityCode}
                onChange={setMunicipalityCode}
                emptyLabel="—"
                required
                options={opts.municipalities.map((m) => ({ value: m.code, label: m.name }))}
              />
            )}
          </>
        )}
        {!from.resourceOrganizationId && (kind === 'municipality' || requester || !organisationId) && (
          <TextField
            label={
              kind === 'municipality' || role === 'municipal_staff'
                ? t('req.department')
                : t('req.requesterName')
            }
            value={name}
            onChange={setName}
          />
        )}
        <TextField
          label={t('req.contactName')}
          value={contactName}
          onChange={setContactName}
          autoComplete="off"
        />
        <TextField
          label={t('req.contactDetail')}
          value={contactDetail}
          onChange={setContactDetail}
          autoComplete="off"
        />
        <SelectField
          label={t('req.courseKind')}
          value={courseKind}
          onChange={setCourseKind}
          options={vocabOptions(t, COURSE_KINDS, COURSE_KIND_LABELS)}
        />
        <TextAreaField
          label={t('req.askedFor')}
          hint={t('req.askedFor.hint')}
          value={askedFor}
          onChange={setAskedFor}
          required
          rows={4}
          error={required(askedFor, t('req.askedFor'))}
        />
        <TextAreaField
          label={t('req.reason')}
          hint={t('req.reason.hint')}
          value={reason}
          onChange={setReason}
          required
          rows={4}
          error={required(reason, t('req.reason'))}
        />
        {!requester && opts && opts.owners.length > 1 && (
          <OwnerSelect
            owners={opts.owners}
            value={owner ?? ownerValue(opts.owners[0]!)}
            onChange={setOwner}
          />
        )}
        {create.error ? <ApiErrorAlert error={create.error} /> : null}
        {options.error ? <ApiErrorAlert error={options.error} /> : null}
        <Button type="submit" disabled={create.isPending}>
          {requester ? t('req.send') : t('req.create')}
        </Button>
      </form>
    </Page>
  );
}

export const NewRequestPage = forTrainingRoles(
  (r) => writesRequests(r) || filesRequests(r),
  NewRequestPageInner,
);
