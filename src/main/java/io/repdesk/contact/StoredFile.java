package io.repdesk.contact;

/**
 * A file kept in the attachment store, named by its content.
 *
 * @param sha256 the lowercase hex SHA-256 of the bytes, which is also the file's name in the store
 * @param size the length in bytes
 */
public record StoredFile(String sha256, long size) {
}
