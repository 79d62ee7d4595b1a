/**
 * Document styles (文书样式) and their merge with a case: the template format and its check, the
 * merge fields, the record a template is filled from, and the shipped styles. See `docs/documents.md`.
 */
export * from './fields';
export * from './mergeTemplate';
export * from './templateFormat';
export * from './templateRecord';
export * from './templates';
export * from './templateText';
export * from './wording';
