/**
 * Who may do what: agent accounts with hashed passwords and roles, form login for the workspace,
 * HTTP Basic for the API, and the security filter chain.
 */
@NullMarked
package io.repdesk.security;

import org.jspecify.annotations.NullMarked;
