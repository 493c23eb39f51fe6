/**
 * The profile kernel: the typed fields of customers, owners and documents ({@link dev.kyra.profile.Field}),
 * values and their rules, the paths and violations that name a problem, and the registry's refusals.
 * It holds no state and knows no face; every module that reads or checks a profile stands on it.
 */
package dev.kyra.profile;
