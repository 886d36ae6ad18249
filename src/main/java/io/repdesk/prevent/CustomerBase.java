package io.repdesk.prevent;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentCounts;

/**
 * The environment counts over the whole customer base, the same for every need's evidence: counted again only when
 * the signals have seen a customer registered or an environment changed since the last count.
 */
@Component
class CustomerBase {

    private record Counted(long stamp, EnvironmentCounts counts) {
    }

    private final CustomerManagement customers;
    private final NeedSignals signals;
    private final AtomicReference<Counted> last = new AtomicReference<>();

    CustomerBase(CustomerManagement customers, NeedSignals signals) {
        this.customers = customers;
        this.signals = signals;
    }

    /** How many customers run each environment value; callers catch the signals up first. */
    EnvironmentCounts environmentCounts() {
        long stamp = signals.customersChanged();
        Counted counted = last.get();
        if (counted != null && counted.stamp() == stamp) {
            return counted.counts();
        }
        EnvironmentCounts counts = customers.environmentCounts();
        last.set(new Counted(stamp, counts));
        return counts;
    }
}
