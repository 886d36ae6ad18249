package io.repdesk.channel.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimeUtility;

/**
 * Reads an email from its raw bytes with Jakarta Mail, leniently: a broken boundary, an unknown charset or a
 * missing header costs only what it damages, and is noted in {@link ParsedEmail#damage()}.
 */
final class EmailParser {

    private static final Session SESSION = Session.getInstance(lenient());

    private static final Pattern ANGLE_ID = Pattern.compile("<[^<>\\s]+>");

    /** Starts only where a word starts, so that a long header without an address is searched in linear time. */
    private static final Pattern ADDRESS = Pattern.compile("(?<![^<>()\\s\",;:])[^<>()\\s\",;:]+@[^<>()\\s\",;:]+");

    private static final int MAX_DEPTH = 12;

    private static final int MAX_SUBJECT = 500;

    private EmailParser() {
    }

    /** Jakarta Mail's tolerant reading: what real-world mail needs rather than what the RFCs require. */
    private static Properties lenient() {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "true");
        p.setProperty("mail.mime.multipart.ignoreexistingboundaryparameter", "false");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        p.setProperty("mail.mime.ignoreunknownencoding", "true");
        return p;
    }

    /**
     * Parses a message.
     *
     * @throws UnreadableEmail when the bytes are not an email at all
     */
    static ParsedEmail parse(byte[] raw) {
        return parse(raw, 0);
    }

    private static ParsedEmail parse(byte[] raw, int depth) {
        if (raw.length == 0) {
            throw new UnreadableEmail("the message is empty");
        }
        MimeMessage message;
        try {
            message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        } catch (MessagingException | RuntimeException e) {
            // Jakarta Mail throws IndexOutOfBoundsException when the first header line is a continuation.
            throw new UnreadableEmail("the message has no readable headers: " + e.getMessage());
        }
        Collector found = new Collector(depth);
        found.walk(message, 0, false);
        String subject = subject(message, found);
        String text = found.text();
        boolean forwarded = !found.forwards.isEmpty() || subject.matches("(?i)^\\s*(fwd?|wg|tr)\\s*:.*");
        String html = found.html.isEmpty() ? null : String.join("\n", found.html);
        InternetAddress from = from(message, found);
        Automated automated = AutomatedMail.classify(message, found.topType, from, found.mentions);
        return new ParsedEmail(messageId(header(message, "Message-ID")), threadIds(message), address(from),
                from == null ? null : blankToNull(from.getPersonal()), subject, sentAt(message), text, html,
                List.copyOf(found.parts), forwarded, automated, List.copyOf(found.damage));
    }

    /** Walks the MIME tree once, collecting text, HTML, files and what was damaged. */
    private static final class Collector {

        final int depth;
        final List<String> plain = new ArrayList<>();
        final List<String> html = new ArrayList<>();
        final List<String> forwards = new ArrayList<>();
        final List<EmailPart> parts = new ArrayList<>();
        final List<String> damage = new ArrayList<>();
        final Set<String> mentions = new LinkedHashSet<>();
        String topType = "text/plain";

        Collector(int depth) {
            this.depth = depth;
        }

        void walk(Part part, int level, boolean related) {
            if (level + depth > MAX_DEPTH) {
                damage.add("MIME parts nested too deep were not read");
                return;
            }
            ContentType type = contentType(part);
            String base = type.getBaseType().toLowerCase(Locale.ROOT);
            if (level == 0) {
                topType = type.toString().toLowerCase(Locale.ROOT);
            }
            if (base.startsWith("multipart/")) {
                multipart(part, level, base.equals("multipart/related"));
                return;
            }
            String disposition = disposition(part);
            String filename = filename(part);
            if (base.equals("message/rfc822")) {
                forwarded(part, filename);
                return;
            }
            if (base.equals("text/rfc822-headers")) {
                rfc822Headers(part);
            }
            boolean attachment = "attachment".equals(disposition) || filename != null;
            if (!attachment && base.equals("text/html")) {
                html.add(text(part, type));
            } else if (!attachment && (base.startsWith("text/") || level == 0 && base.equals("application/octet-stream")
                    && filename == null)) {
                plain.add(text(part, type));
            } else {
                file(part, base, disposition, filename, related);
            }
        }

        private void multipart(Part part, int level, boolean related) {
            try {
                if (!(part.getContent() instanceof Multipart multipart)) {
                    damage.add("a multipart part held no parts");
                    plain.add(rawText(part));
                    return;
                }
                int count = multipart.getCount();
                for (int i = 0; i < count; i++) {
                    walk(multipart.getBodyPart(i), level + 1, related);
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                damage.add("the MIME structure could not be read (" + e.getMessage() + "); kept as text");
                plain.add(rawText(part));
            }
        }

        private void forwarded(Part part, @Nullable String filename) {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            } catch (IOException | MessagingException e) {
                damage.add("a forwarded message could not be read: " + e.getMessage());
                return;
            }
            try {
                ParsedEmail inner = parse(bytes, depth + 1);
                if (inner.messageId() != null) {
                    mentions.add(inner.messageId());
                }
                String name = filename != null ? filename : safeName(inner.subject()) + ".eml";
                parts.add(new EmailPart(name, "message/rfc822", null, false, () -> new ByteArrayInputStream(bytes)));
                forwards.add("---------- Forwarded message ----------\nFrom: "
                        + (inner.fromName() == null ? "" : inner.fromName() + " ")
                        + (inner.fromAddress() == null ? "" : "<" + inner.fromAddress() + ">")
                        + (inner.sentAt() == null ? "" : "\nDate: " + inner.sentAt())
                        + "\nSubject: " + inner.subject() + "\n\n" + inner.text());
            } catch (UnreadableEmail e) {
                damage.add("a forwarded message could not be read: " + e.getMessage());
                parts.add(new EmailPart(filename != null ? filename : "forwarded.eml", "message/rfc822", null, false,
                        () -> new ByteArrayInputStream(bytes)));
            }
        }

        private void rfc822Headers(Part part) {
            try (InputStream in = part.getInputStream()) {
                String[] ids = new InternetHeaders(in).getHeader("Message-ID");
                if (ids != null) {
                    for (String id : ids) {
                        String normalized = messageId(id);
                        if (normalized != null) {
                            mentions.add(normalized);
                        }
                    }
                }
            } catch (IOException | MessagingException e) {
                damage.add("the headers of a returned message could not be read");
            }
        }

        private void file(Part part, String base, @Nullable String disposition, @Nullable String filename,
                boolean related) {
            String contentId = contentId(part);
            boolean inline = contentId != null && (related || "inline".equals(disposition))
                    || "inline".equals(disposition) && base.startsWith("image/") && filename == null;
            String name = filename != null ? filename
                    : (contentId != null ? safeName(contentId) : "attachment-" + (parts.size() + 1)) + extension(base);
            parts.add(new EmailPart(name, base, contentId, inline, () -> {
                try {
                    return part.getInputStream();
                } catch (MessagingException e) {
                    throw new IOException("could not read the part " + name + ": " + e.getMessage(), e);
                }
            }));
        }

        private String text(Part part, ContentType type) {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            } catch (IOException | MessagingException | RuntimeException e) {
                damage.add("a text part could not be decoded (" + e.getMessage() + "); kept as it was sent");
                return rawText(part);
            }
            return decode(bytes, type.getParameter("charset"));
        }

        private String rawText(Part part) {
            try (InputStream in = part instanceof MimePart mime ? raw(mime) : part.getInputStream()) {
                return decode(in.readAllBytes(), null);
            } catch (IOException | MessagingException | RuntimeException e) {
                damage.add("a part could not be read at all");
                return "";
            }
        }

        private static InputStream raw(MimePart part) throws MessagingException {
            if (part instanceof MimeMessage message) {
                return message.getRawInputStream();
            }
            return ((jakarta.mail.internet.MimeBodyPart) part).getRawInputStream();
        }

        String decode(byte[] bytes, @Nullable String declared) {
            Charset charset = null;
            if (declared != null && !declared.isBlank()) {
                try {
                    charset = Charset.forName(MimeUtility.javaCharset(declared.strip()));
                } catch (RuntimeException e) {
                    damage.add("unknown charset " + declared.strip() + "; read as UTF-8 or Windows-1252");
                }
            }
            if (charset == null || charset.equals(StandardCharsets.US_ASCII)) {
                return utf8OrWindows1252(bytes);
            }
            if (charset.equals(StandardCharsets.ISO_8859_1)) {
                // Mail labelled Latin-1 is very often Windows-1252 (curly quotes, €); 1252 reads both right.
                charset = Charset.forName("windows-1252");
            }
            return new String(bytes, charset);
        }

        String text() {
            List<String> own = new ArrayList<>(plain.stream().filter(s -> !s.isBlank()).toList());
            if (own.isEmpty() && !html.isEmpty()) {
                own.add(HtmlText.of(String.join("\n", html)));
            }
            own.addAll(forwards);
            return String.join("\n\n", own).strip();
        }

        private ContentType contentType(Part part) {
            String raw = null;
            try {
                raw = part.getContentType();
                return new ContentType(raw == null ? "text/plain" : raw);
            } catch (MessagingException | RuntimeException e) {
                damage.add("unreadable Content-Type " + raw + "; read as text");
                return new ContentType("text", "plain", null);
            }
        }

        private @Nullable String disposition(Part part) {
            try {
                String d = part.getDisposition();
                return d == null ? null : d.strip().toLowerCase(Locale.ROOT);
            } catch (MessagingException | RuntimeException e) {
                return null;
            }
        }

        private @Nullable String filename(Part part) {
            try {
                String name = part.getFileName();
                return name == null || name.isBlank() ? null : safeName(MimeUtility.decodeText(name));
            } catch (MessagingException | IOException | RuntimeException e) {
                damage.add("an attachment's name could not be read");
                return null;
            }
        }

        private @Nullable String contentId(Part part) {
            try {
                String[] ids = part.getHeader("Content-ID");
                if (ids == null || ids.length == 0 || ids[0].isBlank()) {
                    return null;
                }
                String id = ids[0].strip();
                return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
            } catch (MessagingException e) {
                return null;
            }
        }
    }

    static String utf8OrWindows1252(byte[] bytes) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return utf8.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    private static String subject(MimeMessage message, Collector found) {
        String subject;
        try {
            subject = message.getSubject();
        } catch (MessagingException | RuntimeException e) {
            found.damage.add("the subject could not be decoded");
            subject = header(message, "Subject");
        }
        if (subject == null || subject.isBlank()) {
            return ParsedEmail.NO_SUBJECT;
        }
        String clean = subject.replaceAll("[\\r\\n\\t]+", " ").strip();
        return clean.length() > MAX_SUBJECT ? clean.substring(0, MAX_SUBJECT) + "…" : clean;
    }

    private static @Nullable InternetAddress from(MimeMessage message, Collector found) {
        for (String name : List.of("From", "Sender", "Reply-To")) {
            String value = header(message, name);
            if (value == null || value.isBlank()) {
                continue;
            }
            try {
                InternetAddress[] parsed = InternetAddress.parseHeader(value, false);
                for (InternetAddress a : parsed) {
                    if (a.getAddress() != null && ADDRESS.matcher(a.getAddress()).matches()) {
                        return a;
                    }
                }
            } catch (MessagingException | RuntimeException e) {
                found.damage.add("the " + name + " header could not be parsed");
            }
            Matcher m = ADDRESS.matcher(value);
            if (m.find()) {
                try {
                    return new InternetAddress(m.group(), null, StandardCharsets.UTF_8.name());
                } catch (IOException e) {
                    found.damage.add("the " + name + " address could not be read");
                }
            }
        }
        return null;
    }

    private static @Nullable String address(@Nullable InternetAddress from) {
        return from == null || from.getAddress() == null ? null : from.getAddress().strip();
    }

    private static List<String> threadIds(MimeMessage message) {
        Set<String> ids = new LinkedHashSet<>(ids(header(message, "In-Reply-To")));
        List<String> references = new ArrayList<>(ids(header(message, "References")));
        java.util.Collections.reverse(references);
        ids.addAll(references);
        return List.copyOf(ids);
    }

    private static List<String> ids(@Nullable String value) {
        if (value == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = ANGLE_ID.matcher(value);
        while (m.find()) {
            ids.add(m.group());
        }
        return ids;
    }

    /** A Message-ID with its angle brackets, however it was written; null when there is none. */
    static @Nullable String messageId(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = ANGLE_ID.matcher(value);
        if (m.find()) {
            return m.group();
        }
        String bare = value.strip();
        return bare.contains(" ") ? null : "<" + bare + ">";
    }

    private static @Nullable Instant sentAt(MimeMessage message) {
        try {
            java.util.Date date = message.getSentDate();
            return date == null ? null : date.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    static @Nullable String header(MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, ", ");
            return value == null ? null : MimeUtility.unfold(value);
        } catch (MessagingException e) {
            return null;
        }
    }

    /** A file name safe to offer for download: no path, no control characters, not too long. */
    static String safeName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|:*?]", "_").strip();
        if (base.isEmpty() || base.equals(".") || base.equals("..")) {
            return "attachment";
        }
        return base.length() > 150 ? base.substring(0, 150) : base;
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            case "application/pdf" -> ".pdf";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            default -> ".bin";
        };
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
