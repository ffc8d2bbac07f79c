package io.tokensockjs.metrics;

/** What happened to a token, as the {@code event} label of {@code tokensockjs_tokens_total} says it. */
public enum TokenEvent {
    /** The token route issued one. */
    ISSUED("issued"),
    /** The token route refused a request (origin, authentication, shutdown, failure). */
    REFUSED("refused"),
    /** A socket presented a valid token and redeemed it. */
    REDEEMED("redeemed"),
    /** A socket presented a token that was unknown, already used or expired. */
    INVALID("invalid");

    private final String label;

    TokenEvent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
