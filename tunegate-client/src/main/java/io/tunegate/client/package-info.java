/**
 * A Java client for Tunegate's REST API ({@code /v1}): {@code java.net.http} and Jackson, no Spring.
 */
package io.tunegate.client;
