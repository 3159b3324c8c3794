/**
 * The {@code tunegate} command line, built on picocli and the Java client.
 */
package io.tunegate.cli;
