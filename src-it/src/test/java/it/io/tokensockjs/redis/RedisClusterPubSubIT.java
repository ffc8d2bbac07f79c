package it.io.tokensockjs.redis;

import io.tokensockjs.client.TokenSocketClient;
import io.tokensockjs.testing.RedisClusterGroup;
import io.tokensockjs.testing.RedisNode;

import jakarta.json.Json;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.util.JedisClusterCRC16;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two servers of the test application on a TLS-only Redis Cluster with an ACL user: pub/sub across them is sharded
 * (each channel's subscriptions and messages stay on the primary owning its slot, as {@code PUBSUB SHARDNUMSUB}
 * and {@code PUBSUB SHARDCHANNELS} on the nodes show), and tokens are keys in their slot, issued by one server and
 * redeemed once on the other.
 */
public class RedisClusterPubSubIT {

    /** Channel names of this run: the cluster outlives a test class. */
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    private static RedisClusterGroup cluster;
    private final List<TokenSocketClient> clients = new ArrayList<>();

    @BeforeAll
    static void cluster() {
        cluster = SecuredCluster.start();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(TokenSocketClient::close);
    }

    private Member member(Node node, String user) {
        Member member = Member.connect(node, user, "user");
        clients.add(member.client());
        return member;
    }

    @Test
    void channelsOnEveryShardCarryMessagesFromOneServerToTheOther() throws Exception {
        Map<RedisNode, String> channelOf = SecuredCluster.oneChannelPerPrimary("rc-" + RUN + "-");
        assertEquals(3, channelOf.size(), "three channels on three different primaries: " + channelOf);

        Member publisher = member(Node.CLUSTER_A, "rc-alice");
        Member bob = member(Node.CLUSTER_B, "rc-bob");
        Member carol = member(Node.CLUSTER_B, "rc-carol");
        for (String channel : channelOf.values()) {
            publisher.subscribe(channel);
            bob.subscribe(channel);
            carol.subscribe(channel);
        }
        for (var entry : channelOf.entrySet()) {
            String channel = entry.getValue();
            // One subscription per server, at the channel's own primary and nowhere else.
            SecuredCluster.awaitShardSubscribers(channel, 2);
            for (RedisNode other : channelOf.keySet()) {
                try (Jedis jedis = other.client()) {
                    boolean owner = other.equals(entry.getKey());
                    assertEquals(owner, jedis.pubsubShardChannels(channel).contains(channel),
                            channel + " (slot " + JedisClusterCRC16.getSlot(channel) + ") in SHARDCHANNELS of " + other);
                    if (!owner) {
                        assertEquals(0L, jedis.pubsubShardNumSub(channel).getOrDefault(channel, 0L), channel + " on " + other);
                    }
                }
            }
        }

        for (String channel : channelOf.values()) {
            publisher.client().publish(channel, Json.createObjectBuilder().add("text", "to " + channel).build())
                    .toCompletableFuture().join();
        }
        Set<String> expected = new HashSet<>();
        channelOf.values().forEach(channel -> expected.add(channel + " {\"text\":\"to " + channel + "\"}"));
        for (Member member : List.of(bob, carol, publisher)) {
            Set<String> received = new HashSet<>();
            for (int i = 0; i < expected.size(); i++) {
                received.add(member.next());
            }
            assertEquals(expected, received, "what " + member.client() + " on " + member.node() + " received");
        }

        // And back: a client of B publishes, A's subscriber receives.
        String first = channelOf.values().iterator().next();
        bob.client().publish(first, Json.createObjectBuilder().add("text", "from B").build()).toCompletableFuture().join();
        assertEquals(first + " {\"text\":\"from B\"}", publisher.next());
    }

    @Test
    void aTokenIsAKeyInTheClusterIssuedByOneServerAndRedeemedOnceOnTheOther() {
        HttpClient onA = Node.CLUSTER_A.loggedIn("rc-dave", "admin");
        String token = Node.CLUSTER_A.client(onA).requestToken().toCompletableFuture().join();
        String key = "token-sockjs:token:" + token;
        try (Jedis owner = cluster.primaryOf(key).client()) {
            assertTrue(owner.exists(key), key + " on the primary of its slot " + JedisClusterCRC16.getSlot(key));
        }

        TokenSocketClient onB = Node.CLUSTER_B.client(HttpClient.newHttpClient()).connectWith(token).toCompletableFuture().join();
        clients.add(onB);
        JsonValue who = onB.rpc("math.whoami", JsonValue.NULL).toCompletableFuture().join();
        assertEquals("rc-dave", who.asJsonObject().getString("user"));
        try (Jedis owner = cluster.primaryOf(key).client()) {
            assertFalse(owner.exists(key), "redeemed: the key is gone");
        }
        assertEquals("Invalid token", Node.CLUSTER_B.refusal(token), "a second redeem on the same server");
        assertEquals("Invalid token", Node.CLUSTER_A.refusal(token), "a second redeem on the issuing server");
    }

    @Test
    void readinessNamesTheClusterOverTlsAndTheUserButNotThePassword() {
        for (Node node : List.of(Node.CLUSTER_A, Node.CLUSTER_B)) {
            HttpResponse<String> ready = node.readiness();
            assertEquals(200, ready.statusCode(), node + ": " + ready.body());
            assertTrue(ready.body().contains("Redis Cluster rediss-cluster://" + SecuredCluster.user() + "@127.0.0.1:")
                    && ready.body().contains("sharded pub/sub") && ready.body().contains("TLS, CA file"), ready.body());
            assertFalse(ready.body().contains(SecuredCluster.password()), "no password in " + ready.body());
        }
    }
}
