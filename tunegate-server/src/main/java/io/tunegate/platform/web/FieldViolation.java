package io.tunegate.platform.web;

/** One wrong input field, named as it appears on the wire ({@code hyperparameters.n_epochs}). */
public record FieldViolation(String field, String message) {
}
