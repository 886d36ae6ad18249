package io.repdesk.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What it takes to create an intake flow, or to revise one into a new version.
 *
 * @param category what the flow is for: a need key ({@code card_arrival}) or a product area ({@code mobile-app});
 *     matched ignoring case
 * @param channel the channel the flow is for ({@code EMAIL}, {@code PORTAL} …); null for every channel
 * @param questions in the order they are asked
 */
public record FlowDraft(String name, String category, @Nullable String channel, List<Question> questions) {

    public FlowDraft {
        questions = questions == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(questions));
    }

    /**
     * This draft checked and tidied: texts stripped, the channel in upper case, a blank rationale dropped.
     *
     * @throws io.repdesk.shared.InvalidInput naming the first field that breaks a rule
     */
    public FlowDraft validated() {
        return FlowValidation.validate(this);
    }
}
