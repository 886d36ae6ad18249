/**
 * Several repdesk nodes on one PostgreSQL: jobs that must run once cluster-wide take turns through leases in
 * the database ({@link io.repdesk.cluster.ClusterJobs}); work queues claimed row by row and this node's own
 * projections (the search index) need no lease and run on every node.
 */
@NullMarked
package io.repdesk.cluster;

import org.jspecify.annotations.NullMarked;
