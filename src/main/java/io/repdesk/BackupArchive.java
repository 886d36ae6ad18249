package io.repdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The layout of a backup archive (a gzip-compressed tar): {@code database/<table>.copy} for each table,
 * {@code attachments/ab/cd/<sha-256>} for each attachment file, and {@code manifest.json} last. Entry names are
 * checked against this layout before anything is written, so an archive cannot place a file outside the target.
 */
final class BackupArchive {

    static final String DATABASE = "database/";
    static final String ATTACHMENTS = "attachments/";
    static final String MANIFEST = "manifest.json";

    private static final Pattern TABLE_ENTRY = Pattern.compile("database/[a-z_][a-z0-9_]*\\.copy");
    private static final Pattern ATTACHMENT_ENTRY = Pattern.compile("attachments/[0-9a-f]{2}/[0-9a-f]{2}/[0-9a-f]{64}");

    private BackupArchive() {
    }

    static boolean isTable(String entry) {
        return TABLE_ENTRY.matcher(entry).matches();
    }

    static boolean isAttachment(String entry) {
        return ATTACHMENT_ENTRY.matcher(entry).matches();
    }

    static String tableOf(String entry) {
        return entry.substring(DATABASE.length(), entry.length() - ".copy".length());
    }

    /** Copies everything from in to out and returns the hex SHA-256 of what was copied. */
    static String copyHashing(InputStream in, OutputStream out) throws IOException {
        MessageDigest digest = sha256();
        in.transferTo(new java.security.DigestOutputStream(out, digest));
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Reads in to its end, leaving it open, and returns the hex SHA-256 of its bytes. */
    static String hash(InputStream in) throws IOException {
        MessageDigest digest = sha256();
        new DigestInputStream(in, digest).transferTo(OutputStream.nullOutputStream());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
