/**
 * Budgets: per-project monthly or lifetime limits with alert thresholds, and the spend ledger behind them.
 * Submitting a job reserves its estimate under a row lock on the project's budgets, so parallel submissions
 * cannot overspend; a job's end replaces the reservation with its actual cost.
 */
package io.tunegate.budget;
