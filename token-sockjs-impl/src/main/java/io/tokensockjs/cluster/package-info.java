/**
 * One cluster, one view: the servers that share a Redis (or this one alone, in memory) know each other and where
 * every socket is. Each server has an id made at start and a heartbeat with a time to live
 * ({@link io.tokensockjs.cluster.Cluster}); the {@link io.tokensockjs.cluster.PresenceStore} keeps every
 * authenticated socket and every channel membership, tied to its server's liveness, at O(1) Redis operations per
 * change; the {@link io.tokensockjs.cluster.ClusterBus} carries requests to one server or to all and brings their
 * answers back, with timeouts. What the requests mean is up to the layer above, which registers handlers.
 *
 * <p>May import: {@code pubsub} (its broker carries the bus), {@code redis}, {@code config}, {@code threads},
 * {@code json}. Never {@code server}.
 */
package io.tokensockjs.cluster;
