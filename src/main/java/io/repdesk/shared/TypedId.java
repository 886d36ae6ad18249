package io.repdesk.shared;

import java.util.UUID;

/** An identifier with a type of its own around a random UUID. */
public interface TypedId {

    UUID value();
}
