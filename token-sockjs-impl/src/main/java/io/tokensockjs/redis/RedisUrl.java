package io.tokensockjs.redis;

import redis.clients.jedis.HostAndPort;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of {@code token-sockjs.redis.url}:
 * <ul>
 *   <li>{@code redis://[[user]:password@]host[:port][/database]} (one server; {@code rediss://} for TLS)</li>
 *   <li>{@code redis-sentinel://[[user]:password@]host[:port][,host[:port]]...[/master[/database]]} (Sentinels
 *       that name the primary of {@code master}, {@code mymaster} when absent; {@code rediss-sentinel://} for TLS to
 *       the Sentinels and the data nodes; the user and password are those of the data nodes)</li>
 *   <li>{@code redis-cluster://[[user]:password@]host[:port][,host[:port]]...} (seed nodes of a Redis Cluster;
 *       {@code rediss-cluster://} for TLS)</li>
 * </ul>
 * User and password may be percent-encoded. Nothing this type says of itself ({@link #toString()},
 * {@link #describe()}, its exceptions) shows the password.
 */
public record RedisUrl(RedisMode mode, boolean tls, List<HostAndPort> nodes, String masterName, String user,
        String password, int database) {

    /** The Sentinel master name when the URL names none (Redis's own example configuration uses it). */
    public static final String DEFAULT_MASTER = "mymaster";

    public RedisUrl {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("A Redis URL names at least one host");
        }
        if (mode == RedisMode.STANDALONE && nodes.size() > 1) {
            throw new IllegalArgumentException("redis:// names one server; use redis-sentinel:// or redis-cluster:// for several");
        }
        if (mode == RedisMode.CLUSTER && database != 0) {
            throw new IllegalArgumentException("A Redis Cluster has only database 0");
        }
    }

    /** Parses the configuration's text; the exception never shows the password. */
    public static RedisUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("Not a Redis URL: empty");
        }
        String url = text.trim();
        int schemeEnd = url.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException("Not a Redis URL (no scheme://)");
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        RedisMode mode = null;
        boolean tls = false;
        for (RedisMode candidate : RedisMode.values()) {
            if (candidate.scheme(false).equals(scheme)) {
                mode = candidate;
            } else if (candidate.scheme(true).equals(scheme)) {
                mode = candidate;
                tls = true;
            }
        }
        if (mode == null) {
            throw new IllegalArgumentException("Not a Redis URL scheme: " + scheme
                    + " (redis, rediss, redis-sentinel, rediss-sentinel, redis-cluster, rediss-cluster)");
        }
        String rest = url.substring(schemeEnd + 3);
        int query = rest.indexOf('?');
        if (query >= 0) {
            throw new IllegalArgumentException("A Redis URL takes no ?parameters: " + redactedText(url));
        }
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        int at = authority.lastIndexOf('@');
        String user = null;
        String password = null;
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            authority = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), "user");
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), "password");
            if (colon < 0) {
                // redis://secret@host is the older form of a password alone (Redis before ACLs).
                password = user;
                user = null;
            }
            user = user == null || user.isEmpty() ? null : user;
            password = password == null || password.isEmpty() ? null : password;
        }
        List<HostAndPort> nodes = new ArrayList<>();
        for (String host : authority.split(",", -1)) {
            nodes.add(hostAndPort(host.trim(), mode.defaultPort()));
        }
        String[] segments = path.isEmpty() ? new String[0] : path.split("/", -1);
        String master = null;
        String databaseText = null;
        if (mode == RedisMode.SENTINEL) {
            master = segments.length > 0 && !segments[0].isEmpty() ? decode(segments[0], "master name") : DEFAULT_MASTER;
            databaseText = segments.length > 1 ? segments[1] : null;
            if (segments.length > 2) {
                throw new IllegalArgumentException("redis-sentinel:// takes /master[/database], not more");
            }
        } else {
            databaseText = segments.length > 0 ? segments[0] : null;
            if (segments.length > 1) {
                throw new IllegalArgumentException("A Redis URL takes /database, not more");
            }
        }
        int database = 0;
        if (databaseText != null && !databaseText.isEmpty()) {
            try {
                database = Integer.parseInt(databaseText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a Redis database number: " + databaseText);
            }
            if (database < 0) {
                throw new IllegalArgumentException("Not a Redis database number: " + databaseText);
            }
        }
        return new RedisUrl(mode, tls, nodes, master, user, password, database);
    }

    /** The one server of a standalone URL (the first node otherwise). */
    public HostAndPort first() {
        return nodes.get(0);
    }

    /** {@code scheme://[user@]hosts[/master][/database]}: what may be logged. */
    public String describe() {
        StringBuilder out = new StringBuilder(mode.scheme(tls)).append("://");
        if (user != null) {
            out.append(user).append('@');
        }
        for (int i = 0; i < nodes.size(); i++) {
            out.append(i == 0 ? "" : ",").append(nodes.get(i));
        }
        if (mode == RedisMode.SENTINEL) {
            out.append('/').append(masterName);
        }
        if (database != 0) {
            out.append('/').append(database);
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private static HostAndPort hostAndPort(String text, int defaultPort) {
        String host;
        String port = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("Not a host: " + text);
            }
            host = text.substring(1, close);
            if (close + 1 < text.length()) {
                if (text.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("Not a host:port: " + text);
                }
                port = text.substring(close + 2);
            }
        } else {
            int colon = text.lastIndexOf(':');
            host = colon < 0 ? text : text.substring(0, colon);
            port = colon < 0 ? null : text.substring(colon + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw new IllegalArgumentException("Not a host: '" + host + "'");
        }
        int number = defaultPort;
        if (port != null) {
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Not a port: '" + port + "'");
            }
            if (number < 1 || number > 65535) {
                throw new IllegalArgumentException("Not a port: " + number);
            }
        }
        return new HostAndPort(host, number);
    }

    private static String decode(String text, String what) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // Its message quotes the text: a password would show.
            throw new IllegalArgumentException("The " + what + " of the Redis URL has a broken %-escape");
        }
    }

    /** The text with anything between {@code ://} and the last {@code @} of the authority cut out. */
    static String redactedText(String url) {
        int start = url.indexOf("://");
        int at = url.lastIndexOf('@');
        if (start >= 0 && at > start) {
            return url.substring(0, start + 3) + "***@" + url.substring(at + 1);
        }
        return at >= 0 ? "***@" + url.substring(at + 1) : url;
    }
}
