package io.repdesk.contact;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Keeps attachment bytes on disk outside the database, content-addressed: a file's name is its SHA-256, so the
 * same file stored twice is kept once, and a file written before a crash is simply found again on redelivery.
 * Files are written to a temporary name and moved into place, so a reader never sees half a file.
 */
@Service
public class AttachmentStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final Path root;
    private final long maxBytes;

    AttachmentStore(ContactSettings settings, @Value("${repdesk.db.data-dir:data}") Path dataDir) {
        this.root = settings.attachmentDir() != null ? settings.attachmentDir() : dataDir.resolve("attachments");
        this.maxBytes = settings.attachmentMaxBytes();
    }

    /** The largest file accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Stores the stream's bytes, reading at most one byte past the limit.
     *
     * @throws AttachmentTooLarge when the stream holds more than {@link #maxBytes()}; nothing is kept then
     */
    public StoredFile store(String filename, InputStream in) {
        try {
            Files.createDirectories(root.resolve("tmp"));
            Path temp = Files.createTempFile(root.resolve("tmp"), "upload-", ".part");
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                long size;
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
                    size = copyAtMost(in, out, maxBytes);
                }
                if (size > maxBytes) {
                    throw new AttachmentTooLarge(filename, maxBytes);
                }
                String sha256 = HexFormat.of().formatHex(digest.digest());
                Path target = path(sha256);
                if (!Files.exists(target)) {
                    Files.createDirectories(target.getParent());
                    move(temp, target);
                }
                return new StoredFile(sha256, size);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the file " + filename, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }

    /** Stores bytes already in memory. */
    public StoredFile store(String filename, byte[] bytes) {
        return store(filename, new ByteArrayInputStream(bytes));
    }

    /** Opens a stored file for reading. */
    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(path(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the stored file " + sha256, e);
        }
    }

    /** Whether the store holds the file. */
    public boolean contains(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    private Path path(String sha256) {
        if (!SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("Not a SHA-256 file name: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = in.read(buffer)) != -1) {
            total += n;
            if (total > limit) {
                return total;
            }
            out.write(buffer, 0, n);
        }
        return total;
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another writer stored the same content first; its copy is identical.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
