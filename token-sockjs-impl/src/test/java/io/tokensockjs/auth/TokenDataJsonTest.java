package io.tokensockjs.auth;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenDataJsonTest {

    @Test
    void roundTrip() {
        TokenData data = new TokenData("{\"user\":\"alice\",\"roles\":[\"a\",\"b\"],\"n\":1.5}", "example.com:8080",
                List.of("10.0.0.1", "127.0.0.1"), 1_700_000_000_123L);
        String json = TokenDataJson.write(data);
        assertEquals("{\"auth\":{\"user\":\"alice\",\"roles\":[\"a\",\"b\"],\"n\":1.5},\"host\":\"example.com:8080\","
                + "\"ips\":[\"10.0.0.1\",\"127.0.0.1\"],\"issuedAt\":1700000000123}", json);
        assertEquals(data, TokenDataJson.read(json, "test"));
    }

    @Test
    void nullAuthAndHost() {
        TokenData data = new TokenData(null, null, List.of("127.0.0.1"), 5);
        assertEquals(data, TokenDataJson.read(TokenDataJson.write(data), "test"));
    }

    @Test
    void somethingElseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> TokenDataJson.read("\"just a string\"", "test"));
        assertThrows(IllegalArgumentException.class, () -> TokenDataJson.read("{\"auth\":1}", "test"));
    }
}
