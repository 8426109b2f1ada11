export * from './accounts';
export * from './audit';
export * from './network';
export * from './notifications';
export * from './registry';
