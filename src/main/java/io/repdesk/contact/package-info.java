/**
 * Contacts: every interaction on every channel, in or out, on one append-only customer timeline.
 * Recording is idempotent: a repeated delivery with the same idempotency key is stored once.
 */
@NullMarked
package io.repdesk.contact;

import org.jspecify.annotations.NullMarked;
