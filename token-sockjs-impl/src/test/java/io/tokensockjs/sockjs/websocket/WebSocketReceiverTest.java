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

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.logging.Level;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void sendsRunWithTheSendLoaderAndLeaveTheCallersInPlace() {
        ClassLoader caller = new URLClassLoader(new URL[0], null);
        ClassLoader sendLoader = new URLClassLoader(new URL[0], null);
        fake.completeInline = true;
        SockJsSession session = session(new SockJsHandler() {
            @Override
            public void onOpen(SockJsConnection connection) {
                connection.write("hello");
            }

            @Override
            public void onMessage(SockJsConnection connection, String message) {
            }
        });
        withContextLoader(caller, () -> {
            session.attach(new WebSocketReceiver(session, fake.session(), false, Runnable::run, sendLoader, null, null));
            assertSame(caller, Thread.currentThread().getContextClassLoader());
        });
        assertEquals(List.of("o", "a[\"hello\"]"), fake.sent);
        assertEquals(List.of(sendLoader, sendLoader), fake.sendLoaders);
    }

    @Test
    void whatASendCompletedInsideItselfStartsRunsWithTheCallersLoader() {
        ClassLoader caller = new URLClassLoader(new URL[0], null);
        ClassLoader sendLoader = new URLClassLoader(new URL[0], null);
        fake.completeInline = true;
        fake.failSends = true;
        List<ClassLoader> closerLoaders = new ArrayList<>();
        SockJsSession session = session(new SockJsHandler() {
            @Override
            public void onMessage(SockJsConnection connection, String message) {
            }
        });
        withContextLoader(caller, () -> session.attach(new WebSocketReceiver(session, fake.session(), false,
                task -> {
                    closerLoaders.add(Thread.currentThread().getContextClassLoader());
                    task.run();
                }, sendLoader, null, null)));
        assertEquals(List.of(sendLoader), fake.sendLoaders);
        assertEquals(List.of(caller), closerLoaders, "the failed send's close is handed on with the caller's loader");
    }

    @Test
    void sendsOffTheReadingThreadGoThroughTheSenderAndWhatQueuesMeanwhileLeavesAsOneFrame() {
        // As on Tyrus: each send is written and completed inside sendText, on the thread that makes it.
        fake.completeInline = true;
        List<Runnable> handedOver = new ArrayList<>();
        SockJsConnection[] connection = new SockJsConnection[1];
        SockJsSession session = session(new SockJsHandler() {
            @Override
            public void onOpen(SockJsConnection opened) {
                connection[0] = opened;
            }

            @Override
            public void onMessage(SockJsConnection from, String message) {
            }
        });
        WebSocketReceiver receiver = new WebSocketReceiver(session, fake.session(), false, Runnable::run, null,
                handedOver::add, null);
        session.attach(receiver);
        assertEquals(List.of(), fake.sent, "the open frame waits for the sender");
        assertEquals(1, handedOver.size());

        connection[0].write("one");
        connection[0].write("two");
        assertEquals(1, handedOver.size(), "one send in flight: the messages wait in the session");
        handedOver.remove(0).run();
        assertEquals(List.of("o"), fake.sent);
        assertEquals(1, handedOver.size(), "the completion handed the queued messages over");
        handedOver.remove(0).run();
        assertEquals(List.of("o", "a[\"one\",\"two\"]"), fake.sent, "both messages in one frame");

        receiver.reading(true);
        try {
            connection[0].write("answer");
        } finally {
            receiver.reading(false);
        }
        assertEquals(List.of("o", "a[\"one\",\"two\"]", "a[\"answer\"]"), fake.sent,
                "a send from inside the message handler is written at once");
        assertEquals(List.of(), handedOver);
    }

    @Test
    void aSendTheSenderCannotWriteClosesTheSession() {
        fake.completeInline = true;
        List<Runnable> handedOver = new ArrayList<>();
        SockJsSession session = session(new SockJsHandler() {
            @Override
            public void onMessage(SockJsConnection from, String message) {
            }
        });
        session.attach(new WebSocketReceiver(session, fake.session(), false, Runnable::run, null, handedOver::add, null));
        fake.throwOnSend = true;
        handedOver.remove(0).run();
        assertEquals(1002, fake.closeReason.getCloseCode().getCode(), "closed as interrupted");
        assertEquals(io.tokensockjs.sockjs.ReadyState.CLOSED, session.readyState());
    }

    @Test
    void onlyTyrusSessionsSendWithAnotherLoader() {
        assertTrue(SendLoader.isTyrus("org.glassfish.tyrus.core.TyrusSession"));
        assertFalse(SendLoader.isTyrus("com.ibm.ws.wsoc.SessionImpl"));
        assertNull(SendLoader.forContainerOf(fake.session()));
    }

    private static void withContextLoader(ClassLoader loader, Runnable work) {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(before);
        }
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
        final List<ClassLoader> sendLoaders = new ArrayList<>();
        /** Completes each send inside sendText, as a container does when the bytes went out at once. */
        boolean completeInline;
        boolean failSends;
        /** sendText throws, as on a socket the container closed. */
        boolean throwOnSend;
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
                            if (throwOnSend) {
                                throw new IllegalStateException("closed");
                            }
                            if (outstanding != null) {
                                throw new IllegalStateException("a send is already in flight");
                            }
                            sent.add((String) args[0]);
                            sendLoaders.add(Thread.currentThread().getContextClassLoader());
                            outstanding = (SendHandler) args[1];
                            if (completeInline) {
                                SendHandler handler = outstanding;
                                outstanding = null;
                                handler.onResult(failSends ? new SendResult(new IOException("reset")) : new SendResult());
                            }
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
