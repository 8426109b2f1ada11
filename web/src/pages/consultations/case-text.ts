import type { Translate } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { ConsultationDetail } from '../../lib/queries/consultations';

type Action = ConsultationDetail['timeline'][number];

/** The child as the actor may see it (the server has already hidden what it may not). */
export function childText(t: Translate, c: ConsultationDetail, locale: 'ja' | 'en'): string {
  const child = c.child;
  if (child.detailsHidden) return t('consult.child.hidden');
  if (child.kind === 'anonymous') return t('consult.child.anonymous');
  if (child.kind === 'unregistered') {
    return `${t('consult.child.unregistered')}${child.description ? `${t('consult.sep.label')}${child.description}` : ''}`;
  }
  const parts = [child.name, child.kana, child.birthDate ? formatDate(child.birthDate, locale) : null];
  return parts.filter(Boolean).join(' ');
}

/** A referral's resource as shown: the directory's name when the viewer may read it, else the text kept. */
export function resourceLabel(a: Action): string {
  return a.resourceName ?? a.resourceText ?? '—';
}

/** Referrals whose follow-up is still open (the ones a "follow-up done" can complete). */
export function openReferrals(c: ConsultationDetail): Action[] {
  return c.timeline.filter(
    (a) => a.kind === 'referral' && a.followUpOn !== null && a.followUpDoneAt === null,
  );
}
