package io.tokensockjs.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every MicroProfile Config key of the token layer, with its default. Environment variables map to them by the
 * MicroProfile rules ({@code TOKEN_SOCKJS_TOKEN_TTL}); Liberty users can also set them as server.xml variables.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@value #PREFIX}</td><td>/sockets</td><td>the SockJS prefix of the token sockets</td></tr>
 *   <tr><td>{@value #TOKEN_PATH}</td><td>/socket/token</td><td>the token route</td></tr>
 *   <tr><td>{@value #TOKEN_TTL}</td><td>30s</td><td>how long an unused token stays valid</td></tr>
 *   <tr><td>{@value #SESSION_ATTRIBUTE}</td><td>auth</td><td>the HTTP session attribute the default authentication reads</td></tr>
 *   <tr><td>{@value #ALLOWED_ORIGINS}</td><td>(none)</td><td>comma-separated origins allowed to request tokens cross-site (JSONP and CORS)</td></tr>
 *   <tr><td>{@value #PING}</td><td>false</td><td>answer the client's {@code _ping} keep-alive</td></tr>
 *   <tr><td>{@value #DEBUG}</td><td>false</td><td>log every message at INFO (otherwise FINE)</td></tr>
 *   <tr><td>{@value #CLEANUP}</td><td>off</td><td>close sockets that have not authenticated within this time</td></tr>
 *   <tr><td>{@value #RPC_TIMEOUT}</td><td>30s</td><td>how long a call to a client may take</td></tr>
 *   <tr><td>{@value #RPC_DISPATCH}</td><td>caller</td><td>where controller functions run: {@code caller}, on the
 *       thread that read the message (no hand-off; one socket's synchronous calls run one after the other, as in
 *       the Node module), or {@code executor}, on the server's managed executor (one socket's blocking calls may
 *       overlap, at the cost of a thread hand-off and a context capture per call)</td></tr>
 *   <tr><td>{@value #MAX_PENDING_CALLS}</td><td>1000</td><td>calls to one client that may be unanswered at once</td></tr>
 *   <tr><td>{@value #ROUTES}{@code <function>}</td><td>(none)</td><td>an HTTP route of the application offered as the
 *   function, {@code METHOD /path/{param}}</td></tr>
 *   <tr><td>{@value #ROUTES_BASE_URL}</td><td>(the application's own address)</td><td>where route functions send their requests</td></tr>
 *   <tr><td>{@value #REDIS_URL}</td><td>(none)</td><td>Redis for tokens and pub/sub: {@code redis://[user:password@]host:port[/db]},
 *       {@code redis-sentinel://[user:password@]host:port,host:port.../master[/db]} or
 *       {@code redis-cluster://[user:password@]host:port,host:port...}; {@code rediss}, {@code rediss-sentinel},
 *       {@code rediss-cluster} for TLS (see {@code io.tokensockjs.redis.RedisUrl}); without it, memory (one server only)</td></tr>
 *   <tr><td>{@value #REDIS_TLS_TRUSTSTORE}</td><td>(JVM default trust)</td><td>a PKCS12 or JKS file of the certificates
 *       TLS connections to Redis trust</td></tr>
 *   <tr><td>{@value #REDIS_TLS_TRUSTSTORE_PASSWORD}</td><td>(empty)</td><td>its password</td></tr>
 *   <tr><td>{@value #REDIS_TLS_TRUSTSTORE_TYPE}</td><td>PKCS12</td><td>its type, {@code PKCS12} or {@code JKS}</td></tr>
 *   <tr><td>{@value #REDIS_TLS_CA_FILE}</td><td>(none)</td><td>instead of a trust store: a PEM file of trusted
 *       certificates</td></tr>
 *   <tr><td>{@value #REDIS_SENTINEL_USER}</td><td>(none)</td><td>the ACL user of the Sentinels of a
 *       {@code redis(s)-sentinel://} URL, when they have their own (the URL's user is the data nodes')</td></tr>
 *   <tr><td>{@value #REDIS_SENTINEL_PASSWORD}</td><td>(none)</td><td>the Sentinels' password ({@code requirepass} or
 *       the ACL user's); without it Sentinel connections authenticate with nothing</td></tr>
 *   <tr><td>{@value #REDIS_POOL_SIZE}</td><td>8</td><td>pooled Redis connections for publishing and tokens</td></tr>
 *   <tr><td>{@value #REDIS_CONNECT_TIMEOUT}</td><td>2s</td><td>how long opening a Redis connection may take</td></tr>
 *   <tr><td>{@value #REDIS_SOCKET_TIMEOUT}</td><td>2s</td><td>how long a Redis command may wait for its answer
 *       (and for a free pooled connection)</td></tr>
 *   <tr><td>{@value #REDIS_RECONNECT_BACKOFF_MAX}</td><td>5s</td><td>the longest pause between attempts of the
 *       subscriber to reconnect after Redis failed (pauses start at 100 ms and double)</td></tr>
 *   <tr><td>{@value #CLUSTER_USER_KEY}</td><td>(none)</td><td>the key of the authentication data (an object) that
 *       names a socket's user, unless a {@code UserResolver} bean says it</td></tr>
 *   <tr><td>{@value #CLUSTER_SERVER_TTL}</td><td>15s</td><td>how long a server that stopped heartbeating still counts
 *       as live: its sockets leave presence within this time after a crash (it heartbeats every third of it)</td></tr>
 *   <tr><td>{@value #CLUSTER_TIMEOUT}</td><td>5s</td><td>how long a request to other servers waits for their answers</td></tr>
 *   <tr><td>{@value #PRESENCE_MESSAGES}</td><td>(none)</td><td>comma-separated channel patterns ({@code *} matches any
 *       text) whose subscribers receive internal {@code presence} messages on each join and leave</td></tr>
 *   <tr><td>{@value #REVALIDATE}</td><td>off</td><td>how often a {@code SocketValidator} bean re-checks every
 *       authenticated socket</td></tr>
 * </table>
 * The SockJS options of the token sockets are those of {@link SockJsConfig}, under the service name
 * {@value #SOCKJS_SERVICE}.
 * The per-channel history keys ({@code token-sockjs.history.*}) are in {@link HistoryConfig}.
 */
@ApplicationScoped
public class TokenSockJsConfig {

    public static final String PREFIX = "token-sockjs.prefix";
    public static final String TOKEN_PATH = "token-sockjs.token.path";
    public static final String TOKEN_TTL = "token-sockjs.token.ttl";
    public static final String SESSION_ATTRIBUTE = "token-sockjs.authentication.session-attribute";
    public static final String ALLOWED_ORIGINS = "token-sockjs.token.allowed-origins";
    public static final String PING = "token-sockjs.ping";
    public static final String DEBUG = "token-sockjs.debug";
    public static final String CLEANUP = "token-sockjs.cleanup";
    public static final String RPC_TIMEOUT = "token-sockjs.rpc.timeout";
    public static final String RPC_DISPATCH = "token-sockjs.rpc.dispatch";
    public static final String MAX_PENDING_CALLS = "token-sockjs.rpc.max-pending-calls";
    public static final String REDIS_URL = "token-sockjs.redis.url";
    /** The prefix of route function keys: {@code token-sockjs.routes.user.read=GET /api/users/{id}}. */
    public static final String ROUTES = "token-sockjs.routes.";
    public static final String ROUTES_BASE_URL = "token-sockjs.routes-base-url";
    public static final String REDIS_POOL_SIZE = "token-sockjs.redis.pool-size";
    public static final String REDIS_CONNECT_TIMEOUT = "token-sockjs.redis.connect-timeout";
    public static final String REDIS_SOCKET_TIMEOUT = "token-sockjs.redis.socket-timeout";
    public static final String REDIS_RECONNECT_BACKOFF_MAX = "token-sockjs.redis.reconnect-backoff-max";
    public static final String CLUSTER_USER_KEY = "token-sockjs.cluster.user-key";
    public static final String CLUSTER_SERVER_TTL = "token-sockjs.cluster.server-ttl";
    public static final String CLUSTER_TIMEOUT = "token-sockjs.cluster.timeout";
    public static final String PRESENCE_MESSAGES = "token-sockjs.presence.messages";
    public static final String REVALIDATE = "token-sockjs.revalidate";
    public static final String REDIS_TLS_TRUSTSTORE = "token-sockjs.redis.tls.truststore";
    public static final String REDIS_TLS_TRUSTSTORE_PASSWORD = "token-sockjs.redis.tls.truststore-password";
    public static final String REDIS_TLS_TRUSTSTORE_TYPE = "token-sockjs.redis.tls.truststore-type";
    public static final String REDIS_TLS_CA_FILE = "token-sockjs.redis.tls.ca-file";
    public static final String REDIS_SENTINEL_USER = "token-sockjs.redis.sentinel.user";
    public static final String REDIS_SENTINEL_PASSWORD = "token-sockjs.redis.sentinel.password";
    /** The SockJS service name of the token sockets, for {@link SockJsConfig} keys. */
    public static final String SOCKJS_SERVICE = "token";

    @Inject
    Config config;

    public String prefix() {
        return string(PREFIX).orElse("/sockets");
    }

    public String tokenPath() {
        return string(TOKEN_PATH).orElse("/socket/token");
    }

    public Duration tokenTtl() {
        return duration(TOKEN_TTL).orElse(Duration.ofSeconds(30));
    }

    public String sessionAttribute() {
        return string(SESSION_ATTRIBUTE).orElse("auth");
    }

    public List<String> allowedOrigins() {
        return string(ALLOWED_ORIGINS)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    public boolean ping() {
        return config.getOptionalValue(PING, Boolean.class).orElse(false);
    }

    public boolean debug() {
        return config.getOptionalValue(DEBUG, Boolean.class).orElse(false);
    }

    /** The level every message of a socket is logged at: INFO with {@value #DEBUG}, else FINE. */
    public java.util.logging.Level messageLogLevel() {
        return debug() ? java.util.logging.Level.INFO : java.util.logging.Level.FINE;
    }

    /** The cleanup timeout, empty when cleanup is off. */
    public Optional<Duration> cleanup() {
        return string(CLEANUP).filter(value -> !value.equalsIgnoreCase("off") && !value.equalsIgnoreCase("false"))
                .map(value -> ConfigValues.duration(CLEANUP, value));
    }

    public Duration rpcTimeout() {
        return duration(RPC_TIMEOUT).orElse(Duration.ofSeconds(30));
    }

    /** True when controller functions run on the managed executor, false (the default) on the caller's thread. */
    public boolean rpcOnExecutor() {
        String value = string(RPC_DISPATCH).orElse("caller");
        return switch (value) {
            case "caller" -> false;
            case "executor" -> true;
            default -> throw new IllegalArgumentException(RPC_DISPATCH + " is caller or executor, not " + value);
        };
    }

    public int maxPendingCalls() {
        return config.getOptionalValue(MAX_PENDING_CALLS, Integer.class).orElse(1000);
    }

    public Optional<String> routesBaseUrl() {
        return string(ROUTES_BASE_URL).map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
    }

    /** The configured route functions: function name to {@code METHOD /path}. */
    public java.util.Map<String, String> routes() {
        java.util.Map<String, String> routes = new java.util.TreeMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(ROUTES)) {
                string(name).ifPresent(spec -> routes.put(name.substring(ROUTES.length()), spec));
            }
        }
        return routes;
    }

    public Optional<String> redisUrl() {
        return string(REDIS_URL);
    }

    public int redisPoolSize() {
        return config.getOptionalValue(REDIS_POOL_SIZE, Integer.class).orElse(8);
    }

    public Duration redisConnectTimeout() {
        return duration(REDIS_CONNECT_TIMEOUT).orElse(Duration.ofSeconds(2));
    }

    public Duration redisSocketTimeout() {
        return duration(REDIS_SOCKET_TIMEOUT).orElse(Duration.ofSeconds(2));
    }

    public Duration redisReconnectBackoffMax() {
        return duration(REDIS_RECONNECT_BACKOFF_MAX).orElse(Duration.ofSeconds(5));
    }

    public Optional<String> clusterUserKey() {
        return string(CLUSTER_USER_KEY);
    }

    public Duration clusterServerTtl() {
        Duration ttl = duration(CLUSTER_SERVER_TTL).orElse(Duration.ofSeconds(15));
        if (ttl.toMillis() < 300) {
            throw new IllegalArgumentException(CLUSTER_SERVER_TTL + " must be at least 300ms: " + ttl);
        }
        return ttl;
    }

    public Duration clusterTimeout() {
        return duration(CLUSTER_TIMEOUT).orElse(Duration.ofSeconds(5));
    }

    /** The channel patterns with presence messages ({@code *} matches any text); empty when none. */
    public List<String> presenceMessages() {
        return string(PRESENCE_MESSAGES)
                .map(value -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList())
                .orElse(List.of());
    }

    /** How often sockets are re-validated, empty when off. */
    public Optional<Duration> revalidate() {
        return string(REVALIDATE).filter(value -> !value.equalsIgnoreCase("off") && !value.equalsIgnoreCase("false"))
                .map(value -> ConfigValues.duration(REVALIDATE, value));
    }

    public Optional<String> redisTlsTruststore() {
        return string(REDIS_TLS_TRUSTSTORE);
    }

    public String redisTlsTruststorePassword() {
        // Not trimmed: a password may end with a space.
        return config.getOptionalValue(REDIS_TLS_TRUSTSTORE_PASSWORD, String.class).orElse("");
    }

    public String redisTlsTruststoreType() {
        return string(REDIS_TLS_TRUSTSTORE_TYPE).orElse("PKCS12");
    }

    public Optional<String> redisTlsCaFile() {
        return string(REDIS_TLS_CA_FILE);
    }

    public Optional<String> redisSentinelUser() {
        return string(REDIS_SENTINEL_USER);
    }

    public Optional<String> redisSentinelPassword() {
        // Not trimmed: a password may end with a space.
        return config.getOptionalValue(REDIS_SENTINEL_PASSWORD, String.class).filter(value -> !value.isEmpty());
    }

    public Config raw() {
        return config;
    }

    private Optional<String> string(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(s -> !s.isEmpty());
    }

    private Optional<Duration> duration(String key) {
        return string(key).map(value -> ConfigValues.duration(key, value));
    }
}
