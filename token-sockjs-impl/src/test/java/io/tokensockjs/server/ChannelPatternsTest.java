package io.tokensockjs.server;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChannelPatternsTest {

    @Test
    void starMatchesAnyTextAndEverythingElseItself() {
        ChannelPatterns patterns = new ChannelPatterns(List.of("room-*", "lobby", "*.presence", "a*b*c"));
        assertTrue(patterns.matches("room-1"));
        assertTrue(patterns.matches("room-"));
        assertTrue(patterns.matches("lobby"));
        assertTrue(patterns.matches("x.y.presence"));
        assertTrue(patterns.matches("abc"));
        assertTrue(patterns.matches("a-b-\nc"));
        assertFalse(patterns.matches("lobby2"));
        assertFalse(patterns.matches("xroom-1"));
        assertFalse(patterns.matches("xpresence"), "the dot is a dot, not any character");
        assertFalse(patterns.matches("ac"));
    }

    @Test
    void regexCharactersInNamesAreLiteral() {
        ChannelPatterns patterns = new ChannelPatterns(List.of("[a]+(b)?\\Q"));
        assertTrue(patterns.matches("[a]+(b)?\\Q"));
        assertFalse(patterns.matches("aab"));
    }

    @Test
    void noPatternMatchesNothing() {
        ChannelPatterns none = new ChannelPatterns(List.of());
        assertTrue(none.isEmpty());
        assertFalse(none.matches("anything"));
    }
}
