package io.tokensockjs.sockjs.websocket;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FragmentedTextTest {

    @Test
    void aMessageInOnePartComesBackAsItIs() {
        FragmentedText text = new FragmentedText(10);
        String message = "[\"abc\"]";
        assertSame(message, text.add(message, true));
        assertFalse(text.tooBig());
    }

    @Test
    void partsAreJoinedAndTheNextMessageStartsAfresh() {
        FragmentedText text = new FragmentedText(10);
        assertNull(text.add("[\"ab", false));
        assertNull(text.add("cd", false));
        assertEquals("[\"abcde\"]", text.add("e\"]", true));
        // The limit applies to each message, not to the connection.
        assertEquals("0123456789", text.add("0123456789", true));
        assertFalse(text.tooBig());
    }

    @Test
    void aFragmentedMessageOverTheLimitIsRefusedBeforeItIsWhole() {
        FragmentedText text = new FragmentedText(10);
        assertNull(text.add("01234", false));
        assertNull(text.add("56789", false));
        assertFalse(text.tooBig());
        assertNull(text.add("a", false));
        assertTrue(text.tooBig());
        // Everything after is dropped: the connection is being closed.
        assertNull(text.add("b", true));
        assertNull(text.add("c", true));
        assertTrue(text.tooBig());
    }

    @Test
    void aSinglePartOverTheLimitIsRefused() {
        FragmentedText text = new FragmentedText(10);
        assertNull(text.add("01234567890", true));
        assertTrue(text.tooBig());
    }

    @Test
    void sizesAreCountedInUtf8Bytes() {
        assertEquals(1, FragmentedText.utf8Length("a"));
        assertEquals(2, FragmentedText.utf8Length("\u00e9"));
        assertEquals(3, FragmentedText.utf8Length("\u20ac"));
        assertEquals(4, FragmentedText.utf8Length("\ud83d\ude00"));
        assertEquals(3, FragmentedText.utf8Length("\ud83d"));
        FragmentedText text = new FragmentedText(6);
        assertEquals("\u20ac\u20ac", text.add("\u20ac\u20ac", true));
        assertNull(text.add("\u20ac\u20ac\u20ac", true));
        assertTrue(text.tooBig());
    }

    @Test
    void aSinglePartIsMeasuredInBytesWhenItsLengthAloneCannotTell() {
        // Four characters of up to 3 bytes each may be 12 bytes: over a 10-byte limit, they are counted.
        FragmentedText text = new FragmentedText(10);
        assertEquals("abcdefghij", text.add("abcdefghij", true));
        assertNull(text.add("\u20ac\u20ac\u20ac\u20ac", true));
        assertTrue(text.tooBig());
        // Three cannot be over 9 bytes, whatever they are.
        FragmentedText fits = new FragmentedText(9);
        assertEquals("\u20ac\u20ac\u20ac", fits.add("\u20ac\u20ac\u20ac", true));
        assertEquals("\ud83d\ude00\u20ac", fits.add("\ud83d\ude00\u20ac", true));
    }
}
