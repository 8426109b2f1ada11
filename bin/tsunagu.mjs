#!/usr/bin/env node
// The `tsunagu` command: runs the TypeScript entry (src/cli/main.ts) through tsx, found from this file's
// location so it works from any working directory (configuration still comes from the environment).
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
