/**
 * Publish/subscribe: the clients' channel requests (each vetoable), the server's own operations, the brokers
 * (memory; Redis with plain pub/sub on one server or a Sentinel primary, {@code ShardedRedisBroker} with sharded
 * pub/sub on a Redis Cluster) and the delivery of a channel's messages through the application's filters. It sees sockets only
 * through {@link io.tokensockjs.pubsub.ChannelMember}.
 *
 * <p>May import: {@code io.tokensockjs.sockjs} (messages fanned out), {@code json}, {@code threads}, {@code config},
 * {@code events}, {@code redis} and {@code protocol}. Never {@code server}.
 */
package io.tokensockjs.pubsub;
