/**
 * The API's resources as immutable records (snake_case on the wire). Fields a newer gateway adds are ignored and
 * unknown statuses read as {@link io.tunegate.client.model.JobStatus#UNKNOWN}, so an older client keeps working.
 */
package io.tunegate.client.model;
