import type { jaSurveyLetter } from '../ja/survey-letter';

/** English strings: a survey's printed letters (/surveys/{id}/letter, one per personal link, with a QR code). */
export const enSurveyLetter: Record<keyof typeof jaSurveyLetter, string> = {
  'surveyLetter.title': 'Print survey letters',
  'surveyLetter.back': 'Back to the survey',
  'surveyLetter.print': 'Print',
  'surveyLetter.lead':
    'One A4 letter per personal link: the recipient, the survey, a request to answer, the link’s address and QR code, and the closing date.',
  'surveyLetter.ready':
    'Letters for {n} personal links. Closing this tab removes the links from this screen.',
  'surveyLetter.whyIssue':
    'Personal links are shown only when they are issued (the centre does not keep the links themselves). To make letters, fresh links are issued to those who have not answered yet.',
  'surveyLetter.waiting': 'Not answered yet: {n}',
  'surveyLetter.warning':
    'Their earlier links stop working once new ones are issued (including links sent by e-mail).',
  'surveyLetter.issue': 'Issue links to those not answered and make the letters',
  'surveyLetter.issuing': 'Issuing…',
  'surveyLetter.noneWaiting': 'No recipient of a personal link is waiting to answer.',
  'surveyLetter.notOpen': 'This survey is not open for answers, so no letters can be made.',
  'surveyLetter.forget': 'Clear the letters',
  'surveyLetter.to': 'Dear {name}',
  'surveyLetter.request':
    'We would be grateful if you could answer “{title}”. Scan the QR code below with your phone or type the address.',
  'surveyLetter.personal':
    'This link is yours alone and can be used to answer once. Please do not pass it on.',
  'surveyLetter.anonymous':
    'This survey is anonymous: your answer is kept without any link to your name or to this link.',
  'surveyLetter.address': 'Address of the answer page',
  'surveyLetter.qr': 'QR code of the answer page',
  'surveyLetter.closes': 'Answers close: {date}',
  'surveyLetter.noClosing': 'No closing date has been set. Please answer soon.',
  'surveyLetter.from': 'Support Centre for Children with Medical Care Needs',
  'surveyLetter.count': '{n} letters',
};
