import { accountsModule } from '../modules/accounts';
import { auditModule } from '../modules/audit';
import { homeModule } from '../modules/home';
import { networkModule } from '../modules/network';
import { notificationsModule } from '../modules/notifications';
import { publicCareScoreModule } from '../modules/public-care-score';
import { publicRegistrationsModule, registrationsModule } from '../modules/registrations';
import { registryModule } from '../modules/registry';
import { savedFiltersModule } from '../modules/saved-filters';
import { transitionsModule } from '../modules/transitions';
import { usersModule } from '../modules/users';
import type { Module } from './context';

/** Every domain module, registered explicitly (no side-effect imports). Order = mount order. */
export const MODULES: readonly Module[] = [
  accountsModule,
  auditModule,
  homeModule,
  registryModule,
  transitionsModule,
  savedFiltersModule,
  networkModule,
  usersModule,
  notificationsModule,
  publicRegistrationsModule,
  registrationsModule,
  publicCareScoreModule,
];
