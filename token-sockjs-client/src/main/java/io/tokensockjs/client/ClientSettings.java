package io.tokensockjs.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** What a client was built with; its {@link TokenSocketClient.Builder} may change afterwards without touching it. */
record ClientSettings(URI base, String tokenPath, String socketPrefix, Map<String, String> headers,
        Map<String, String> query, Map<String, ClientFunction> functions, Function<String, ClientFunction> lookup,
        List<ClientListener> listeners, HttpClient http, Duration timeout, int maxPendingCalls, Duration reconnectFirst,
        Duration reconnectMax, Duration ping, Executor executor, int maxMessageSize) {

    URI socketsUri() {
        return URI.create(base.toString().replaceFirst("^http", "ws") + socketPrefix);
    }

    /** The client function of that name: given to the builder, else found by its lookup; null when there is none. */
    ClientFunction function(String name) {
        ClientFunction function = functions.get(name);
        return function != null || lookup == null ? function : lookup.apply(name);
    }
}
