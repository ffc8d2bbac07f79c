package io.tokensockjs.testing;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A Sentinel deployment on loopback, as production runs one: a primary, a replica and three Sentinels
 * ({@code redis-server <file> --sentinel}) watching the primary under the name {@value #MASTER}, quorum 2, a
 * primary taken for down after one second. {@link #killPrimary()} SIGKILLs the primary; the Sentinels then
 * promote the replica.
 */
public final class RedisSentinelGroup implements AutoCloseable {

    public static final String MASTER = "mymaster";

    private final Path directory = RedisNode.directory("sentinel");
    private final RedisNode primary;
    private final RedisNode replica;
    private final List<RedisNode> sentinels = new ArrayList<>();
    /** The Sentinels' own password ({@code requirepass}), or null. */
    private final String sentinelPassword;

    private RedisSentinelGroup(String sentinelPassword) {
        this.sentinelPassword = sentinelPassword;
        int primaryPort = RedisNode.freePort();
        primary = new RedisNode(primaryPort, dataArguments(primaryPort), RedisNode.plainClient(), directory);
        int replicaPort = RedisNode.freePort();
        List<String> replicaArguments = dataArguments(replicaPort);
        replicaArguments.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(primaryPort)));
        replica = new RedisNode(replicaPort, replicaArguments, RedisNode.plainClient(), directory);
    }

    /** Starts the primary, the replica and the Sentinels, and waits until the Sentinels know the replica. */
    public static RedisSentinelGroup start() {
        return start(null);
    }

    /**
     * The same, with Sentinels that ask clients for a password of their own ({@code requirepass} in their files,
     * which they also use with each other); the data nodes ask for none.
     */
    public static RedisSentinelGroup startWithSentinelPassword(String password) {
        return start(password);
    }

    private static RedisSentinelGroup start(String sentinelPassword) {
        RedisSentinelGroup group = new RedisSentinelGroup(sentinelPassword);
        try {
            group.primary.start();
            group.replica.start();
            RedisNode.awaitTrue(group::replicaInSync, Duration.ofSeconds(30), () -> "the replica did not sync");
            for (int i = 0; i < 3; i++) {
                group.sentinels.add(group.sentinel().start());
            }
            RedisNode.awaitTrue(group::replicaKnown, Duration.ofSeconds(30), () -> "the Sentinels do not see the replica");
            return group;
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    /** {@code redis-sentinel://127.0.0.1:a,127.0.0.1:b,127.0.0.1:c/mymaster}. */
    public String url() {
        StringBuilder url = new StringBuilder("redis-sentinel://");
        for (int i = 0; i < sentinels.size(); i++) {
            url.append(i == 0 ? "" : ",").append("127.0.0.1:").append(sentinels.get(i).port());
        }
        return url.append('/').append(MASTER).toString();
    }

    public RedisNode primary() {
        return primary;
    }

    public RedisNode replica() {
        return replica;
    }

    /** SIGKILLs the primary. */
    public void killPrimary() {
        primary.kill();
    }

    /** The primary the Sentinels name now. */
    public HostAndPort currentPrimary() {
        for (RedisNode sentinel : sentinels) {
            try (Jedis jedis = sentinel.client()) {
                List<String> address = jedis.sentinelGetMasterAddrByName(MASTER);
                return new HostAndPort(address.get(0), Integer.parseInt(address.get(1)));
            } catch (RuntimeException e) {
                // the next Sentinel
            }
        }
        throw new IllegalStateException("no Sentinel answers");
    }

    /** Waits until the Sentinels promoted the replica. */
    public void awaitPromotion(Duration bound) {
        RedisNode.awaitTrue(() -> currentPrimary().getPort() == replica.port(), bound,
                () -> "the Sentinels did not promote the replica; they name " + currentPrimary());
    }

    private boolean replicaInSync() {
        try (Jedis jedis = replica.client()) {
            return jedis.info("replication").contains("master_link_status:up");
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean replicaKnown() {
        try (Jedis jedis = sentinels.get(0).client()) {
            return !jedis.sentinelReplicas(MASTER).isEmpty();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private RedisNode sentinel() {
        int port = RedisNode.freePort();
        Path file = directory.resolve("sentinel-" + port + ".conf");
        try {
            // A Sentinel rewrites its file with what it learns: it must be its own and writable.
            Files.writeString(file, String.join("\n",
                    "port " + port,
                    "bind 127.0.0.1",
                    "dir " + directory.toAbsolutePath(),
                    "sentinel monitor " + MASTER + " 127.0.0.1 " + primary.port() + " 2",
                    "sentinel down-after-milliseconds " + MASTER + " 1000",
                    "sentinel failover-timeout " + MASTER + " 10000",
                    "sentinel parallel-syncs " + MASTER + " 1",
                    sentinelPassword == null ? "" : "requirepass " + sentinelPassword,
                    ""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        JedisClientConfig client = sentinelPassword == null ? RedisNode.plainClient() : DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(1000).socketTimeoutMillis(2000).password(sentinelPassword).build();
        return new RedisNode(port, List.of(file.toAbsolutePath().toString(), "--sentinel"), client, directory);
    }

    private List<String> dataArguments(int port) {
        return new ArrayList<>(List.of("--port", Integer.toString(port), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--protected-mode", "no", "--dir", directory.toAbsolutePath().toString(),
                "--dbfilename", "dump-" + port + ".rdb", "--repl-diskless-sync-delay", "0"));
    }

    @Override
    public void close() {
        sentinels.forEach(RedisNode::close);
        replica.close();
        primary.close();
    }
}
