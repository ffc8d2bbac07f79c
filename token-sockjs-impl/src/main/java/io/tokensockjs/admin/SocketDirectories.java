package io.tokensockjs.admin;

import io.tokensockjs.cluster.Cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

/**
 * Chooses the {@link SocketDirectory} the admin API and the dashboard use: the cluster-wide one when the servers
 * share a Redis, this server's own otherwise. With Redis, every server answers the others' admin requests from the
 * start, whether or not its own admin API is ever called.
 */
@ApplicationScoped
public class SocketDirectories {

    @Inject
    Cluster cluster;

    @Inject
    LocalSocketDirectory local;

    @Inject
    ClusterSocketDirectory clusterWide;

    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (cluster.shared()) {
            clusterWide.serve();
        }
    }

    @Produces
    @ApplicationScoped
    SocketDirectory directory() {
        return cluster.shared() ? clusterWide : local;
    }
}
