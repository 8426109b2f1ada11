import { useState } from 'react';
import { DIVISION_LABELS, type Division } from '../../../../src/shared/vocab/network';
import { StatusMessage } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Section } from '../../components/Page';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';
import type { MunicipalPage } from '../../lib/queries/municipalities';
import { ContactForm } from './ContactForm';
import { HistoryList } from './HistoryList';
import { Provenance } from './MaturitySection';

type Open = { division: Division; what: 'form' | 'history' } | null;

/** The named contacts of the four divisions (母子保健, 障害福祉, 保育, 教育), each with its source and history. */
export function ContactsSection({ page }: { page: MunicipalPage }) {
  const t = useT();
  const [open, setOpen] = useState<Open>(null);
  const [message, setMessage] = useState<{ text: string; tone: 'success' | 'info' } | null>(null);
  const toggle = (division: Division, what: 'form' | 'history') => {
    setMessage(null);
    setOpen(open?.division === division && open.what === what ? null : { division, what });
  };
  return (
    <Section title={t('muni.contactsTitle')} id="muni-contacts">
      <StatusMessage tone={message?.tone}>{message?.text}</StatusMessage>
      <ul className="grid gap-4 md:grid-cols-2">
        {page.contacts.map(({ division, current }) => {
          const label = vocab(t, DIVISION_LABELS, division);
          return (
            <li key={division} className="rounded-8 border border-solid-gray-420 p-4">
              <h3 className="text-std-17B-170">{label}</h3>
              {current ? (
                <>
                  <p className="text-std-16B-170">{current.sectionName}</p>
                  {current.personName && <p>{current.personName}</p>}
                  {(current.phone || current.email) && (
                    <p className="break-all">{[current.phone, current.email].filter(Boolean).join(' / ')}</p>
                  )}
                  {current.note && <p>{current.note}</p>}
                  <Provenance v={current} />
                </>
              ) : (
                <p>{t('muni.contactNone')}</p>
              )}
              <div className="mt-2 flex flex-wrap gap-3 print:hidden">
                {page.canEdit && (
                  <Button
                    variant="secondary"
                    aria-expanded={open?.division === division && open.what === 'form'}
                    aria-label={t('muni.recordLabel', { item: label })}
                    onClick={() => toggle(division, 'form')}
                  >
                    {t('muni.record')}
                  </Button>
                )}
                <Button
                  variant="text"
                  aria-expanded={open?.division === division && open.what === 'history'}
                  aria-label={t('muni.historyLabel', { item: label })}
                  onClick={() => toggle(division, 'history')}
                >
                  {t('muni.history')}
                </Button>
              </div>
              {open?.division === division && open.what === 'form' && (
                <ContactForm
                  code={page.municipality.code}
                  division={division}
                  current={current}
                  onCancel={() => setOpen(null)}
                  onDone={() => {
                    setOpen(null);
                    setMessage({ text: t('muni.saved', { item: label }), tone: 'success' });
                  }}
                  onConflict={(now) => {
                    setOpen(null);
                    setMessage({
                      text: t('muni.contactConflict', {
                        item: label,
                        name: now?.updatedBy.name ?? t('common.none'),
                      }),
                      tone: 'info',
                    });
                  }}
                />
              )}
              {open?.division === division && open.what === 'history' && (
                <HistoryList code={page.municipality.code} subject="contact" item={division} />
              )}
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
