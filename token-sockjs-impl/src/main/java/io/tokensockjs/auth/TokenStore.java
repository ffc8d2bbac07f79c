package io.tokensockjs.auth;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Where issued tokens wait to be redeemed: in memory on one server, in Redis across servers. */
public interface TokenStore {

    /**
     * Stores the data under a new random token valid for the given time.
     *
     * @throws IllegalStateException when the store refuses more tokens (it is full or unreachable)
     */
    String issue(TokenData data, Duration ttl);

    /**
     * {@link #issue} answered when the store holds the token; it fails with {@link IllegalStateException} where
     * {@code issue} throws it. This default stores on the caller's thread.
     */
    default CompletableFuture<String> issueLater(TokenData data, Duration ttl) {
        try {
            return CompletableFuture.completedFuture(issue(data, ttl));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Takes the token's data out, atomically: of any number of callers racing with one token, exactly one gets
     * the data; an expired or unknown token gives nothing.
     */
    Optional<TokenData> redeem(String token);
}
