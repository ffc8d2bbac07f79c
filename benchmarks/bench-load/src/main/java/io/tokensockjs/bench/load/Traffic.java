package io.tokensockjs.bench.load;

import java.util.Locale;

/**
 * How the load generator writes its websocket frames ({@code --traffic}). The difference decides what the
 * server pays per message: with {@link #BROWSER} every server read holds one frame, with {@link #BATCHING} a
 * read may hold several, and a server whose cost is per read looks faster than browsers will find it.
 */
enum Traffic {
    /**
     * As a browser's {@code WebSocket.send()}: each frame is written with its own system call as soon as the
     * client has it (TCP_NODELAY), never gathered with others. The default.
     */
    BROWSER,
    /**
     * The frames that answers arriving in one read cause are sent together in one gathering write, so the
     * server reads several frames at once. Kept to compare with earlier results.
     */
    BATCHING;

    /** The {@code --traffic} option: {@code browser} (the default) or {@code batching}. */
    static Traffic of(Args args) {
        String name = args.text("traffic", "browser");
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--traffic is browser or batching, not " + name, e);
        }
    }

    /** As the RESULT line and the option spell it. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
