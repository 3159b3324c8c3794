/**
 * Cost: quotes a job on every provider that can train its base model (catalog prices and limits, the
 * dataset's billable tokens, resolved epochs), and routes it to the provider {@code auto} chooses.
 */
package io.tunegate.cost;
