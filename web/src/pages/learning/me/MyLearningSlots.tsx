import type { ReactNode } from 'react';
import { MyLessonsSlot } from '../lessons/MyLessonsSlot';
import { ApplySlot } from './ApplySlot';

/**
 * The places on "my learning" (MyLearningPage) that the other parts of the learning module fill in. Each
 * owner replaces its slot's body with its own component (a one-line, additive edit here):
 * - applications (Apply*.tsx): the full list with cancel, the apply link from the catalogue;
 * - lessons (the e-learning player): the lessons in progress and where each stands;
 * - completions (MyCompletions*.tsx): the record of completions and the certificates to print.
 * A slot that returns null leaves the summary the page already shows from GET /api/learning/me.
 */
export const MY_LEARNING_SLOTS: {
  applications: () => ReactNode;
  lessons: () => ReactNode;
  completions: () => ReactNode;
} = {
  applications: () => <ApplySlot />,
  lessons: () => <MyLessonsSlot />,
  completions: () => null,
};
