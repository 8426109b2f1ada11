import type { jaLearningLearners } from '../ja/learning-learners';

/** English strings: learner accounts (sign-up, bulk invitation, profile, "my learning"). */
export const enLearningLearners = {
  'nav.myLearning': 'My learning',
  'nav.myLearningProfile': 'Learner profile',
} satisfies Record<keyof typeof jaLearningLearners, string>;
