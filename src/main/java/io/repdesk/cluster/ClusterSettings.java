package io.repdesk.cluster;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How this node takes part in the cluster.
 *
 * @param node this node's name in the lease table (default: host name, process id and a random suffix)
 * @param leaseTtl how long a lease lasts without renewal: a killed node's jobs move to another node after at most
 *        this long; it is renewed every third of it
 */
@ConfigurationProperties("repdesk.cluster")
public record ClusterSettings(@Nullable String node, @Nullable Duration leaseTtl) {

    public ClusterSettings {
        node = node == null || node.isBlank() ? defaultNode() : node.strip();
        leaseTtl = leaseTtl == null ? Duration.ofSeconds(15) : leaseTtl;
        if (leaseTtl.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("repdesk.cluster.lease-ttl must be at least 1s, not " + leaseTtl);
        }
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + "-" + ManagementFactory.getRuntimeMXBean().getPid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
