package io.tokensockjs.auth;

import java.util.List;

/**
 * What a token stands for until it is redeemed.
 *
 * @param authJson the authentication data as JSON text ({@code null} when none)
 * @param host     the {@code Host} header of the token request
 * @param ips      the client addresses of the token request: the {@code X-Forwarded-For} chain, then the peer
 * @param issuedAt when the token was issued, epoch milliseconds
 */
public record TokenData(String authJson, String host, List<String> ips, long issuedAt) {

    public TokenData {
        authJson = authJson == null ? "null" : authJson;
        ips = List.copyOf(ips);
    }
}
