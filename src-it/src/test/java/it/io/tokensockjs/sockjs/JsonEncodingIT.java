package it.io.tokensockjs.sockjs;

import static it.io.tokensockjs.sockjs.SockJsAssert.jsonString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.io.tokensockjs.sockjs.Target.Service;

import org.junit.jupiter.api.Test;

/**
 * SockJS carries any string intact, although browsers and proxies mangle some characters on the way: the
 * server escapes a known set as {@code \\uXXXX}, and must decode the (larger) set clients escape.
 */
public class JsonEncodingIT {

    /**
     * What the server must escape, above U+00FF: zero-width and direction marks, line and paragraph separators,
     * invisible operators, and U+FFF0-U+FFFF. (Below U+0100 only the control characters, not sent here.)
     */
    private static final String SERVER_ESCAPES = "200c-200f 2028-202f 2060-206f fff0-ffff";

    /**
     * What sockjs-client escapes before sending: quote, backslash, control characters, and characters browsers
     * drop, normalise or reorder (soft hyphen, format characters, combining marks with canonical decompositions,
     * compatibility ideographs, ...). Code point ranges, inclusive.
     */
    private static final String CLIENT_ESCAPES = String.join(" ",
            "0000-001f 0022 005c 007f-009f 00ad",
            "0300-0333 033d-0346 034a-034c 0350-0352 0357-0358 035c-0362 0374 037e 0387",
            "0591-05af 05c4 0600-0604 0610-0617 0653-0654 0657-065b 065d-065e 06df-06e2 06eb-06ec 070f",
            "0730 0732-0733 0735-0736 073a 073d 073f-0741 0743 0745 0747 07eb-07f1",
            "0951 0958-095f 09dc-09dd 09df 0a33 0a36 0a59-0a5b 0a5e 0b5c-0b5d 0e38-0e39",
            "0f43 0f4d 0f52 0f57 0f5c 0f69 0f72-0f76 0f78 0f80-0f83 0f93 0f9d 0fa2 0fa7 0fac 0fb9",
            "17b4-17b5 1939-193a 1a17 1b6b 1cda-1cdb 1dc0-1dcf 1dfc 1dfe",
            "1f71 1f73 1f75 1f77 1f79 1f7b 1f7d 1fbb 1fbe 1fc9 1fcb 1fd3 1fdb 1fe3 1feb 1fee-1fef 1ff9 1ffb 1ffd",
            "2000-20ff 2126 212a-212b 2329-232a 2adc 302b-302c aab2-aab3",
            "f900-fa0d fa10 fa12 fa15-fa1e fa20 fa22 fa25-fa26 fa2a-fa2d fa30-fa6d fa70-fad9",
            "fb1d fb1f fb2a-fb36 fb38-fb3c fb3e fb40-fb41 fb43-fb44 fb46-fb4e feff fff0-ffff");

    /** Characters the server must escape, sent raw: they come back as lower-case {@code \\uXXXX} escapes. */
    @Test
    void xhrServerEncodes() {
        String session = Service.ECHO.newSession();
        HttpReply open = Http.post(session + "/xhr", "");
        assertEquals("o\n", open.body());
        assertEquals(200, open.status());

        String characters = characters(SERVER_ESCAPES);
        HttpReply send = Http.post(session + "/xhr_send", "[\"" + characters + "\"]");
        assertEquals(204, send.status());

        HttpReply poll = Http.post(session + "/xhr", "");
        assertEquals(200, poll.status());
        assertEquals('"' + escaped(characters) + '"', messageLiteral(poll.body()));
    }

    /** Characters clients escape, sent escaped: the server decodes them and they come back intact. */
    @Test
    void xhrServerDecodes() {
        String session = Service.ECHO.newSession();
        HttpReply open = Http.post(session + "/xhr", "");
        assertEquals("o\n", open.body());
        assertEquals(200, open.status());

        String characters = characters(CLIENT_ESCAPES);
        HttpReply send = Http.post(session + "/xhr_send", "[\"" + escaped(characters) + "\"]");
        assertEquals(204, send.status());

        HttpReply poll = Http.post(session + "/xhr", "");
        assertEquals(200, poll.status());
        assertEquals(characters, jsonString(messageLiteral(poll.body())));
    }

    /** The one JSON string literal inside {@code a[...]\n}. */
    private static String messageLiteral(String body) {
        assertTrue(body.startsWith("a[\"") && body.endsWith("\"]\n"), body);
        return body.substring(2, body.length() - 2);
    }

    /** Every character of a list of hex code point ranges, in order. */
    private static String characters(String ranges) {
        StringBuilder out = new StringBuilder();
        for (String range : ranges.split(" ")) {
            String[] ends = range.split("-");
            int first = Integer.parseInt(ends[0], 16);
            int last = Integer.parseInt(ends[ends.length - 1], 16);
            for (int c = first; c <= last; c++) {
                out.append((char) c);
            }
        }
        return out.toString();
    }

    private static String escaped(String characters) {
        StringBuilder out = new StringBuilder();
        for (char c : characters.toCharArray()) {
            out.append(String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
