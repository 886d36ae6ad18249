package io.repdesk.prevent;

import java.util.UUID;

import io.repdesk.shared.CustomerId;

/**
 * A proactive notice is to be mailed to one customer; the email channel queues it in its outbox, which retries
 * through mail server outages.
 *
 * @param optOutLink the absolute address where the customer stops further notices
 */
public record NoticeRequested(UUID noticeId, CustomerId customerId, String email, String subject, String text,
        String optOutLink) {
}
