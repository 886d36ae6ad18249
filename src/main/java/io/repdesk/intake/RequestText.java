package io.repdesk.intake;

import java.util.List;

/** Writes the message that asks a customer for the missing answers, each with why it is asked. */
final class RequestText {

    private RequestText() {
    }

    static String compose(String caseReference, List<Question> missing) {
        StringBuilder text = new StringBuilder();
        text.append("Hello,\n\n")
                .append("To resolve your case ").append(caseReference)
                .append(" without more back and forth, we need ")
                .append(missing.size() == 1 ? "one more detail" : "a few more details").append(":\n\n");
        for (int i = 0; i < missing.size(); i++) {
            Question q = missing.get(i);
            text.append(i + 1).append(". ").append(q.prompt());
            if (q.type() == QuestionType.CHOICE) {
                text.append(" (").append(String.join(" / ", q.choices())).append(")");
            }
            text.append('\n');
            if (q.rationale() != null) {
                text.append("   Why we ask: ").append(q.rationale()).append('\n');
            }
        }
        text.append("\nPlease reply to this message with your answers.\n");
        return text.toString();
    }
}
