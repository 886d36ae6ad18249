/**
 * Demo data: a fictional bank-app company (Lumen) with organizations, customers on iOS, Android and
 * web, and six months of contacts whose texts come from the BANKING77 data set, grouped into cases
 * and needs. Deterministic for a seed, loaded once, through the modules' own APIs.
 */
@NullMarked
package io.repdesk.demo;

import org.jspecify.annotations.NullMarked;
