package io.repdesk.insight;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.HandlingCost;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;

/**
 * Records goodwill gestures on the customer. The gesture is journaled ({@code GoodwillGiven}) and reaches the
 * customer's summary through the rollup projector like every other fact, so a rebuild keeps it.
 */
@Service
public class GoodwillLedger {

    /** The largest single gesture accepted. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");

    private final Journal journal;
    private final CustomerManagement customers;
    private final RollupProjector projector;
    private final HandlingCost cost;

    GoodwillLedger(Journal journal, CustomerManagement customers, RollupProjector projector, HandlingCost cost) {
        this.journal = journal;
        this.customers = customers;
        this.projector = projector;
        this.cost = cost;
    }

    /**
     * Gives a credit or waiver in the handling-cost currency.
     *
     * @throws InvalidInput naming {@code kind}, {@code amount} or {@code reason} when one is missing or out of range
     */
    @Transactional
    public void give(CustomerId customer, @Nullable String kind, @Nullable String amount, @Nullable String reason) {
        if (!customers.exists(customer)) {
            throw new NotFound("customer", customer);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", kind(kind).name());
        facts.put("amount", amount(amount).toPlainString());
        facts.put("currency", cost.currency());
        facts.put("reason", reason(reason));
        journal.append("customer", customer.value(), "GoodwillGiven", facts);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                projector.catchUp();
            }
        });
    }

    private static Goodwill.Kind kind(@Nullable String text) {
        try {
            return Goodwill.Kind.valueOf(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("kind", "must be CREDIT or WAIVER");
        }
    }

    private static BigDecimal amount(@Nullable String text) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput("amount", "must be a number like 25.00");
        }
        if (amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2) {
            throw new InvalidInput("amount", "must be more than 0 and at most " + MAX_AMOUNT + ", in cents at most");
        }
        return amount.setScale(2);
    }

    private static String reason(@Nullable String text) {
        String reason = text == null ? "" : text.strip();
        if (reason.isEmpty() || reason.length() > 500) {
            throw new InvalidInput("reason", "must be 1 to 500 characters: say why the customer gets it");
        }
        return reason;
    }
}
