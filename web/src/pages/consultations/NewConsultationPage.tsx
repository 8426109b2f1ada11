import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useEffect, useState } from 'react';
import { MUNICIPAL_DIVISION_LABELS } from '../../../../src/shared/vocab/consultations';
import { ApiErrorAlert, ErrorAlert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Checkbox, Fieldset, SelectField, TextAreaField, TextField } from '../../components/Field';
import { Page } from '../../components/Page';
import { QueryState } from '../../components/QueryState';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import {
  ASKER_KINDS,
  CHANNELS,
  type CreateConsultationBody,
  MUNICIPAL_DIVISIONS,
  TOPICS,
  URGENCIES,
  useConsultationTeams,
  useCreateConsultation,
} from '../../lib/queries/consultations';
import { seesPersonalData } from '../../lib/roles';
import { OrganisationPicker } from '../registry/record/OrganisationPicker';
import { recordsConsultations } from './access';
import { ChildPicker, type PickedChild } from './ChildPicker';
import { forConsultationRoles, useRole } from './Guard';
import { useIntakePrefill } from './intake-prefill';
import { askerLabel, channelLabel, topicLabel, urgencyLabel } from './labels';

type ChildKind = 'registered' | 'unregistered' | 'anonymous';

/** Askers that may be an organisation of the network (the server's rule in consultations/asker.ts). */
const ORGANISATION_ASKERS = ['hospital', 'provider', 'school', 'nursery', 'other'];

const divisionLabel = (t: ReturnType<typeof useT>, code: string) => vocab(t, MUNICIPAL_DIVISION_LABELS, code);

/**
 * Intake: who asked (with the division when a municipality asks), how, about which child (found in the
 * registry, described, or anonymous), topics, urgency, narrative; lands in the user's own team.
 */
function NewConsultation() {
  const t = useT();
  const navigate = useNavigate();
  const role = useRole();
  // A role that cannot read the registry cannot name a registered child (the server would refuse it anyway).
  const readsRegistry = role ? seesPersonalData(role) : false;
  const teams = useConsultationTeams();
  const create = useCreateConsultation();
  const [municipalityCode, setMunicipality] = useState('');
  const [askerKind, setAsker] = useState('family');
  const [askerDivision, setDivision] = useState('');
  const [askerContact, setContact] = useState('');
  const [askerOrganisationId, setAskerOrganisation] = useState('');
  const [channel, setChannel] = useState('phone');
  const [childKind, setChildKind] = useState<ChildKind>('anonymous');
  const [child, setChild] = useState<PickedChild | null>(null);
  const [description, setDescription] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const [urgency, setUrgency] = useState('normal');
  const [subject, setSubject] = useState('');
  const [narrative, setNarrative] = useState('');
  const [nextAction, setNextAction] = useState('');
  const [nextActionOn, setNext] = useState('');
  const [attempted, setAttempted] = useState(false);
  // Opened from another list with a child (the transitions list's 相談を始める): fill it in once.
  const prefill = useIntakePrefill();
  const [prefilled, setPrefilled] = useState(false);
  useEffect(() => {
    if (prefilled || !prefill.child || !readsRegistry) return;
    setPrefilled(true);
    setChildKind('registered');
    setChild(prefill.child);
    setMunicipality((m) => m || prefill.child!.municipalityCode);
    if (prefill.subject) setSubject((s) => s || prefill.subject!);
  }, [prefill.child, prefill.subject, prefilled, readsRegistry]);
  const required = t('consult.form.required');
  const errors = {
    municipalityCode: municipalityCode ? null : required,
    topics: topics.length ? null : t('consult.form.chooseTopic'),
    subject: subject.trim() ? null : required,
    narrative: narrative.trim() ? null : required,
    askerDivision: askerKind === 'municipality' && !askerDivision ? t('consult.form.chooseDivision') : null,
    child: childKind === 'registered' && !child ? t('consult.pick.required') : null,
    description: childKind === 'unregistered' && !description.trim() ? required : null,
  };
  const invalid = Object.values(errors).some(Boolean);
  const show = (e: string | null) => (attempted ? e : null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    if (invalid) return;
    const about: CreateConsultationBody['child'] =
      childKind === 'registered' && child
        ? { kind: 'registered', childId: child.id }
        : childKind === 'unregistered'
          ? { kind: 'unregistered', description }
          : { kind: 'anonymous' };
    create.mutate(
      {
        municipalityCode,
        askerKind,
        askerDivision: askerKind === 'municipality' ? askerDivision : null,
        askerContact: askerContact || undefined,
        askerOrganisationId:
          ORGANISATION_ASKERS.includes(askerKind) && askerOrganisationId ? askerOrganisationId : null,
        channel,
        child: about,
        topics,
        urgency,
        subject: subject.trim(),
        narrative,
        nextAction: nextAction.trim() || null,
        nextActionOn: nextActionOn || null,
      },
      {
        onSuccess: (c) =>
          void navigate({ to: '/consultations/$consultationId', params: { consultationId: c.id } }),
      },
    );
  };

  return (
    <Page title={t('consult.form.title')}>
      <QueryState query={teams}>
        {(choices) => (
          <form onSubmit={submit} noValidate className="max-w-2xl">
            {attempted && invalid && <ErrorAlert>{t('consult.public.invalid')}</ErrorAlert>}
            <SelectField
              label={t('consult.form.municipality')}
              value={municipalityCode}
              onChange={setMunicipality}
              emptyLabel="—"
              options={choices.municipalities.map((m) => ({ value: m.code, label: m.name }))}
              required
              error={show(errors.municipalityCode)}
            />
            <SelectField
              label={t('consult.form.asker')}
              value={askerKind}
              onChange={setAsker}
              options={ASKER_KINDS.map((a) => ({ value: a, label: askerLabel(t, a) }))}
            />
            {askerKind === 'municipality' && (
              <SelectField
                label={t('consult.form.division')}
                value={askerDivision}
                onChange={setDivision}
                emptyLabel="—"
                options={MUNICIPAL_DIVISIONS.map((d) => ({ value: d, label: divisionLabel(t, d) }))}
                required
                error={show(errors.askerDivision)}
              />
            )}
            {ORGANISATION_ASKERS.includes(askerKind) && (
              <OrganisationPicker
                label={t('consult.form.askerOrganisation')}
                value={askerOrganisationId}
                onChange={setAskerOrganisation}
              />
            )}
            <TextField label={t('consult.form.contact')} value={askerContact} onChange={setContact} />
            <SelectField
              label={t('consult.form.channel')}
              value={channel}
              onChange={setChannel}
              options={CHANNELS.map((c) => ({ value: c, label: channelLabel(t, c) }))}
            />
            <SelectField
              label={t('consult.form.child')}
              value={childKind}
              onChange={(v) => setChildKind(v as ChildKind)}
              options={(readsRegistry
                ? (['anonymous', 'unregistered', 'registered'] as const)
                : (['anonymous', 'unregistered'] as const)
              ).map((k) => ({
                value: k,
                label: t(`consult.form.childKind.${k}`),
              }))}
            />
            {!readsRegistry && <p className="mb-5 text-std-16N-170">{t('consult.pick.noRegistry')}</p>}
            {childKind === 'registered' && readsRegistry && (
              <ChildPicker
                value={child}
                onChange={(c) => {
                  setChild(c);
                  // The consultation concerns the child's municipality unless another one was chosen.
                  if (
                    c &&
                    !municipalityCode &&
                    choices.municipalities.some((m) => m.code === c.municipalityCode)
                  )
                    setMunicipality(c.municipalityCode);
                }}
                error={show(errors.child)}
              />
            )}
            {childKind === 'unregistered' && (
              <TextAreaField
                label={t('consult.form.childDescription')}
                value={description}
                onChange={setDescription}
                required
                error={show(errors.description)}
              />
            )}
            <Fieldset legend={t('consult.form.topics')} required error={show(errors.topics)}>
              {TOPICS.map((code) => (
                <Checkbox
                  key={code}
                  label={topicLabel(t, code)}
                  checked={topics.includes(code)}
                  onChange={(on) => setTopics(on ? [...topics, code] : topics.filter((x) => x !== code))}
                />
              ))}
            </Fieldset>
            <SelectField
              label={t('consult.form.urgency')}
              value={urgency}
              onChange={setUrgency}
              options={URGENCIES.map((u) => ({ value: u, label: urgencyLabel(t, u) }))}
            />
            <TextField
              label={t('consult.new.subject')}
              hint={t('consult.new.subjectHint')}
              value={subject}
              onChange={(v) => setSubject(v.replace(/[\r\n]+/g, ' '))}
              required
              maxLength={100}
              error={show(errors.subject)}
            />
            <TextAreaField
              label={t('consult.form.narrative')}
              hint={t('consult.addAction.noteHint')}
              value={narrative}
              onChange={setNarrative}
              required
              rows={6}
              error={show(errors.narrative)}
            />
            <TextField
              label={t('consult.new.nextAction')}
              hint={t('consult.next.whatHint')}
              value={nextAction}
              onChange={setNextAction}
              maxLength={200}
            />
            <TextField
              type="date"
              label={t('consult.form.nextActionOn')}
              value={nextActionOn}
              onChange={setNext}
            />
            {create.error && <ApiErrorAlert error={create.error} />}
            <Button type="submit" disabled={create.isPending}>
              {t('consult.form.save')}
            </Button>
          </form>
        )}
      </QueryState>
    </Page>
  );
}

export const NewConsultationPage = forConsultationRoles(recordsConsultations, NewConsultation);
