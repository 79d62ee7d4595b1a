/**
 * Public API of the enforcement rules (执行, docs/enforcement.md): asset controls and their lapse
 * warnings, measures and approvals, the payment ledger, closing and the dishonest-debtor list.
 */
export * from './approvals';
export * from './assetControl';
export * from './measures';
export * from './ledger';
export * from './closing';
export * from './dishonest';
export * from './listingRounds';
export * from './publicListExport';
export * from './filing';
