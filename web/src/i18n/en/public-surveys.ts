import type { jaPublicSurveys } from '../ja/public-surveys';

/** English strings: the survey answering page (/public/surveys/…; its own lazily loaded chunk of the light public entry). */
export const enPublicSurveys: Record<keyof typeof jaPublicSurveys, string> = {
  'publicSurvey.pageTitle': 'Survey',
  'publicSurvey.closesAt': 'Answers close: {date}',
  'publicSurvey.noClosing': 'No closing date has been set.',
  'publicSurvey.anonymous':
    'This survey is anonymous. Your answer is kept without any link to your name or to the link you were sent, and the time you answered is not recorded.',
  'publicSurvey.named':
    'Your answer reaches the centre as the answer of the person this link was sent to. A link can be used to answer once.',
  'publicSurvey.open': 'Anyone may answer this survey. We do not ask for your name.',
  'publicSurvey.requiredNote': 'Questions marked "Required" must be answered.',
  'publicSurvey.municipality': 'Municipality where you live (optional)',
  'publicSurvey.municipalityHint': 'Used to look at the results by area.',
  'publicSurvey.municipalityNone': 'Prefer not to say',
  'publicSurvey.choose': 'Choose',
  'publicSurvey.numberHint': 'A number from {min} to {max}',
  'publicSurvey.numberMin': 'A number of at least {min}',
  'publicSurvey.numberMax': 'A number of at most {max}',
  'publicSurvey.numberAny': 'Answer with a number',
  'publicSurvey.dateHint':
    'Western or Japanese era dates are accepted (for example 2026-04-01, 令和8年4月1日 or R8.4.1)',
  'publicSurvey.dateRead': 'Read as {date}.',
  'publicSurvey.textLimit': 'Up to {n} characters',
  'publicSurvey.submit': 'Send my answers',
  'publicSurvey.sending': 'Sending…',
  'publicSurvey.problemsTitle': 'Some answers are missing or not valid ({n}). Check these questions:',
  'publicSurvey.problem.required': 'Please answer this question.',
  'publicSurvey.problem.requiredMatrix': 'Please answer every row.',
  'publicSurvey.problem.not_a_choice': 'Choose one of the options.',
  'publicSurvey.problem.not_a_number': 'Enter a number.',
  'publicSurvey.problem.out_of_range': 'Enter {range}.',
  'publicSurvey.problem.not_a_date':
    'This could not be read as a date. Enter it like 2026-04-01 or 令和8年4月1日.',
  'publicSurvey.problem.too_long': 'Use at most {n} characters.',
  'publicSurvey.problem.unknown_question': 'This question cannot be answered now.',
  'publicSurvey.thanksTitle': 'Thank you for your answers',
  'publicSurvey.thanksBody': 'Your answers have been received. You may close this page.',
  'publicSurvey.thanksAnonymous': 'Your answers were kept anonymously, without any link to you.',
  'publicSurvey.closedTitle': 'This survey is closed',
  'publicSurvey.closedBody':
    'Answers are no longer accepted and nothing was saved. Please contact the centre if you have any questions.',
  'publicSurvey.usedTitle': 'This link has already been used to answer',
  'publicSurvey.usedBody':
    'A personal link can be used to answer once. Your answer has not been changed. Please contact the centre if you need to correct it.',
  'publicSurvey.invalidTitle': 'This survey link is not valid',
  'publicSurvey.invalidBody':
    'Check the address on your letter again or scan its QR code once more. If you received a reminder, use the link in the newer letter.',
  'publicSurvey.refusedTitle': 'Your answers could not be sent',
  'publicSurvey.refusedBody': 'What you entered is still on this page. Please try sending again in a while.',
  'publicSurvey.retry': 'Load again',
  'publicSurvey.loadFailed': 'The survey could not be loaded.',
};
