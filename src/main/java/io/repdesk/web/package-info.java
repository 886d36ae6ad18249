/**
 * The agent workspace (server-rendered pages with htmx), the customer portal under {@code /portal} and the
 * REST API under {@code /api/v1}; composes the modules below it and owns no tables.
 */
@NullMarked
package io.repdesk.web;

import org.jspecify.annotations.NullMarked;
