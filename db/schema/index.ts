export * from './enums';
export * from './org';
export * from './crm';
export * from './app';
export * from './limits';
export * from './import-mappings';
export * from './import-changes';
export * from './summaries';
