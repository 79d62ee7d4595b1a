import fc from 'fast-check';

/**
 * Property tests run 100 cases by default; `FC_NUM_RUNS=20000 npm run test:unit` hunts for rare
 * counterexamples before they surface as a flaky CI run.
 */
const runs = Number(process.env.FC_NUM_RUNS ?? '');
if (Number.isInteger(runs) && runs > 0) fc.configureGlobal({ numRuns: runs });
