package io.repdesk.channel;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.repdesk.contact.NewAttachment;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.IntakeFlowId;

/**
 * A request a customer files on the portal.
 *
 * @param author who wrote it (the signed-in customer's address)
 * @param flowId the intake flow of the category chosen, or null when none applies
 * @param answers the answers to the flow's questions, by question key
 * @param formToken the token of the form it was typed into: submitting the same form twice files one request
 */
public record PortalRequest(CustomerId customerId, String author, String subject, String description,
        @Nullable IntakeFlowId flowId, Map<String, String> answers, List<NewAttachment> attachments, String formToken) {

    public PortalRequest {
        answers = Map.copyOf(answers);
        attachments = List.copyOf(attachments);
    }
}
