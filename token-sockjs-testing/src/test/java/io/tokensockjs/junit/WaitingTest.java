package io.tokensockjs.junit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class WaitingTest {

    @Test
    void takesTheFirstMatchInArrivalOrderAndLeavesTheRest() throws Exception {
        Waiting<String> waiting = new Waiting<>();
        waiting.add("news 1");
        waiting.add("sport 1");
        waiting.add("news 2");
        assertEquals("news 1", waiting.take(item -> item.startsWith("news"), Duration.ofSeconds(1)));
        assertEquals("news 2", waiting.take(item -> item.startsWith("news"), Duration.ofSeconds(1)));
        assertEquals(List.of("sport 1"), waiting.snapshot());
        assertNull(waiting.take(item -> item.startsWith("news"), Duration.ofMillis(50)), "none came in time");
    }

    @Test
    void waitsForAnItemAddedLater() throws Exception {
        Waiting<String> waiting = new Waiting<>();
        Thread later = new Thread(() -> waiting.add("late"));
        later.start();
        assertEquals("late", waiting.take(item -> true, Duration.ofSeconds(10)));
        later.join();
    }
}
