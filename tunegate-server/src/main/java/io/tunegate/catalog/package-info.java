/**
 * The model catalog: which provider can fine-tune which base model, at what price, within which limits and
 * until when. Canonical model names map to each provider's own id, so one job can run on several providers.
 * Loaded from YAML at start-up ({@code config/model-catalog.yml}, overridable).
 */
package io.tunegate.catalog;
