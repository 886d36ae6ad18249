package io.repdesk.demo;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.Priority;
import io.repdesk.contact.Channel;
import io.repdesk.contact.Direction;
import io.repdesk.customer.EnvironmentProfile;

/** Everything the demo loads, generated up front from a seed so that it is the same every time. */
record DemoWorld(List<Org> organizations, List<Person> customers, List<Thread> cases) {

    record Org(String name, String plan) {
    }

    record Person(int organization, String name, String email, EnvironmentProfile environment,
            String accountManager, Instant createdAt) {
    }

    /** A case: who asked, about which need (null: not linked yet), and its contacts in order. */
    record Thread(int customer, String intent, @Nullable String needKey, Priority priority, CaseStatus status,
            @Nullable String assignee, List<Message> messages) {

        Instant lastAt() {
            return messages.getLast().occurredAt();
        }
    }

    record Message(Channel channel, Direction direction, Instant occurredAt, String subject, String body,
            String author) {
    }

    int contactCount() {
        return cases.stream().mapToInt(t -> t.messages().size()).sum();
    }
}
