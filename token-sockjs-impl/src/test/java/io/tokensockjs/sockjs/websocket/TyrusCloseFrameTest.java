package io.tokensockjs.sockjs.websocket;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TyrusCloseFrameTest {

    @Test
    void aCloseFrameAsAServerSendsIt() {
        ByteBuffer frame = TyrusCloseFrame.frame(4001, "Authentication refused");
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        assertEquals((byte) 0x88, bytes[0], "FIN and the close opcode");
        assertEquals(2 + 22, bytes[1], "unmasked, the code and the reason's length");
        assertEquals(4001, ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff));
        assertEquals("Authentication refused", new String(bytes, 4, bytes.length - 4, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void theLongestReasonFitsInAControlFrame() {
        ByteBuffer frame = TyrusCloseFrame.frame(1000, "é".repeat(61) + "x");
        assertEquals(4 + 123, frame.remaining());
        assertEquals(125, frame.get(1), "a control frame's payload is 125 bytes at most");
        assertThrows(IllegalArgumentException.class, () -> TyrusCloseFrame.frame(1000, "é".repeat(62)));
    }

    @Test
    void anEmptyReason() {
        ByteBuffer frame = TyrusCloseFrame.frame(1000, "");
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        assertArrayEquals(new byte[] {(byte) 0x88, 2, 0x03, (byte) 0xe8}, bytes);
    }
}
