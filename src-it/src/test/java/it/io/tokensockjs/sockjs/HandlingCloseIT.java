package it.io.tokensockjs.sockjs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.tokensockjs.sockjs.Target.Service;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * How sessions end: a closed session lets its request go and answers the close frame to the next; a second
 * receiver is turned away with 2010; a client that aborts its request interrupts the session.
 */
public class HandlingCloseIT {

    private static final String PRELUDE = XhrStreamingIT.PRELUDE;
    private static final String ANOTHER_CONNECTION = "c[2010,\"Another connection still open\"]\n";
    private static final String GO_AWAY = "c[3000,\"Go away!\"]\n";
    /** After an abort, a server may have forgotten the session or remember it as interrupted. */
    private static final List<String> AFTER_ABORT = List.of("o\n", "c[1002,\"Connection interrupted\"]\n");

    /** Closing a session unlinks its request: the next request gets the application's close frame, not 2010. */
    @Test
    void closeFrame() {
        String session = Service.CLOSE.newSession();
        try (HttpStream first = Http.open("POST", session + "/xhr_streaming")) {
            assertEquals(PRELUDE, first.nextChunk());
            assertEquals("o\n", first.nextChunk());
            assertEquals(GO_AWAY, first.nextChunk());

            try (HttpStream second = Http.open("POST", session + "/xhr_streaming")) {
                assertEquals(PRELUDE, second.nextChunk());
                assertEquals(GO_AWAY, second.nextChunk());

                // Streaming requests end after the close frame.
                assertEquals("", first.nextChunk());
                assertEquals("", second.nextChunk());
            }
        }
    }

    /** A second receiving request gets 2010 and ends; the first one is left alone. */
    @Test
    void closeRequest() {
        String session = Service.ECHO.newSession();
        try (HttpStream first = Http.open("POST", session + "/xhr_streaming")) {
            assertEquals(PRELUDE, first.nextChunk());
            assertEquals("o\n", first.nextChunk());

            try (HttpStream second = Http.open("POST", session + "/xhr_streaming")) {
                assertEquals(PRELUDE, second.nextChunk());
                assertEquals(ANOTHER_CONNECTION, second.nextChunk());
                assertEquals("", second.nextChunk());
            }
        }
    }

    /**
     * A streaming request closed by the network, not the server: the session may have lost messages, so the
     * next request finds it gone or interrupted.
     */
    @Test
    void abortXhrStreaming() throws Exception {
        String session = Service.ECHO.newSession();
        HttpStream first = Http.open("POST", session + "/xhr_streaming");
        try {
            assertEquals(PRELUDE, first.nextChunk());
            assertEquals("o\n", first.nextChunk());

            try (HttpStream second = Http.open("POST", session + "/xhr_streaming")) {
                assertEquals(PRELUDE, second.nextChunk());
                assertEquals(ANOTHER_CONNECTION, second.nextChunk());
                assertEquals("", second.nextChunk());
            }
        } finally {
            first.close();
        }
        Thread.sleep(250);

        try (HttpStream third = Http.open("POST", session + "/xhr_streaming")) {
            assertEquals(PRELUDE, third.nextChunk());
            String frame = third.nextChunk();
            assertTrue(AFTER_ABORT.contains(frame), frame);
        }
    }

    /** The same for a poll aborted while it waits. */
    @Test
    void abortXhrPolling() throws Exception {
        String session = Service.ECHO.newSession();
        assertEquals("o\n", Http.post(session + "/xhr", "").body());

        RawHttpConnection waiting = Http.sendOnly("POST", session + "/xhr");
        try {
            Thread.sleep(250);
            assertEquals(ANOTHER_CONNECTION, Http.post(session + "/xhr", "").body());
        } finally {
            waiting.close();
        }
        Thread.sleep(250);

        String frame = Http.post(session + "/xhr", "").body();
        assertTrue(AFTER_ABORT.contains(frame), frame);
    }
}
