/**
 * Typed identifiers, paging and the exceptions every module shares; values only, no beans.
 */
@NullMarked
package io.repdesk.shared;

import org.jspecify.annotations.NullMarked;
