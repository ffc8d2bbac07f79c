/**
 * Per-channel history: which channels keep it ({@link io.tokensockjs.history.HistoryRules}, from
 * {@code token-sockjs.history.channels}), the stores that keep it (a Redis Stream per channel beside a small hash
 * with its epoch and last offset, {@link io.tokensockjs.history.RedisHistoryStore}; a bounded ring in memory,
 * {@link io.tokensockjs.history.MemoryHistoryStore}) and the envelope a kept message travels in between servers
 * ({@link io.tokensockjs.history.Envelope}).
 *
 * <p>A kept message is given its offset by the store in the same atomic step that publishes it (one Lua script on
 * Redis, one lock in memory), so that every server receives a channel's messages in offset order and history and
 * live delivery agree. An epoch names one life of a channel's history: a Redis restart without persistence, or a
 * history left to expire, starts a new one, and a client that asks with the old one is told that what it missed is
 * gone.
 *
 * <p>On a Redis Cluster the broker uses sharded pub/sub; publish/subscribe says so when it starts the history
 * ({@link io.tokensockjs.history.Delivery}), and the script then {@code SPUBLISH}es, its two keys named to lie in the
 * channel's own slot ({@code HistoryKeys}).
 *
 * <p>May import: {@code config}, {@code redis} and {@code threads}. Publish/subscribe ({@code pubsub}) uses it; it knows nothing of
 * sockets.
 */
package io.tokensockjs.history;
