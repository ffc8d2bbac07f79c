package io.tokensockjs.sockjs.frame;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonStringsTest {

    @Test
    void plainTextIsQuotedAsItIs() {
        assertEquals("\"hello, wörld ✓\"", JsonStrings.quote("hello, wörld ✓"));
    }

    @Test
    void jsonSpecialsUseShortEscapes() {
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\bg\\fh\"", JsonStrings.quote("a\"b\\c\nd\re\tf\bg\fh"));
    }

    @Test
    void controlCharactersUseLowerCaseUnicodeEscapes() {
        assertEquals("\"\\u0000\\u001f\\u000b\"", JsonStrings.quote("\u0000\u001f\u000b"));
    }

    @Test
    void escapesExactlyTheSetBrowsersMangle() {
        for (int c = 0; c <= 0xffff; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            boolean expected = c < 0x20
                    || (c >= 0x200c && c <= 0x200f)
                    || (c >= 0x2028 && c <= 0x202f)
                    || (c >= 0x2060 && c <= 0x206f)
                    || c >= 0xfff0;
            int code = c;
            assertEquals(expected, JsonStrings.mustEscape((char) c), () -> "U+" + Integer.toHexString(code));
        }
    }

    @Test
    void serverEscapableRangeComesOutEscapedLikeTheConformanceSuiteExpects() {
        StringBuilder raw = new StringBuilder();
        StringBuilder escaped = new StringBuilder("\"");
        for (int c = 255; c <= 0xffff; c++) {
            if ((c >= 0x200c && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) || (c >= 0x2060 && c <= 0x206f) || c >= 0xfff0) {
                raw.append((char) c);
                escaped.append(String.format("\\u%04x", c));
            }
        }
        assertEquals(escaped.append('"').toString(), JsonStrings.quote(raw.toString()));
    }

    @Test
    void pairedSurrogatesPassLoneOnesAreEscaped() {
        String emoji = "\ud83d\ude00";
        assertEquals("\"" + emoji + "\"", JsonStrings.quote(emoji));
        assertEquals("\"\\ud83dx\"", JsonStrings.quote("\ud83dx"));
        assertEquals("\"x\\ude00\"", JsonStrings.quote("x\ude00"));
        assertEquals("\"\\ude00\\ud83d\"", JsonStrings.quote("\ude00\ud83d"));
    }

    @Test
    void htmlSafeModeKeepsScriptElementsClosed() {
        StringBuilder out = new StringBuilder();
        JsonStrings.appendQuoted(out, "</script><b>&", true);
        assertEquals("\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"", out.toString());
        assertFalse(out.toString().contains("<"));
        assertTrue(JsonStrings.quote("</script>").contains("</script>"));
    }
}
