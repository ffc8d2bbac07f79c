package io.tokensockjs.sockjs.websocket;

import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsHandler;
import io.tokensockjs.sockjs.session.RequestInfo;
import io.tokensockjs.sockjs.session.ServiceLog;
import io.tokensockjs.sockjs.session.SessionRegistry;
import io.tokensockjs.sockjs.session.SessionSettings;
import io.tokensockjs.sockjs.session.SockJsSession;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebSocketReceiverStressTest {

    /** With a sender (Tyrus's case), sends made off the reading thread are written on the sender's threads. */
    @ParameterizedTest(name = "sender threads: {0}")
    @ValueSource(booleans = {false, true})
    void everyWriteGoesOutWhateverThreadCompletesTheSends(boolean withSender) throws Exception {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
        ExecutorService container = Executors.newFixedThreadPool(2);
        ExecutorService sender = withSender ? Executors.newFixedThreadPool(2) : null;
        List<String> sent = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean inFlight = new AtomicBoolean();
        AtomicBoolean overlap = new AtomicBoolean();
        RemoteEndpoint.Async async = (RemoteEndpoint.Async) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText")) {
                        if (!inFlight.compareAndSet(false, true)) {
                            overlap.set(true);
                        }
                        sent.add((String) args[0]);
                        SendHandler handler = (SendHandler) args[1];
                        Runnable complete = () -> {
                            inFlight.set(false);
                            handler.onResult(new SendResult());
                        };
                        if (ThreadLocalRandom.current().nextInt(3) == 0) {
                            complete.run();
                        } else {
                            container.execute(complete);
                        }
                        return null;
                    }
                    return null;
                });
        Session socket = (Session) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getAsyncRemote" -> async;
                    case "isOpen" -> true;
                    default -> null;
                });
        SessionSettings settings = new SessionSettings(new SockJsHandler() {
            @Override
            public void onMessage(SockJsConnection connection, String message) {
            }
        }, 25_000_000_000L, 5_000_000_000L, 1 << 30, System::nanoTime, new ServiceLog(false, null), scheduler);
        SockJsSession session = new SessionRegistry("/s", settings, 10).createStandalone(new RequestInfo(
                "127.0.0.1", 1234, Map.of(), "/s/websocket", "websocket"));
        session.attach(new WebSocketReceiver(session, socket, true, Runnable::run, null, sender, null));
        int writers = 3;
        int each = 20_000;
        CountDownLatch done = new CountDownLatch(writers);
        for (int w = 0; w < writers; w++) {
            int writer = w;
            new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    session.write("w" + writer + "-" + i);
                }
                done.countDown();
            }).start();
        }
        done.await();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sent.size() < writers * each && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        container.shutdown();
        scheduler.shutdownNow();
        if (sender != null) {
            sender.shutdown();
        }
        assertEquals(false, overlap.get(), "two sends in flight at once");
        assertEquals(writers * each, sent.size(), "queued: " + session.queuedChars());
    }
}
