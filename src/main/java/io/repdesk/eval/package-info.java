/**
 * The product's own quality checks: {@code repdesk eval matching} and {@code repdesk eval discovery}
 * run the real matching and discovery on labelled CSV data in a scratch database and print the figures.
 */
@NullMarked
package io.repdesk.eval;

import org.jspecify.annotations.NullMarked;
