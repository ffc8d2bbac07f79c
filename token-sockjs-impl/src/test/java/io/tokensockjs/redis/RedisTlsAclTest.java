package io.tokensockjs.redis;

import io.tokensockjs.auth.RedisTokenStore;
import io.tokensockjs.auth.TokenData;
import io.tokensockjs.pubsub.RedisBroker;
import io.tokensockjs.testing.RedisNode;
import io.tokensockjs.testing.TestCertificate;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import redis.clients.jedis.UnifiedJedis;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real redis-server that speaks TLS only, with a certificate the test makes, an ACL user and the default user
 * switched off: tokens and pub/sub work with the trust from a trust store or from a PEM file; without that trust,
 * or with a wrong password, they fail with a clear exception that never shows the password.
 */
class RedisTlsAclTest {

    private static final String USER = "tokens";
    private static final String PASSWORD = "pa55-word";
    private static final ScheduledExecutorService SCHEDULER = Executors.newScheduledThreadPool(1);
    private static TestCertificate certificate;
    private static RedisNode redis;

    @BeforeAll
    static void start() {
        Path directory = RedisNode.directory("tls");
        certificate = TestCertificate.create(directory);
        int port = RedisNode.freePort();
        List<String> arguments = new ArrayList<>(List.of("--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                "--user", "default", "off", "--user", USER, "on", ">" + PASSWORD, "~token-sockjs:*", "&*",
                "+@read", "+@write", "+@pubsub", "+@connection"));
        arguments.addAll(certificate.serverArguments(port));
        redis = new RedisNode(port, arguments, certificate.client(USER, PASSWORD), directory).start();
    }

    @AfterAll
    static void stop() {
        if (redis != null) {
            redis.close();
        }
        SCHEDULER.shutdownNow();
    }

    @Test
    void tokensAndPubSubOverTlsWithATrustStore() throws Exception {
        RedisTls trust = new RedisTls(Optional.of(certificate.truststore()), TestCertificate.TRUSTSTORE_PASSWORD, "PKCS12",
                Optional.empty());
        works(settings("rediss://" + USER + ":" + PASSWORD + "@127.0.0.1:" + redis.port(), trust));
    }

    @Test
    void tokensAndPubSubOverTlsWithAPemCaFile() throws Exception {
        RedisTls trust = new RedisTls(Optional.empty(), "", "PKCS12", Optional.of(certificate.certificate()));
        works(settings("rediss://" + USER + ":" + PASSWORD + "@127.0.0.1:" + redis.port(), trust));
    }

    @Test
    void anUntrustedCertificateIsRefused() {
        fails(settings("rediss://" + USER + ":" + PASSWORD + "@127.0.0.1:" + redis.port(), RedisTls.DEFAULT));
    }

    @Test
    void aWrongPasswordIsRefusedWithoutShowingIt() {
        RedisTls trust = new RedisTls(Optional.empty(), "", "PKCS12", Optional.of(certificate.certificate()));
        fails(settings("rediss://" + USER + ":wrong-" + PASSWORD + "@127.0.0.1:" + redis.port(), trust));
    }

    @Test
    void plainTextToATlsPortIsRefused() {
        fails(settings("redis://" + USER + ":" + PASSWORD + "@127.0.0.1:" + redis.port(), RedisTls.DEFAULT));
    }

    private static RedisSettings settings(String url, RedisTls trust) {
        return new RedisSettings(RedisSettings.parseUrl(url), trust, 2, Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMillis(400));
    }

    private static void works(RedisSettings settings) throws Exception {
        assertFalse(settings.describe().contains(PASSWORD), settings.describe());
        try (UnifiedJedis pooled = RedisConnections.pooled(settings)) {
            RedisTokenStore tokens = new RedisTokenStore(pooled);
            TokenData data = new TokenData("{\"user\":\"tls\"}", "localhost", List.of("127.0.0.1"), 1);
            String token = tokens.issue(data, Duration.ofMinutes(1));
            assertEquals(data.authJson(), tokens.redeem(token).orElseThrow().authJson());

            BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
            RedisBroker broker = new RedisBroker(settings, () -> pooled, Thread::new, SCHEDULER);
            try {
                broker.start((channel, payload) -> inbox.add(channel + " " + payload));
                broker.subscribe("secure");
                RedisNode.awaitTrue(broker::isHealthy, Duration.ofSeconds(10), () -> "broker not subscribed over TLS");
                broker.publish("secure", "\"hello\"");
                assertEquals("secure \"hello\"", inbox.poll(10, TimeUnit.SECONDS));
            } finally {
                broker.close();
            }
        }
    }

    private static void fails(RedisSettings settings) {
        try (UnifiedJedis pooled = RedisConnections.pooled(settings)) {
            RedisTokenStore tokens = new RedisTokenStore(pooled);
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> tokens.issue(
                    new TokenData("{}", "localhost", List.of("127.0.0.1"), 1), Duration.ofMinutes(1)));
            assertFalse(String.valueOf(refused.getMessage()).contains(PASSWORD), refused.getMessage());
            RedisBroker broker = new RedisBroker(settings, () -> pooled, Thread::new, SCHEDULER);
            try {
                broker.start((channel, payload) -> { });
                assertThrows(IllegalStateException.class, () -> broker.publish("secure", "1"));
                assertFalse(broker.isHealthy(), "never subscribed");
                assertTrue(broker.describe().startsWith("Redis redis"), broker.describe());
                assertFalse(broker.describe().contains(PASSWORD));
            } finally {
                broker.close();
            }
        }
    }
}
