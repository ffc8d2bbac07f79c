package io.tokensockjs.history;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryRulesTest {

    @Test
    void parsesPatternsWithSizeAndTtl() {
        HistoryRules rules = HistoryRules.parse("key", " chat.* size=500 ttl=10m, news ,  a*b ttl=30s");
        assertEquals(Optional.of(new HistoryRule("chat.*", 500, Duration.ofMinutes(10))), rules.forChannel("chat.lobby"));
        assertEquals(Optional.of(new HistoryRule("news", HistoryRules.DEFAULT_SIZE, null)), rules.forChannel("news"));
        assertEquals(Optional.empty(), rules.forChannel("newsroom"));
        assertEquals(Optional.of(new HistoryRule("a*b", 100, Duration.ofSeconds(30))), rules.forChannel("a.(x)+b"));
        assertEquals(Optional.empty(), rules.forChannel("chat"), "the dot is literal");
        assertTrue(HistoryRules.parse("key", " ").isEmpty());
    }

    @Test
    void refusesWhatDoesNotParseNamingTheKeyAndEntry() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HistoryRules.parse("the.key", "a size=x"));
        assertTrue(e.getMessage().contains("the.key") && e.getMessage().contains("a size=x"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HistoryRules.parse("k", "a size=0"));
        assertThrows(IllegalArgumentException.class, () -> HistoryRules.parse("k", "a colour=red"));
        assertThrows(IllegalArgumentException.class, () -> HistoryRules.parse("k", "a ttl=soon"));
    }

    @Test
    void envelopesRoundTripAndAnythingElseIsNone() {
        String text = Envelope.encode("e1", 42, "{\"a\":\"# 1 2\"}");
        assertEquals(new Envelope("e1", 42, "{\"a\":\"# 1 2\"}"), Envelope.decode(text));
        assertNull(Envelope.decode("{\"a\":1}"));
        assertNull(Envelope.decode("#"));
        assertNull(Envelope.decode("#e1 x {}"));
        assertNull(Envelope.decode("#e1 0 {}"));
        assertNull(Envelope.decode("# 1 {}"));
        assertNull(Envelope.decode("#e1 99999999999999999999 {}"));
    }
}
