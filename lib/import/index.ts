// The CSV import: CLI (scripts/import.ts) and admin import page use this API only.
export { importFile, importDirectory, importWithDocument, importFiles, type ImportFilesSpec, requireEntity, UnknownEntityError, type ImportDirectoryOptions } from './run';
export { closeInterrupted } from './history';
export { proposeMapping, guessEntity, rankEntities, exactMapping, resolveColumns, normalizeHeader, type EntityGuess } from './mapping';
export type {
  ImportError, ImportProgress, ImportFileOptions, ImportResult, DirectoryImportResult, ColumnMapping, PreviewRow, RowAction, UnknownValues, ValueMapping,
} from './types';
export { checkValueMapping, describeUnknownValues, parseValueSpec } from './value-mapping';
export {
  mappingDocumentSchema, parseMappingDocument, readMappingDocument, optionsFor, entityOptions, sameHeaders, describeIssues,
  type MappingDocument, type MappingDocumentInput, type EntityMapping, type EntityImportOptions,
} from './mapping-document';
export * from './rules';
export { scanFile, type FileScan } from './scan';
