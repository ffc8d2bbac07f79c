package io.tokensockjs.it.app.token;

import io.tokensockjs.SocketController;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code rendezvous.meet}: a blocking function that waits for a second call with the same key. Two calls sent
 * one after the other on one socket meet only when the server runs them at the same time, which tells the
 * dispatch modes apart: on the reading thread ({@code caller}) the second call is read only after the first gave
 * up, on the managed executor ({@code executor}) both run at once.
 */
@SocketController("rendezvous")
public class RendezvousController {

    private static final long WAIT_MILLIS = 1500;
    private static final Map<String, CountDownLatch> MEETINGS = new ConcurrentHashMap<>();

    public String meet(String key) throws InterruptedException {
        CountDownLatch meeting = MEETINGS.computeIfAbsent(key, k -> new CountDownLatch(2));
        meeting.countDown();
        boolean met = meeting.await(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        return met ? "met" : "alone";
    }
}
