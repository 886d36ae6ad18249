/**
 * Knowledge: KCS-style articles (issue in the customer's words, environment, resolution, cause) linked to
 * service needs, written in Markdown and shown sanitized; their versions and states; reuse by agents and
 * self-service by customers, measured per article and per need as views, solved votes, reuse and deflection.
 */
@NullMarked
package io.repdesk.knowledge;

import org.jspecify.annotations.NullMarked;
