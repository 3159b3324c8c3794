/**
 * Format translation: a dataset in Tunegate's canonical formats (OpenAI chat, OpenAI preference,
 * prompt/completion) rewritten, line by line, into the JSONL a provider trains on. Lines a target cannot
 * express are reported with a reason, never silently changed. Provider adapters stage data through
 * {@link io.tunegate.dataset.translation.FormatTranslator}; {@link io.tunegate.dataset.translation.ProviderFormats}
 * says which {@link io.tunegate.dataset.translation.TargetFormat} a provider and base model get.
 */
@NamedInterface("translation")
package io.tunegate.dataset.translation;

import org.springframework.modulith.NamedInterface;
