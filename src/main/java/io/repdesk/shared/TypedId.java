package io.repdesk.shared;

import java.io.Serializable;
import java.util.UUID;

/**
 * An identifier with a type of its own around a random UUID. Serializable because some are kept in a signed-in
 * session, which is stored in PostgreSQL.
 */
public interface TypedId extends Serializable {

    UUID value();
}
