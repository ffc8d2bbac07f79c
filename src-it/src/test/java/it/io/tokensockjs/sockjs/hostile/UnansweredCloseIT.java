package it.io.tokensockjs.sockjs.hostile;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A websocket client that never answers the server's close frame (nor sends anything else): the server must still end
 * the connection itself. On Payara the library's close starts with the close frame only and waits for the client's
 * answer ({@code TyrusCloseFrame}), so this is its fallback's test; Liberty waits for the answer in its own close.
 */
public class UnansweredCloseIT extends HostileTestBase {

    /** How long the test waits for the server to end the connection: a bound against a hang, not a measured time. */
    private static final Duration BOUND = Duration.ofSeconds(60);

    private record Frame(int opcode, byte[] payload) {
    }

    @Test
    @Order(1)
    void aClientThatNeverAnswersTheCloseFrameIsDisconnectedByTheServer() {
        List<Frame> frames;
        try (RawClient silent = RawClient.websocket("/close")) {
            frames = frames(silent.readToEnd(BOUND));
        }
        StringBuilder text = new StringBuilder();
        int i = 0;
        for (; i < frames.size() && frames.get(i).opcode() == 0x1; i++) {
            text.append(new String(frames.get(i).payload(), StandardCharsets.UTF_8));
        }
        assertEquals("oc[3000,\"Go away!\"]", text.toString(), "the open frame, then the SockJS close frame");
        assertTrue(i < frames.size(), "a websocket close frame after the SockJS frames: " + frames.size() + " frames");
        for (; i < frames.size(); i++) {
            assertEquals(0x8, frames.get(i).opcode(), "after the first close frame only close frames (frame " + i + ")");
        }
        Frame close = frames.stream().filter(frame -> frame.opcode() == 0x8).findFirst().orElseThrow();
        assertFalse(close.payload().length < 2, "the close frame carries a code");
        assertEquals(3000, ((close.payload()[0] & 0xff) << 8) | (close.payload()[1] & 0xff), "the session's close code");
        bystanders.assertEchoing("after a client that never answered a close frame");
    }

    /** The server's frames (unmasked), whole ones only: the stream ended where the server ended it. */
    private static List<Frame> frames(byte[] bytes) {
        List<Frame> frames = new ArrayList<>();
        int at = 0;
        while (at + 2 <= bytes.length) {
            int opcode = bytes[at] & 0x0f;
            int length = bytes[at + 1] & 0x7f;
            int header = 2;
            if (length == 126) {
                if (at + 4 > bytes.length) {
                    break;
                }
                length = ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
                header = 4;
            } else if (length == 127) {
                throw new AssertionError("an unexpectedly long frame from the server");
            }
            if (at + header + length > bytes.length) {
                break;
            }
            byte[] payload = new byte[length];
            System.arraycopy(bytes, at + header, payload, 0, length);
            frames.add(new Frame(opcode, payload));
            at += header + length;
        }
        return frames;
    }
}
