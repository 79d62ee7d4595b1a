/**
 * Trial-quality indicators (审判质效, SPEC §4.2): case facts from the fold, the indicators and the
 * dashboard's three views. Pure; runs in the renderer, the server and benchmarks alike.
 */
export * from './caseFacts';
export * from './periods';
export * from './indicators';
export * from './views';
