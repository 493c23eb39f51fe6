/**
 * Kyra's named reviewers: their accounts (passwords kept only as slow, salted hashes), signing in
 * with throttling per account and per address, and the claims that keep two reviewers off one case.
 * The console signs reviewers in through {@link dev.kyra.reviewers.ReviewerService}; the admin API
 * manages the accounts.
 */
package dev.kyra.reviewers;
