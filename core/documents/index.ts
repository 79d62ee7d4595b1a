/**
 * Public API of CourtDesk's document rules (issue 9): amounts in capitals, the error checker
 * (文书纠错), the publication decision (裁判文书公开) and the anonymiser. Pure functions over plain
 * text and a case record; they run in the renderer, the server worker and tests alike.
 */
export * from './amountInCapitals';
export * from './numerals';
export * from './record';
export * from './findings';
export * from './check/checkDocument';
export * from './check/commonErrors';
export * from './lawNames';
export * from './personNames';
export * from './textDates';
export * from './publication';
export * from './anonymise/anonymise';
export * from './anonymise/replacements';
export { protectedNames, pseudonyms, type ProtectedName } from './anonymise/names';
export { adminPrefixLength } from './anonymise/addresses';
