// Property tests run from one seed, so that a run of the suite is the same
// run everywhere (CI included) and a failure is reproduced by running it
// again. NET_PROPERTY_SEED=random explores new cases; any number replays one.
import fc from 'fast-check';

const wanted = process.env.NET_PROPERTY_SEED;
if (wanted !== 'random') fc.configureGlobal({ seed: wanted === undefined ? 20261206 : Number(wanted) });
