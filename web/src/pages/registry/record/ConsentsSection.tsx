import { useState } from 'react';
import { CONSENT_METHOD_LABELS, CONSENT_PURPOSE_LABELS } from '../../../../../src/shared/vocab/registry';
import { StatusMessage } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { Fold } from '../../../components/Fold';
import { RowTh, Table, Td, Th } from '../../../components/Table';
import { useLocale, useT } from '../../../i18n';
import { noteText, vocab, vocabOptions } from '../../../i18n/vocab';
import { formatDate } from '../../../lib/format';
import {
  type ChildRecord,
  CONSENT_METHODS,
  CONSENT_PURPOSES,
  type Consent,
  type ConsentPurpose,
} from '../../../lib/queries/child-record';
import { todayIso } from './dates';
import { type FieldDef, ItemForm } from './ItemForm';

/** The decision in force for a purpose: the latest one not withdrawn (null = never asked, or withdrawn). */
export function consentInForce(consents: Consent[], purpose: ConsentPurpose): Consent | null {
  const live = consents
    .filter((c) => c.purpose === purpose && !c.withdrawnOn)
    .sort((a, b) => b.decidedOn.localeCompare(a.decidedOn));
  return live[0] ?? null;
}

export function ConsentState({ consent }: { consent: Consent | null }) {
  const t = useT();
  if (!consent) return <span className="text-solid-gray-700">{t('consent.unknown')}</span>;
  return consent.granted ? (
    <strong className="text-green-900">{t('consent.granted')}</strong>
  ) : (
    <strong className="text-error-2">{t('consent.refused')}</strong>
  );
}

type Open = { kind: 'none' } | { kind: 'record' } | { kind: 'withdraw'; consent: Consent };

/** 同意: what the guardians agreed to, when and how; record a decision, withdraw one. */
export function ConsentsSection({ child }: { child: ChildRecord }) {
  const t = useT();
  const { locale } = useLocale();
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const [message, setMessage] = useState<string | null>(null);
  const can = child.allowedActions.manageConsents;
  const purposeName = (c: Consent) => vocab(t, CONSENT_PURPOSE_LABELS, c.purpose);
  const fields: FieldDef[] = [
    {
      name: 'purpose',
      label: 'consent.purposeLabel',
      kind: 'select',
      required: true,
      options: vocabOptions(t, CONSENT_PURPOSES, CONSENT_PURPOSE_LABELS),
    },
    {
      name: 'granted',
      label: 'consent.decision',
      kind: 'select',
      required: true,
      options: [
        { value: 'true', label: t('consent.granted') },
        { value: 'false', label: t('consent.refused') },
      ],
    },
    { name: 'decidedOn', label: 'consent.decidedOn', kind: 'date', required: true },
    {
      name: 'method',
      label: 'consent.methodLabel',
      kind: 'select',
      required: true,
      options: vocabOptions(t, CONSENT_METHODS, CONSENT_METHOD_LABELS),
    },
    { name: 'note', label: 'field.note', kind: 'textarea' },
  ];
  const withdrawFields: FieldDef[] = [
    { name: 'withdrawnOn', label: 'consent.withdrawnOn', kind: 'date', required: true },
  ];
  const done = (text: string) => {
    setOpen({ kind: 'none' });
    setMessage(text);
  };
  return (
    <section aria-labelledby="child-consents" className="mb-10">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <h2 id="child-consents" className="text-std-22B-150">
          {t('record.consents')}
        </h2>
        {can && (
          <Button
            variant="secondary"
            onClick={() => {
              setMessage(null);
              setOpen({ kind: 'record' });
            }}
          >
            {t('consent.record')}
          </Button>
        )}
      </div>
      <StatusMessage>{message}</StatusMessage>
      <Table caption={t('consent.inForce')}>
        <thead>
          <tr>
            <Th>{t('consent.purposeLabel')}</Th>
            <Th>{t('consent.state')}</Th>
          </tr>
        </thead>
        <tbody>
          {CONSENT_PURPOSES.map((p) => (
            <tr key={p}>
              <RowTh>{vocab(t, CONSENT_PURPOSE_LABELS, p)}</RowTh>
              <Td>
                <ConsentState consent={consentInForce(child.consents, p)} />
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
      {child.consents.length === 0 ? (
        <p className="mb-4">{t('consent.none')}</p>
      ) : (
        <Fold
          summary={t(can ? 'record.openDecisionsWithdraw' : 'record.openDecisions', {
            n: child.consents.length,
          })}
          testId="fold-consents"
        >
          <Table caption={t('consent.decisions')}>
            <thead>
              <tr>
                <Th>{t('consent.purposeLabel')}</Th>
                <Th>{t('consent.decision')}</Th>
                <Th>{t('consent.decidedOn')}</Th>
                <Th>{t('consent.methodLabel')}</Th>
                <Th>{t('consent.withdrawnOn')}</Th>
                <Th>{t('field.note')}</Th>
                {can && <Th className="print:hidden">{t('common.actions')}</Th>}
              </tr>
            </thead>
            <tbody>
              {child.consents.map((c) => (
                <tr key={c.id}>
                  <RowTh>{purposeName(c)}</RowTh>
                  <Td>{c.granted ? t('consent.granted') : t('consent.refused')}</Td>
                  <Td className="whitespace-nowrap">{formatDate(c.decidedOn, locale)}</Td>
                  <Td>{vocab(t, CONSENT_METHOD_LABELS, c.method)}</Td>
                  <Td className="whitespace-nowrap">
                    {c.withdrawnOn ? formatDate(c.withdrawnOn, locale) : t('common.none')}
                  </Td>
                  <Td>{noteText(t, c)}</Td>
                  {can && (
                    <Td className="print:hidden">
                      {c.granted && !c.withdrawnOn && (
                        <Button
                          variant="danger"
                          aria-label={`${t('consent.withdraw')}: ${purposeName(c)}`}
                          onClick={() => {
                            setMessage(null);
                            setOpen({ kind: 'withdraw', consent: c });
                          }}
                        >
                          {t('consent.withdraw')}
                        </Button>
                      )}
                    </Td>
                  )}
                </tr>
              ))}
            </tbody>
          </Table>
        </Fold>
      )}
      {open.kind === 'record' && (
        <ItemForm
          child={child}
          title={t('consent.record')}
          fields={fields}
          initial={{ purpose: '', granted: 'true', decidedOn: todayIso(), method: '', note: '' }}
          request={{ method: 'POST', path: '/consents' }}
          transform={(body) => ({ ...body, granted: body.granted === 'true' })}
          onDone={() => done(t('consent.recorded'))}
          onCancel={() => setOpen({ kind: 'none' })}
        />
      )}
      {open.kind === 'withdraw' && (
        <ItemForm
          key={open.consent.id}
          child={child}
          title={`${t('consent.withdraw')}: ${purposeName(open.consent)}`}
          fields={withdrawFields}
          initial={{ withdrawnOn: todayIso() }}
          request={{ method: 'POST', path: `/consents/${encodeURIComponent(open.consent.id)}/withdraw` }}
          onDone={() => done(t('consent.withdrawn', { purpose: purposeName(open.consent) }))}
          onCancel={() => setOpen({ kind: 'none' })}
        />
      )}
    </section>
  );
}
