package io.repdesk.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts what a reply repeats from the thread (quoted history) and the sender's signature, so that a contact's
 * body says only what is new. The original message is kept elsewhere; this is for reading and matching.
 * A forwarded message keeps its history, since the forwarded text is what the customer wants us to read.
 */
final class QuoteStripper {

    /** "On Mon, 3 Nov 2026 at 10:00, Jane <jane@example.com> wrote:" and its translations, possibly wrapped. */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^(On\\s.{1,250}\\swrote|Am\\s.{1,250}\\sschrieb.{0,80}|Le\\s.{1,250}\\sa\\s[ée]crit"
                    + "|El\\s.{1,250}\\sescribi[óo]|Op\\s.{1,250}\\sschreef.{0,80})\\s?:\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Original message|Ursprüngliche Nachricht|Message d'origine)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|Von|De)\\s*:\\*?\\s.*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HEADER_SENT = Pattern.compile("^\\s*\\*?(Sent|Date|Gesendet|Datum|Envoyé)\\s*:.*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern HEADER_TO_OR_SUBJECT = Pattern.compile(
            "^\\s*\\*?(To|Subject|An|Betreff|À|Objet)\\s*:.*", Pattern.CASE_INSENSITIVE);

    private static final Pattern MOBILE_SIGNATURE = Pattern.compile(
            "^\\s*(Sent from my \\w+.*|Sent from Mail for Windows.*|Get Outlook for \\w+.*|Sent from Outlook.*"
                    + "|Sent from Yahoo Mail.*|Von meinem \\w+ gesendet.*|Envoyé de mon \\w+.*)$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern SIGN_OFF = Pattern.compile(
            "^\\s*(best|best regards|kind regards|warm regards|regards|many thanks|thanks|thank you|thanks again"
                    + "|cheers|sincerely|yours sincerely|all the best|mit freundlichen grüßen|viele grüße|cordialement)"
                    + "\\s*[,.!]?\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** A signature after a sign-off is short: longer tails are more message, not a signature. */
    private static final int SIGNATURE_LINES = 6;

    private QuoteStripper() {
    }

    /** The new part of a message's text; the whole text when cutting would leave nothing. */
    static String strip(String text, boolean forwarded) {
        List<String> lines = List.of(text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1));
        List<String> kept = forwarded ? withoutMobileSignatures(lines) : newPart(lines);
        String result = String.join("\n", kept).strip();
        return result.isEmpty() ? text.strip() : result;
    }

    private static List<String> newPart(List<String> lines) {
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (startsHistory(lines, i) || isSignatureDelimiter(line) || MOBILE_SIGNATURE.matcher(line).matches()) {
                break;
            }
            if (!line.stripLeading().startsWith(">")) {
                kept.add(line);
            }
        }
        return withoutSignOff(trimEnd(kept));
    }

    private static boolean startsHistory(List<String> lines, int i) {
        String line = lines.get(i);
        if (ORIGINAL_MESSAGE.matcher(line).matches() || isOutlookHeader(lines, i)) {
            return true;
        }
        if (line.strip().matches("_{10,}") && i + 1 < lines.size() && isOutlookHeader(lines, i + 1)) {
            return true;
        }
        // Mail programs wrap a long attribution line; try it joined with the next one or two.
        String joined = line.strip();
        for (int extra = 0; extra < 3 && i + extra < lines.size(); extra++) {
            if (extra > 0) {
                joined = joined + " " + lines.get(i + extra).strip();
            }
            if (ATTRIBUTION.matcher(joined).matches()) {
                return extra == 0 || !lines.get(i).strip().isEmpty();
            }
        }
        return false;
    }

    /** Outlook's "From: … Sent: … To: … Subject: …" block that opens the quoted message. */
    private static boolean isOutlookHeader(List<String> lines, int i) {
        if (!HEADER_FROM.matcher(lines.get(i)).matches()) {
            return false;
        }
        boolean sent = false;
        boolean toOrSubject = false;
        for (int j = i + 1; j < Math.min(lines.size(), i + 6); j++) {
            sent |= HEADER_SENT.matcher(lines.get(j)).matches();
            toOrSubject |= HEADER_TO_OR_SUBJECT.matcher(lines.get(j)).matches();
        }
        return sent && toOrSubject;
    }

    private static boolean isSignatureDelimiter(String line) {
        return line.equals("-- ") || line.equals("--") || line.equals("—");
    }

    private static List<String> withoutSignOff(List<String> lines) {
        int nonBlankAfter = 0;
        for (int i = lines.size() - 1; i > 0; i--) {
            String line = lines.get(i);
            if (SIGN_OFF.matcher(line).matches()) {
                return trimEnd(new ArrayList<>(lines.subList(0, i)));
            }
            if (!line.isBlank() && ++nonBlankAfter > SIGNATURE_LINES) {
                break;
            }
        }
        return lines;
    }

    private static List<String> withoutMobileSignatures(List<String> lines) {
        return lines.stream().filter(l -> !MOBILE_SIGNATURE.matcher(l).matches()).toList();
    }

    private static List<String> trimEnd(List<String> lines) {
        List<String> trimmed = new ArrayList<>(lines);
        while (!trimmed.isEmpty() && trimmed.getLast().isBlank()) {
            trimmed.removeLast();
        }
        return trimmed;
    }
}
