/**
 * The append-only journal: every change in every module is written here in the same transaction,
 * in one global order. It is the audit timeline shown to people and the outbox that search and
 * analytics tail by sequence number.
 */
@NullMarked
package io.repdesk.journal;

import org.jspecify.annotations.NullMarked;
