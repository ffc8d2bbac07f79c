package io.tokensockjs.cluster;

import io.tokensockjs.config.TokenSockJsConfig;
import io.tokensockjs.pubsub.PubSub;
import io.tokensockjs.redis.RedisClients;
import io.tokensockjs.threads.Scheduling;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server as a member of the cluster: its id (new at every start, so a restarted server never inherits the
 * entries of its previous life), its heartbeat (every third of {@code token-sockjs.cluster.server-ttl}), the presence
 * store (Redis when configured, memory otherwise) and the bus to the other servers.
 */
@ApplicationScoped
public class Cluster {

    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    @Inject
    PubSub pubSub;

    @Inject
    RedisClients redis;

    @Inject
    TokenSockJsConfig config;

    @Inject
    Scheduling scheduling;

    private String serverId;
    private PresenceStore store;
    private ClusterBus bus;
    private ScheduledFuture<?> heartbeat;
    private volatile Runnable onForgotten = () -> { };
    private volatile boolean heartbeatFailing;

    @PostConstruct
    void init() {
        byte[] random = new byte[9];
        new SecureRandom().nextBytes(random);
        serverId = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Duration ttl = config.clusterServerTtl();
        store = redis.settings().<PresenceStore>map(settings -> new RedisPresenceStore(redis::pooled, serverId, ttl))
                .orElseGet(() -> new LocalPresenceStore(serverId));
        bus = new ClusterBus(serverId, pubSub, scheduling.executor(), scheduling.scheduler(), config.clusterTimeout(),
                this::liveServers);
        bus.start();
        beat();
        long period = Math.max(100, ttl.toMillis() / 3);
        heartbeat = scheduling.scheduler().scheduleWithFixedDelay(this::beat, period, period, TimeUnit.MILLISECONDS);
        LOG.info(() -> "token-sockjs: this server is " + serverId + " in the cluster (" + pubSub.broker().describe() + ")");
    }

    /**
     * Leaves the cluster when the application stops, before any bean is destroyed: the pooled Redis client this
     * needs closes with its own bean.
     */
    void leave(@Observes @BeforeDestroyed(ApplicationScoped.class) Object event) {
        stopHeartbeat();
        try {
            store.leave();
        } catch (RuntimeException e) {
            LOG.warning("token-sockjs: could not remove this server's presence entries (" + e.getMessage()
                    + "); they leave presence when its heartbeat expires");
            LOG.log(Level.FINE, "leaving the cluster failed", e);
        }
    }

    @PreDestroy
    synchronized void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }

    public String serverId() {
        return serverId;
    }

    /** True when the servers share a Redis: other servers may hold sockets, and the bus reaches them. */
    public boolean shared() {
        return store instanceof RedisPresenceStore;
    }

    public PresenceStore presence() {
        return store;
    }

    public ClusterBus bus() {
        return bus;
    }

    /**
     * Runs after a heartbeat found this server taken for dead (its entries may be gone): the layer above writes its
     * sockets' entries again.
     */
    public void onForgotten(Runnable rewrite) {
        this.onForgotten = rewrite;
    }

    /** The live servers; only this one when the store cannot be reached. */
    public Set<String> liveServers() {
        try {
            return store.liveServers();
        } catch (RuntimeException e) {
            return Set.of(serverId);
        }
    }

    private void beat() {
        try {
            boolean forgotten = store.heartbeat();
            if (heartbeatFailing) {
                heartbeatFailing = false;
                LOG.info("token-sockjs: the cluster heartbeat works again");
            }
            if (forgotten) {
                onForgotten.run();
            }
        } catch (RuntimeException e) {
            if (!heartbeatFailing) {
                heartbeatFailing = true;
                LOG.warning("token-sockjs: the cluster heartbeat failed (" + e.getMessage()
                        + "); other servers will take this one for dead until it works again");
            }
        }
    }
}
