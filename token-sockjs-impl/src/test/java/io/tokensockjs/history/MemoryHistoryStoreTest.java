package io.tokensockjs.history;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryHistoryStoreTest {

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final List<String> published = new ArrayList<>();
    private final MemoryHistoryStore store = new MemoryHistoryStore((channel, payload) -> published.add(channel + " " + payload),
            Duration.ofMinutes(10), clock::get);

    @Test
    void publishesEnvelopesInOffsetOrderAndReadsThemBack() {
        HistoryRule rule = new HistoryRule("room", 100, null);
        for (int i = 1; i <= 3; i++) {
            store.publish("room", rule, "{\"i\":" + i + "}");
        }
        String epoch = Envelope.decode(published.get(0).substring(5)).epoch();
        assertEquals(List.of("room #" + epoch + " 1 {\"i\":1}", "room #" + epoch + " 2 {\"i\":2}", "room #" + epoch + " 3 {\"i\":3}"),
                published);
        HistoryPage page = store.read("room", rule, 1, 10);
        assertEquals(epoch, page.epoch());
        assertEquals(3, page.top());
        assertEquals(List.of(new HistoryEntry(2, "{\"i\":2}"), new HistoryEntry(3, "{\"i\":3}")), page.entries());
        assertEquals(List.of(new HistoryEntry(3, "{\"i\":3}")), store.read("room", rule, -1, 1).entries());
    }

    @Test
    void keepsAtMostTheSize() {
        HistoryRule rule = new HistoryRule("bounded", 10, null);
        for (int i = 1; i <= 10_000; i++) {
            store.publish("bounded", rule, "{}");
        }
        assertEquals(10, store.kept("bounded"));
        assertTrue(store.read("bounded", rule, 0, 5).lost());
        assertFalse(store.read("bounded", rule, 9990, 5).lost());
        assertEquals(9991, store.read("bounded", rule, 9990, 5).entries().get(0).offset());
    }

    @Test
    void dropsWhatIsOlderThanTheTtl() {
        HistoryRule rule = new HistoryRule("timed", 100, Duration.ofSeconds(5));
        store.publish("timed", rule, "{\"old\":true}");
        clock.addAndGet(6_000);
        store.publish("timed", rule, "{\"new\":true}");
        assertEquals(1, store.kept("timed"));
        assertTrue(store.read("timed", rule, 0, 10).lost());
        clock.addAndGet(6_000);
        assertEquals(List.of(), store.read("timed", rule, 0, 10).entries());
    }

    @Test
    void forgetsSilentChannelsAndTheirEpochs() {
        HistoryRule rule = new HistoryRule("quiet", 100, null);
        store.publish("quiet", rule, "{}");
        String epoch = store.read("quiet", rule, -1, 0).epoch();
        clock.addAndGet(Duration.ofMinutes(11).toMillis());
        store.sweep();
        assertEquals(0, store.channels());
        HistoryPage after = store.read("quiet", rule, 1, 10);
        assertNotEquals(epoch, after.epoch());
        assertEquals(0, after.top());
    }
}
