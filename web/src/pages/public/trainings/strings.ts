import { addDictionaries } from '../../../i18n';
import { enPublicTrainings } from '../../../i18n/en/public-trainings';
import { jaPublicTrainings } from '../../../i18n/ja/public-trainings';

/**
 * The strings of these pages, brought by their lazily loaded chunk rather than the light public entry (decision
 * 0009's budget): each page imports this module, which adds them before the page renders. The app has them
 * already; adding them again there changes nothing.
 */
addDictionaries({ ja: jaPublicTrainings, en: enPublicTrainings });
