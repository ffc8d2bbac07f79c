package it.io.tokensockjs.sockjs.hostile;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The bystanders: one websocket and one xhr-streaming echo session on the service under attack, opened before
 * the abuse, checked during and after it, and closed at the end of the test class.
 */
final class WellBehavedClients implements AutoCloseable {

    /** How long a bystander waits for its echo before the test fails: generous, the machine is shared. */
    static final Duration ECHO_BOUND = Duration.ofSeconds(20);

    private final WsClient websocket;
    private final XhrStreamingClient xhrStreaming;
    private final AtomicInteger sequence = new AtomicInteger();
    private int checks;

    private WellBehavedClients(WsClient websocket, XhrStreamingClient xhrStreaming) {
        this.websocket = websocket;
        this.xhrStreaming = xhrStreaming;
    }

    static WellBehavedClients open(String service) {
        WsClient websocket = WsClient.openSession(service);
        try {
            return new WellBehavedClients(websocket, XhrStreamingClient.open(service));
        } catch (RuntimeException | AssertionError e) {
            websocket.close();
            throw e;
        }
    }

    /** Both sessions still echo: a message sent now comes back, alone and intact. */
    void assertEchoing(String moment) {
        checks++;
        String overWebsocket = "ws-" + moment.replace(' ', '_') + "-" + sequence.incrementAndGet();
        websocket.send(Frames.array(overWebsocket));
        String frame = websocket.nextFrame(ECHO_BOUND);
        assertEquals("a[\"" + overWebsocket + "\"]", frame, "the websocket bystander's echo " + moment);

        String overXhr = "xhr-" + moment.replace(' ', '_') + "-" + sequence.incrementAndGet();
        assertEquals(204, xhrStreaming.send(Frames.array(overXhr)), "the xhr-streaming bystander's send " + moment);
        String streamed = xhrStreaming.nextFrame(ECHO_BOUND);
        assertEquals(List.of(overXhr), streamed == null ? null : Frames.messages(streamed),
                "the xhr-streaming bystander's echo " + moment);
    }

    /** How many times the bystanders were checked. */
    int checks() {
        return checks;
    }

    @Override
    public void close() {
        websocket.close();
        xhrStreaming.close();
    }
}
