package io.tokensockjs.sockjs.frame;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FrameFormatTest {

    @Test
    void eventSourcePercentEncodesWhatDecodeUriWouldTakeApart() {
        // sockjs-client runs decodeURI over each event: "%" must arrive as "%25", or "100%" throws and "%41" becomes "A".
        assertEquals("data: a[\"100%25 %2541 %25%25\"]\r\n\r\n", FrameFormat.EVENT_SOURCE.format("a[\"100% %41 %%\"]"));
        assertEquals("data: x%0D%0Ay%00\r\n\r\n", FrameFormat.EVENT_SOURCE.format("x\r\ny\0"));
    }

    @Test
    void eventSourceLeavesEverythingElseAlone() {
        String frame = "a[\"plain \\u2028 \\\"quoted\\\" \\\\ + & ? # é \uD83D\uDE00\"]";
        assertEquals("data: " + frame + "\r\n\r\n", FrameFormat.EVENT_SOURCE.format(frame));
        assertEquals("data: o\r\n\r\n", FrameFormat.EVENT_SOURCE.format("o"));
    }

    @Test
    void otherTransportsKeepPercentSigns() {
        assertEquals("a[\"100%\"]\n", FrameFormat.NEWLINE.format("a[\"100%\"]"));
        assertEquals("/**/cb(\"a[\\\"100%\\\"]\");\r\n", FrameFormat.jsonp("cb").format("a[\"100%\"]"));
    }
}
