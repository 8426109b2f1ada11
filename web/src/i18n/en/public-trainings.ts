import type { jaPublicTrainings } from '../ja/public-trainings';

/** English strings: the public training page (/public/trainings; also in the light public entry). */
export const enPublicTrainings: Record<keyof typeof jaPublicTrainings, string> = {
  'publicTraining.title': 'Trainings',
  'publicTraining.intro':
    'Open and coming sessions of the trainings the support centre runs. Any supporter in health, welfare, education or local government may apply.',
  'publicTraining.howToApply':
    'To apply, register as a learner (free). After the centre confirms the registration you can sign in.',
  'publicTraining.signUp': 'Register as a learner',
  'publicTraining.signIn': 'Sign in if you are registered',
  'publicTraining.checkCertificate': 'Check a certificate',
  'publicTraining.filter': 'Filter the trainings',
  'publicTraining.prefecture': 'Prefecture',
  'publicTraining.choosePrefecture': 'Choose',
  'publicTraining.choosePrefectureFirst': 'Choose a prefecture to see its trainings.',
  'publicTraining.kind': 'Kind of training',
  'publicTraining.anyKind': 'Every kind',
  'publicTraining.openOnly': 'Only trainings taking applications',
  'publicTraining.results': 'Trainings',
  'publicTraining.count': '{n} training session(s).',
  'publicTraining.none': 'No trainings match for now.',
  'publicTraining.dates': 'Dates',
  'publicTraining.noDates': 'Dates to be announced (e-learning can be taken at any time).',
  'publicTraining.place': 'Place or online',
  'publicTraining.applications': 'Applications',
  'publicTraining.open': 'Open',
  'publicTraining.openUntil': 'Open (closes {date})',
  'publicTraining.opensOn': 'Open from {date}',
  'publicTraining.closed': 'Closed',
  'publicTraining.capacity': '{n} seats',
  'publicTraining.full': 'Full',
  'publicTraining.fullNote': 'All seats are taken. If you apply you join the waiting list.',
  'publicTraining.organiser': 'Organiser',
  'publicTraining.coHosts': 'Co-hosts: {names}',
  'publicTraining.operator': 'Run by: {name}',
  'publicTraining.about': 'About the training',
  'publicTraining.apply': 'Apply for this training',
};
