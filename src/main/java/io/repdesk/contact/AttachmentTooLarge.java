package io.repdesk.contact;

/** A file is larger than the attachment store accepts ({@code repdesk.contact.attachment-max-bytes}). */
public class AttachmentTooLarge extends RuntimeException {

    private final String filename;
    private final long limit;

    public AttachmentTooLarge(String filename, long limit) {
        super("The file " + filename + " is larger than the limit of " + limit / (1024 * 1024) + " MiB");
        this.filename = filename;
        this.limit = limit;
    }

    public String filename() {
        return filename;
    }

    public long limit() {
        return limit;
    }
}
