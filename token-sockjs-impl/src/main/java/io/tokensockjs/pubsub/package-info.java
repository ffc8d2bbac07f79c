/**
 * Publish/subscribe: the clients' channel requests (each vetoable), the server's own operations, the brokers
 * (memory; Redis with plain pub/sub on one server or a Sentinel primary, {@code ShardedRedisBroker} with sharded
 * pub/sub on a Redis Cluster) and the delivery of a channel's messages through the application's filters. It sees
 * sockets only through {@link io.tokensockjs.pubsub.ChannelMember}. It also carries reserved channels for the layers
 * above ({@code PubSub.listen}, the cluster's requests) and tells a {@link io.tokensockjs.pubsub.MembershipListener}
 * of every join and leave (presence).
 *
 * <p>May import: {@code io.tokensockjs.sockjs} (messages fanned out), {@code json}, {@code threads}, {@code config},
 * {@code metrics}, {@code events}, {@code redis}, {@code protocol} and {@code history} (the channels that keep history
 * publish through it, and their messages reach sockets through a {@link io.tokensockjs.pubsub.ChannelCursor} each).
 * Never {@code server}.
 */
package io.tokensockjs.pubsub;
