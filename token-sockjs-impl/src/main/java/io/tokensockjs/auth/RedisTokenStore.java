package io.tokensockjs.auth;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.SetParams;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
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

    public RedisTokenStore(UnifiedJedis redis) {
        this(() -> redis);
    }

    /**
     * @param redis the pooled client (standalone, Sentinel or Cluster: tokens are plain keys in each); it may
     *              throw {@link IllegalStateException} while it cannot be made yet
     */
    public RedisTokenStore(Supplier<UnifiedJedis> redis) {
        this.redis = redis;
    }

    @Override
    public String issue(TokenData data, Duration ttl) {
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
