package io.tokensockjs.auth;

import io.tokensockjs.testing.RedisServerExtension;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import redis.clients.jedis.RedisClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Redis token store against a real redis-server. */
class RedisTokenStoreTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.onFreePort();

    private static final TokenData DATA = new TokenData("{\"user\":\"alice\"}", "localhost:9080", List.of("127.0.0.1"), 42);

    private RedisClient redis;
    private RedisTokenStore store;

    @BeforeEach
    void connect() {
        redis = RedisClient.create(java.net.URI.create(REDIS.redis().url()));
        store = new RedisTokenStore(redis);
    }

    @AfterEach
    void disconnect() {
        redis.close();
    }

    @Test
    void aTokenIsRedeemedOnceAndHoldsItsDataAsJson() {
        String token = store.issue(DATA, Duration.ofSeconds(30));
        String stored = redis.get(RedisTokenStore.KEY_PREFIX + token);
        assertEquals(TokenDataJson.write(DATA), stored);
        long ttl = redis.pttl(RedisTokenStore.KEY_PREFIX + token);
        assertTrue(ttl > 25_000 && ttl <= 30_000, "PX ttl " + ttl);
        assertEquals(Optional.of(DATA), store.redeem(token));
        assertEquals(Optional.empty(), store.redeem(token));
        assertFalse(redis.exists(RedisTokenStore.KEY_PREFIX + token));
    }

    @Test
    void tokensAreDistinct() {
        assertNotEquals(store.issue(DATA, Duration.ofSeconds(5)), store.issue(DATA, Duration.ofSeconds(5)));
    }

    @Test
    void unknownAndAbsurdTokensGiveNothing() {
        assertEquals(Optional.empty(), store.redeem("00000000-0000-0000-0000-000000000000"));
        assertEquals(Optional.empty(), store.redeem(null));
        assertEquals(Optional.empty(), store.redeem(""));
        assertEquals(Optional.empty(), store.redeem("x".repeat(10_000)));
    }

    @Test
    void anExpiredTokenGivesNothing() throws Exception {
        String token = store.issue(DATA, Duration.ofMillis(150));
        Thread.sleep(400);
        assertEquals(Optional.empty(), store.redeem(token));
    }

    @Test
    void exactlyOneOfManyRacingRedeemersWins() throws Exception {
        int racers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            for (int round = 0; round < 20; round++) {
                String token = store.issue(DATA, Duration.ofSeconds(30));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<Optional<TokenData>>> results = new ArrayList<>();
                for (int i = 0; i < racers; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return store.redeem(token);
                    }));
                }
                go.countDown();
                int winners = 0;
                for (Future<Optional<TokenData>> result : results) {
                    winners += result.get().isPresent() ? 1 : 0;
                }
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void storesSpeakOfAnUnreachableRedisAsIllegalState() {
        try (RedisClient nowhere = RedisClient.create(java.net.URI.create("redis://127.0.0.1:" + io.tokensockjs.testing.RedisProcess.freePort()))) {
            RedisTokenStore unreachable = new RedisTokenStore(nowhere);
            assertThrows(IllegalStateException.class, () -> unreachable.issue(DATA, Duration.ofSeconds(1)));
            assertThrows(IllegalStateException.class, () -> unreachable.redeem("00000000-0000-0000-0000-000000000000"));
        }
    }
}
