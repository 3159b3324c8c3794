/**
 * The OpenAI-compatible surface under {@code /openai/v1}: {@code /files} and {@code /fine_tuning/jobs} in
 * OpenAI's shapes and error format, so code written for OpenAI's SDKs trains on any provider Tunegate has. A
 * thin facade: files are datasets and fine-tuning jobs are jobs (same ids as {@code /v1}), reached only
 * through the job and dataset modules' public APIs.
 */
package io.tunegate.openaiapi;
