import { Page, Section } from '../../../components/Page';
import { useT } from '../../../i18n';
import { InviteLearners } from './InviteLearners';
import { SignUpQueue } from './SignUpQueue';

/**
 * 受講者アカウント: the centre confirms learners' own sign-ups and invites learners in bulk from a list.
 * Learner accounts also appear in the user administration (利用者), where they can be disabled.
 */
export function LearnersPage() {
  const t = useT();
  return (
    <Page title={t('learners.admin.title')} intro={t('learners.admin.intro')}>
      <Section id="sign-ups" title={t('learners.queue.title')}>
        <SignUpQueue />
      </Section>
      <Section id="invite" title={t('learners.invite.title')}>
        <InviteLearners />
      </Section>
    </Page>
  );
}
