package io.repdesk.web.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import io.repdesk.contact.AttachmentStore;
import io.repdesk.contact.AttachmentTooLarge;
import io.repdesk.contact.NewAttachment;

/** Keeps the files a customer uploads in the attachment store, ready to attach to their contact. */
@Component
class Uploads {

    static final int MAX_FILES = 10;

    private final AttachmentStore store;

    Uploads(AttachmentStore store) {
        this.store = store;
    }

    /**
     * Stores every file chosen (an empty file input sends one nameless part, which is skipped).
     *
     * @throws AttachmentTooLarge for a file over the store's limit
     * @throws io.repdesk.shared.InvalidInput naming {@code attachments} for more than {@value #MAX_FILES} files
     */
    List<NewAttachment> store(@Nullable List<MultipartFile> files) {
        List<NewAttachment> stored = new ArrayList<>();
        if (files == null) {
            return stored;
        }
        List<MultipartFile> chosen = files.stream()
                .filter(f -> f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank()).toList();
        if (chosen.size() > MAX_FILES) {
            throw new io.repdesk.shared.InvalidInput("attachments", "can hold at most " + MAX_FILES + " files");
        }
        for (MultipartFile file : chosen) {
            stored.add(store(file));
        }
        return stored;
    }

    private NewAttachment store(MultipartFile file) {
        String name = filename(file.getOriginalFilename());
        try (InputStream in = file.getInputStream()) {
            String type = file.getContentType() == null || file.getContentType().isBlank()
                    ? "application/octet-stream" : file.getContentType();
            return new NewAttachment(name, type, store.store(name, in), null, false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file " + name, e);
        }
    }

    /** The file's own name, without any folder a browser sent along, at most 200 characters. */
    private static String filename(@Nullable String original) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
