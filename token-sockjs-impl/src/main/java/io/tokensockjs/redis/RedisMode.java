package io.tokensockjs.redis;

/** How the Redis of {@code token-sockjs.redis.url} is deployed, from the URL's scheme. */
public enum RedisMode {

    /** One server (it may have replicas, but the URL names the one to use): {@code redis://}, {@code rediss://}. */
    STANDALONE("redis", 6379),
    /** A primary found through Sentinels, followed when they promote a replica: {@code redis-sentinel://}. */
    SENTINEL("redis-sentinel", 26379),
    /** A Redis Cluster, found from seed nodes; pub/sub is sharded ({@code SPUBLISH}/{@code SSUBSCRIBE}). */
    CLUSTER("redis-cluster", 6379);

    private final String scheme;
    private final int defaultPort;

    RedisMode(String scheme, int defaultPort) {
        this.scheme = scheme;
        this.defaultPort = defaultPort;
    }

    /** The plain scheme; the TLS one inserts an {@code s} after {@code redis}. */
    public String scheme(boolean tls) {
        return tls ? "rediss" + scheme.substring("redis".length()) : scheme;
    }

    /** The port of a host given without one. */
    public int defaultPort() {
        return defaultPort;
    }
}
