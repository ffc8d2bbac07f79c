package it.io.tokensockjs.redis;

import io.tokensockjs.client.TokenSocketClient;
import io.tokensockjs.testing.RedisClusterGroup;
import io.tokensockjs.testing.RedisNode;

import jakarta.json.Json;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.ClientKillParams;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The servers' ACL user on the TLS Redis Cluster loses its password or its rights, as when an operator rotates a
 * password or narrows an ACL: the servers' readiness goes DOWN and their log says Redis refused their user (with
 * Redis's WRONGPASS or NOPERM), and they come back UP by themselves once the user is fixed. A plain-text client is
 * not served by the TLS-only nodes at all.
 */
public class RedisClusterAclIT {

    /** Readiness follows within a few of the broker's one-second checks; this bounds it on a loaded machine. */
    private static final Duration NOTICE_BOUND = Duration.ofSeconds(30);
    private static final Pattern REFUSED = Pattern.compile("refused this server's user");

    private static RedisClusterGroup cluster;

    @BeforeAll
    static void cluster() {
        cluster = SecuredCluster.start();
    }

    @AfterEach
    void fixUserAfterEach() {
        restoreUser();
    }

    /** Gives the user its password and rights back on every node, and waits until both servers are ready again. */
    private static void restoreUser() {
        SecuredCluster.onEveryNode(jedis -> jedis.aclSetUser(SecuredCluster.user(), "on", "resetpass",
                ">" + SecuredCluster.password(), "~*", "&*", "+@all"));
        SecuredCluster.awaitReady(Duration.ofSeconds(60));
    }

    @Test
    void aWrongPasswordMakesTheServersNotReadyWithAClearLogLineUntilItIsRight() throws Exception {
        ServerLog logA = ServerLog.mark(Node.CLUSTER_A);
        ServerLog logB = ServerLog.mark(Node.CLUSTER_B);
        SecuredCluster.onEveryNode(jedis -> jedis.aclSetUser(SecuredCluster.user(), "resetpass", ">rotated-elsewhere"));
        disconnectTheServers();

        awaitRefused(logA, logB, "WRONGPASS");

        restoreUser();
        assertPubSubWorks("acl-pw");
    }

    @Test
    void aUserWithoutChannelRightsMakesTheServersNotReadyWithAClearLogLine() throws Exception {
        ServerLog logA = ServerLog.mark(Node.CLUSTER_A);
        ServerLog logB = ServerLog.mark(Node.CLUSTER_B);
        // No channel may be subscribed or published any more; keys and other commands still work.
        SecuredCluster.onEveryNode(jedis -> jedis.aclSetUser(SecuredCluster.user(), "resetchannels"));
        disconnectTheServers();

        awaitRefused(logA, logB, "NOPERM");

        restoreUser();
        assertPubSubWorks("acl-rights");
    }

    @Test
    void aPlainTextClientIsNotServedByTheTlsOnlyNodes() {
        RedisNode node = cluster.nodes().get(0);
        // The node resets the connection: the failure may come from the command or from closing.
        assertThrows(JedisConnectionException.class, () -> {
            try (Jedis plain = new Jedis(node.address(), RedisNode.plainClient())) {
                plain.auth(SecuredCluster.user(), SecuredCluster.password());
            }
        });
        // The same node over TLS with the same user answers: the refusal above is the missing TLS, nothing else.
        try (Jedis tls = new Jedis(node.address(), cluster.certificate().orElseThrow()
                .client(SecuredCluster.user(), SecuredCluster.password()))) {
            assertEquals("PONG", tls.ping());
        }
    }

    /** Ends the servers' connections (Redis checks a user's password only when a connection authenticates). */
    private static void disconnectTheServers() {
        SecuredCluster.onEveryNode(jedis -> jedis.clientKill(new ClientKillParams().user(SecuredCluster.user())));
    }

    private static void awaitRefused(ServerLog logA, ServerLog logB, String redisError) {
        RedisNode.awaitTrue(() -> !Node.CLUSTER_A.ready() && !Node.CLUSTER_B.ready(), NOTICE_BOUND,
                () -> "readiness still UP: A " + Node.CLUSTER_A.readiness().body() + ", B " + Node.CLUSTER_B.readiness().body());
        Pattern line = Pattern.compile(REFUSED.pattern() + ".*" + redisError);
        RedisNode.awaitTrue(() -> logA.count(line) > 0 && logB.count(line) > 0, NOTICE_BOUND,
                () -> "no log line matching '" + line + "' on both servers");
        assertEquals(503, Node.CLUSTER_A.readiness().statusCode());
        assertEquals(503, Node.CLUSTER_B.readiness().statusCode());
    }

    /** A message published on A reaches a subscriber on B again. */
    private static void assertPubSubWorks(String channel) throws InterruptedException {
        Member bob = Member.connect(Node.CLUSTER_B, "acl-bob", "user");
        TokenSocketClient alice = Node.CLUSTER_A.client("acl-alice", "user").connect().toCompletableFuture().join();
        try {
            bob.subscribe(channel);
            SecuredCluster.awaitShardSubscribers(channel, 1);
            alice.publish(channel, Json.createObjectBuilder().add("text", "back").build()).toCompletableFuture().join();
            assertEquals(channel + " {\"text\":\"back\"}", bob.next());
            assertTrue(List.of(Node.CLUSTER_A, Node.CLUSTER_B).stream().allMatch(Node::ready));
        } finally {
            alice.close();
            bob.client().close();
        }
    }
}
