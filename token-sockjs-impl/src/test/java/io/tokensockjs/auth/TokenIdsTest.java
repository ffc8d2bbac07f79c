package io.tokensockjs.auth;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenIdsTest {

    @Test
    void tokensAreVersion4UuidsInTheirUsualForm() {
        for (int i = 0; i < 1000; i++) {
            String token = TokenIds.next();
            assertTrue(token.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), token);
            UUID uuid = UUID.fromString(token);
            assertEquals(4, uuid.version(), token);
            assertEquals(2, uuid.variant(), token);
            assertEquals(token, uuid.toString());
        }
    }

    @Test
    void threadsDoNotRepeatEachOthersTokens() throws InterruptedException {
        Set<String> tokens = ConcurrentHashMap.newKeySet();
        int threads = 8;
        int each = 5000;
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    tokens.add(TokenIds.next());
                }
                done.countDown();
            }).start();
        }
        done.await();
        assertEquals(threads * each, tokens.size());
    }

    @Test
    void everyRandomBitVaries() {
        // Each of the 122 random bits takes both values over a few hundred tokens (a stuck bit would be a broken id).
        List<UUID> ids = IntStream.range(0, 400).mapToObj(i -> UUID.fromString(TokenIds.next())).toList();
        Set<String> seen = new HashSet<>();
        for (UUID id : ids) {
            for (int bit = 0; bit < 64; bit++) {
                seen.add("m" + bit + ":" + ((id.getMostSignificantBits() >>> bit) & 1));
                seen.add("l" + bit + ":" + ((id.getLeastSignificantBits() >>> bit) & 1));
            }
        }
        // Fixed: 4 version bits (12-15 of the most significant half) and 2 variant bits (62-63 of the least).
        assertEquals(2 * 128 - 6, seen.size());
    }
}
