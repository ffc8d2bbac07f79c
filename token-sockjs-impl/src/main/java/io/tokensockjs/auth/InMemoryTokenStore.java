package io.tokensockjs.auth;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Tokens in this server's memory: the embedded default when no Redis is configured. Redeeming is a single
 * {@code remove}, so a token is redeemed at most once even when sockets race with it.
 */
public final class InMemoryTokenStore implements TokenStore {

    private record Entry(TokenData data, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Entry> tokens = new ConcurrentHashMap<>();
    private final int maxTokens;
    private final LongSupplier clock;

    /**
     * @param maxTokens unredeemed, unexpired tokens held at most: a flood of token requests cannot exhaust memory
     * @param clock     the time source, {@code System::nanoTime} outside tests
     */
    public InMemoryTokenStore(int maxTokens, LongSupplier clock) {
        this.maxTokens = maxTokens;
        this.clock = clock;
    }

    @Override
    public String issue(TokenData data, Duration ttl) {
        if (tokens.size() >= maxTokens) {
            purgeExpired();
            if (tokens.size() >= maxTokens) {
                throw new IllegalStateException("token store full: " + maxTokens + " unredeemed tokens");
            }
        }
        // A version 4 UUID, as the original issued: 122 random bits from a SecureRandom.
        String token = UUID.randomUUID().toString();
        tokens.put(token, new Entry(data, clock.getAsLong() + ttl.toNanos()));
        return token;
    }

    @Override
    public Optional<TokenData> redeem(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Entry entry = tokens.remove(token);
        if (entry == null || clock.getAsLong() - entry.expiresAtNanos() >= 0) {
            return Optional.empty();
        }
        return Optional.of(entry.data());
    }

    /** Drops expired tokens; run periodically, and when the store is full. */
    public void purgeExpired() {
        long now = clock.getAsLong();
        for (Iterator<Map.Entry<String, Entry>> it = tokens.entrySet().iterator(); it.hasNext(); ) {
            if (now - it.next().getValue().expiresAtNanos() >= 0) {
                it.remove();
            }
        }
    }

    /** Tokens held, expired ones included until purged. */
    public int size() {
        return tokens.size();
    }
}
