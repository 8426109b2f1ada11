import { enAdmin } from './en/admin';
import { enCore } from './en/core';
import { enPublic } from './en/public';
import { enRecord } from './en/record';
import { enRegistry } from './en/registry';
import type { ja } from './ja';

/** English UI strings: the same keys as ja.ts, split by area in ./en/. */
export const en = { ...enCore, ...enAdmin, ...enRegistry, ...enRecord, ...enPublic } satisfies Record<
  keyof typeof ja,
  string
>;
