package io.tokensockjs.sockjs.websocket;

import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsHandler;
import io.tokensockjs.sockjs.session.RequestInfo;
import io.tokensockjs.sockjs.session.ServiceLog;
import io.tokensockjs.sockjs.session.SessionRegistry;
import io.tokensockjs.sockjs.session.SessionSettings;
import io.tokensockjs.sockjs.session.SockJsSession;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WebSocketReceiverTest {

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final FakeSocket fake = new FakeSocket();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void handlerClosingWhileTheOpenFrameIsInFlightGetsTheCloseFrameOutBeforeTheCloseCode() {
        SockJsSession session = session(new SockJsHandler() {
            @Override
            public void onOpen(SockJsConnection connection) {
                connection.close();
            }

            @Override
            public void onMessage(SockJsConnection connection, String message) {
            }
        });
        // A same-thread closer keeps the test deterministic; the server closes on its scheduler.
        session.attach(new WebSocketReceiver(session, fake.session(), false, Runnable::run));
        assertEquals(List.of("o"), fake.sent, "one asynchronous send at a time");
        assertNull(fake.closeReason);

        fake.completeSend();
        assertEquals(List.of("o", "c[3000,\"Go away!\"]"), fake.sent);
        assertNull(fake.closeReason, "the close frame is still in flight");

        fake.completeSend();
        assertEquals(3000, fake.closeReason.getCloseCode().getCode());
        assertEquals("Go away!", fake.closeReason.getReasonPhrase());
    }

    private SockJsSession session(SockJsHandler handler) {
        SessionSettings settings = new SessionSettings(handler, 25_000_000_000L, 5_000_000_000L, 1 << 20,
                System::nanoTime, new ServiceLog(false, null), scheduler);
        return new SessionRegistry("/close", settings, 10).createStandalone(new RequestInfo(
                "127.0.0.1", 1234, Map.of(), "/close/0/s/websocket", "websocket"));
    }

    /** A websocket whose asynchronous sends complete only when the test says so; one may be outstanding. */
    private static final class FakeSocket {
        final List<String> sent = new ArrayList<>();
        SendHandler outstanding;
        CloseReason closeReason;

        void completeSend() {
            SendHandler handler = outstanding;
            outstanding = null;
            handler.onResult(new SendResult());
        }

        Session session() {
            RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                        if (method.getName().equals("sendText") && args.length == 2) {
                            if (outstanding != null) {
                                throw new IllegalStateException("a send is already in flight");
                            }
                            sent.add((String) args[0]);
                            outstanding = (SendHandler) args[1];
                            return null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
            return (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "getAsyncRemote" -> async;
                        case "isOpen" -> closeReason == null;
                        case "close" -> {
                            closeReason = (CloseReason) args[0];
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
