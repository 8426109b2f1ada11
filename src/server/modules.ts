import { accountsModule } from '../modules/accounts';
import { homeModule } from '../modules/home';
import { registryModule } from '../modules/registry';
import type { Module } from './context';

/** Every domain module, registered explicitly (no side-effect imports). Order = mount order. */
export const MODULES: readonly Module[] = [accountsModule, homeModule, registryModule];
