import { DISASTER_CONTACT_KIND_LABELS } from '../../../../src/shared/vocab/disaster';
import { useT } from '../../i18n';
import { vocab } from '../../i18n/vocab';

/** A contact as the lists carry it: a guardian (with the relationship when known) or a disaster contact's kind. */
export type ContactLine = {
  kind: string;
  name?: string | null;
  organisation?: string | null;
  relationship?: string | null;
  phone?: string | null;
};

/**
 * One line per contact — who (the relationship or 「保護者」 for a guardian, else the contact's kind), then the
 * organisation, name and telephone — as the municipality's list and the outage list print them (docs/disaster.md
 * §2, §4).
 */
export function ContactLines({
  contacts,
  className = 'block',
}: {
  contacts: ContactLine[];
  className?: string;
}) {
  const t = useT();
  return (
    <>
      {contacts.map((c, i) => {
        const who =
          c.kind === 'guardian'
            ? c.relationship || t('de.guardian')
            : vocab(t, DISASTER_CONTACT_KIND_LABELS, c.kind);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: positional, in the list's order
          <span key={i} className={className}>
            {`${who}: ${[c.organisation, c.name, c.phone].filter(Boolean).join(' ')}`}
          </span>
        );
      })}
    </>
  );
}
