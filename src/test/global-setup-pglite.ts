import { setupTestDatabases } from './global-setup';

export default () => setupTestDatabases('pglite');
