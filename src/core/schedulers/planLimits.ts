// Hard caps on what a study may plan. They are checked on the derived plan (rungs, configurations,
// trials), not only on the fields, so planning and everything that renders a plan stay bounded
// work whatever a link says: a minResource of 5e-324 must not mean an endless rung loop.

/** Rungs per ladder. From 1 image of 49,990 to all of them at reductionFactor 1.5 needs 27. */
export const MAX_RUNGS = 32;
/** Configurations a study samples, over all of Hyperband's brackets (the numConfigs bound). */
export const MAX_CONFIGURATIONS = 1000;
/** Trials a study plans; 1,000 configurations at reductionFactor 1.5 plan at most about 3,000. */
export const MAX_TRIALS = 5000;
