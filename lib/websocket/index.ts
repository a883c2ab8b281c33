export * from './api';
export * from './integration';
export * from './integration-response';
export * from './route';
export * from './route-response';
export * from './deployment';
export * from './stage';
export * from './import-id';
