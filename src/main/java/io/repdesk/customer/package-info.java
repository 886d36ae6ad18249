/**
 * Customers, the organizations they belong to, and the environment profile (product, version,
 * platform, plan, region, free-form attributes) that later explains which cohort a need hits.
 */
@NullMarked
package io.repdesk.customer;

import org.jspecify.annotations.NullMarked;
