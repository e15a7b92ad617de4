// NET-1 for Cognito Sync: the program's clients reach the target through the hostile 'lost-response'
// proxy, setup, prefix and final reads go direct. The route and its n/a conditions are API-neutral
// and live in the harness (suites/harness/parallel/lossy-route.ts), shared with the Connect suite;
// they are re-exported here for the Sync suite and its tests.
export { lossyApiFor, lossyNotApplicable, startLossyRoute, type LossyRoute } from '../harness/parallel/lossy-route.js';
