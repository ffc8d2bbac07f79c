package io.tokensockjs.auth;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tokens in Redis, shared by every server: a token issued by one can be redeemed on any other, once. Each token is
 * a key holding its data as JSON, written with {@code SET ... PX ttl NX} (Redis expires it) and taken with
 * {@code GETDEL}, one atomic command, so that of any number of redeemers racing on any servers exactly one
 * gets the data.
 */
public final class RedisTokenStore implements TokenStore {

    private static final Logger LOG = Logger.getLogger(RedisTokenStore.class.getName());

    /** Keys of tokens: the prefix, then the token. */
    public static final String KEY_PREFIX = "token-sockjs:token:";
    /** Tokens are UUIDs; anything much longer is not one of ours and is not sent to Redis. */
    static final int MAX_TOKEN_LENGTH = 64;

    private final Supplier<UnifiedJedis> redis;
    /** Where new tokens are written, in batches; null: one blocking command per token (Redis Cluster). */
    private final PipelinedTokenWriter writer;
    /** How long a token waits for the writer at most: past it the request fails as when Redis does not answer. */
    private final long writeWaitMillis;

    public RedisTokenStore(UnifiedJedis redis) {
        this(() -> redis);
    }

    /**
     * @param redis the pooled client (standalone, Sentinel or Cluster: tokens are plain keys in each); it may
     *              throw {@link IllegalStateException} while it cannot be made yet
     */
    public RedisTokenStore(Supplier<UnifiedJedis> redis) {
        this(redis, null, Duration.ZERO);
    }

    /**
     * @param redis     as above, for redeeming
     * @param writer    writes new tokens, or null to write each with its own command
     * @param writeWait how long {@link #issue} waits for the writer at most ({@link #issueLater}, which the route
     *                  uses, is bounded by the writer itself)
     */
    public RedisTokenStore(Supplier<UnifiedJedis> redis, PipelinedTokenWriter writer, Duration writeWait) {
        this.redis = redis;
        this.writer = writer;
        this.writeWaitMillis = writeWait.toMillis();
    }

    @Override
    public String issue(TokenData data, Duration ttl) {
        if (writer != null) {
            return awaitIssued(issueLater(data, ttl));
        }
        String json = TokenDataJson.write(data);
        SetParams params = SetParams.setParams().px(Math.max(1, ttl.toMillis())).nx();
        try {
            // A version 4 UUID, as the original issued: 122 random bits, so NX refusing one is all but impossible;
            // it would only mean trying another.
            for (int attempt = 0; attempt < 3; attempt++) {
                String token = UUID.randomUUID().toString();
                if ("OK".equals(redis.get().set(KEY_PREFIX + token, json, params))) {
                    return token;
                }
            }
        } catch (JedisException e) {
            throw new IllegalStateException("Redis did not store the token: " + e.getMessage(), e);
        }
        throw new IllegalStateException("Redis refused three new tokens as existing");
    }

    @Override
    public CompletableFuture<String> issueLater(TokenData data, Duration ttl) {
        if (writer == null) {
            return TokenStore.super.issueLater(data, ttl);
        }
        return attempt(TokenDataJson.write(data), Math.max(1, ttl.toMillis()), 1);
    }

    /** One new token written by the writer; another when NX refused it, three in all. */
    private CompletableFuture<String> attempt(String json, long ttlMillis, int attempt) {
        String token = UUID.randomUUID().toString();
        return writer.set(KEY_PREFIX + token, json, ttlMillis).thenCompose(stored -> {
            if (stored) {
                return CompletableFuture.completedFuture(token);
            }
            return attempt < 3 ? attempt(json, ttlMillis, attempt + 1) : CompletableFuture.failedFuture(
                    new IllegalStateException("Redis refused three new tokens as existing"));
        });
    }

    /** {@link #issue} through the writer: {@link #issueLater} waited for, at most {@link #writeWaitMillis}. */
    private String awaitIssued(CompletableFuture<String> issued) {
        try {
            return issued.get(writeWaitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IllegalStateException refused ? refused
                    : new IllegalStateException("Redis did not store the token", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Redis did not store the token within " + writeWaitMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Redis stored the token", e);
        }
    }

    @Override
    public Optional<TokenData> redeem(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        String json;
        try {
            json = redis.get().getDel(KEY_PREFIX + token);
        } catch (JedisException e) {
            throw new IllegalStateException("Redis did not redeem the token: " + e.getMessage(), e);
        }
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(TokenDataJson.read(json, "key " + KEY_PREFIX + "..."));
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "A token key in Redis does not hold token data; the token is refused", e);
            return Optional.empty();
        }
    }
}
