/**
 * Who may do what: agent accounts with hashed passwords and roles, form login for the workspace,
 * HTTP Basic for the API, customers' portal sign-in (single-use emailed links or passwords) on a filter
 * chain of its own, and the security filter chains.
 */
@NullMarked
package io.repdesk.security;

import org.jspecify.annotations.NullMarked;
