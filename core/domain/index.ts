/**
 * Public API of CourtDesk's domain rules: case numbers, identity numbers, statutory time limits
 * and litigation fees. Pure functions over plain data; every module runs in the renderer, the
 * server worker and tests alike.
 */
export * from './plainDate';
export * from './courtReference';
export * from './caseNumber';
export * from './identity';
export * from './timeLimits';
export * from './deadlines';
export * from './feeSchedule';
export * from './fees';
export * from './processEvents';
export * from './processEventDocs';
export * from './caseState';
export * from './hearingClashes';
