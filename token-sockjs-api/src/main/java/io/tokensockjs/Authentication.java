package io.tokensockjs;

/**
 * An {@link Authenticator}'s decision.
 *
 * @param accepted whether a token is issued
 * @param data     what is attached to the socket as its authentication data (anything JSON-B can write), or null
 */
public record Authentication(boolean accepted, Object data) {

    private static final Authentication REFUSED = new Authentication(false, null);
    private static final Authentication ACCEPTED = new Authentication(true, null);

    /** No token: the request answers 403. */
    public static Authentication refuse() {
        return REFUSED;
    }

    /** A token with no authentication data. */
    public static Authentication accept() {
        return ACCEPTED;
    }

    /** A token whose socket carries this data. */
    public static Authentication accept(Object data) {
        return new Authentication(true, data);
    }
}
