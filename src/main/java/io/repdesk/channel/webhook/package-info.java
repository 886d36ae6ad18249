/**
 * Outbound webhooks: subscriptions to case and need events, a durable outbox of signed deliveries written
 * with each event, and a dispatcher that sends them with retries. Exposed to the web module for its admin
 * pages and API.
 */
@NamedInterface("webhook")
@NullMarked
package io.repdesk.channel.webhook;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
