package io.repdesk;

/** A backup or restore that cannot go on; the message says why and what to do, and nothing was half done. */
final class BackupFailed extends RuntimeException {

    BackupFailed(String message) {
        super(message);
    }

    BackupFailed(String message, Throwable cause) {
        super(message, cause);
    }
}
