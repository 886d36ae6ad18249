/**
 * Channels: adapters that turn the outside world into contacts and carry replies back out. Email (IMAP in,
 * SMTP out through an outbox) lives in {@code email}, outbound webhooks in {@code webhook}; portal and API
 * requests arrive through the web module and are recorded here as contacts like any other.
 */
@NullMarked
package io.repdesk.channel;

import org.jspecify.annotations.NullMarked;
