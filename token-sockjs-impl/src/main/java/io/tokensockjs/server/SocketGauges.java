package io.tokensockjs.server;

import io.tokensockjs.metrics.TokenSocketMetrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gauges of the sockets, read when the scrape is written (one pass over the open sockets) rather than kept up to
 * date on every open and close.
 */
final class SocketGauges {

    private static final List<String> SERVICE = List.of(TokenSocketMetrics.TOKEN_SERVICE);

    private SocketGauges() {
    }

    static void register(TokenSocketMetrics metrics, SocketRegistry sockets) {
        metrics.gauge("tokensockjs_sockets_open", "Open token sockets, by service and transport",
                List.of("service", "transport"), () -> {
                    Map<List<String>, Long> open = new HashMap<>();
                    for (SocketImpl socket : sockets.connectedSockets()) {
                        open.merge(List.of(TokenSocketMetrics.TOKEN_SERVICE, String.valueOf(socket.connection().protocol())), 1L, Long::sum);
                    }
                    return open;
                });
        metrics.gauge("tokensockjs_sockets_authenticated", "Open token sockets that have authenticated",
                List.of("service"), () -> Map.of(SERVICE, (long) sockets.authenticatedSockets().size()));
        metrics.gauge("tokensockjs_queued_bytes", "Characters of frames queued for clients and not yet written",
                List.of("service"), () -> {
                    long queued = 0;
                    for (SocketImpl socket : sockets.connectedSockets()) {
                        queued += socket.connection().queuedChars();
                    }
                    return Map.of(SERVICE, queued);
                });
    }
}
