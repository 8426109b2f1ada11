import type { TestProject } from 'vitest/node';
import { setupTestDatabases } from './global-setup';

export default (project: TestProject) => setupTestDatabases(project, 'pglite');
