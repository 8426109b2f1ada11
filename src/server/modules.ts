import { accountsModule } from '../modules/accounts';
import { auditModule } from '../modules/audit';
import { homeModule } from '../modules/home';
import { networkModule } from '../modules/network';
import { registryModule } from '../modules/registry';
import { usersModule } from '../modules/users';
import type { Module } from './context';

/** Every domain module, registered explicitly (no side-effect imports). Order = mount order. */
export const MODULES: readonly Module[] = [
  accountsModule,
  auditModule,
  homeModule,
  registryModule,
  networkModule,
  usersModule,
];
