package io.tokensockjs.sockjs.frame;

/**
 * Writes strings as JSON the way SockJS clients need them.
 *
 * <p>Besides what JSON requires, SockJS escapes the characters that browsers or proxies mangle on the way
 * (the set sockjs-node escapes): U+200C-200F, U+2028-202F, U+2060-206F, U+FFF0-FFFF and lone surrogates.
 * Everything else is written as itself and leaves as UTF-8. Escapes use lower-case hex, as the clients and
 * the conformance suite expect.
 */
public final class JsonStrings {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** The ASCII characters written as themselves: printable, neither quote nor backslash. */
    private static final boolean[] PLAIN_ASCII = plainAscii("");
    /** The same inside HTML: without {@code <}, {@code >} and {@code &}. */
    private static final boolean[] PLAIN_ASCII_HTML = plainAscii("<>&");

    private static boolean[] plainAscii(String alsoEscaped) {
        boolean[] plain = new boolean[0x80];
        for (char c = 0x20; c < 0x80; c++) {
            plain[c] = c != '"' && c != '\\' && alsoEscaped.indexOf(c) < 0;
        }
        return plain;
    }

    private JsonStrings() {
    }

    /** The string as a quoted JSON string literal with the SockJS escapes. */
    public static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        appendQuoted(out, value, false);
        return out.toString();
    }

    /**
     * Appends the string as a quoted JSON string literal.
     *
     * @param htmlSafe also escape {@code <}, {@code >} and {@code &}, for literals placed inside an HTML
     *                 {@code <script>} element, so that a message containing {@code </script>} cannot end it
     */
    public static void appendQuoted(StringBuilder out, String value, boolean htmlSafe) {
        out.append('"');
        int length = value.length();
        int plainFrom = 0;
        boolean[] plain = htmlSafe ? PLAIN_ASCII_HTML : PLAIN_ASCII;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x80 && plain[c]) {
                // Most characters of most messages: decided by one look-up.
                continue;
            }
            // The escape's second character for the two-character escapes, 'u' for the others, 0 for none.
            char escape;
            switch (c) {
                case '"' -> escape = '"';
                case '\\' -> escape = '\\';
                case '\n' -> escape = 'n';
                case '\r' -> escape = 'r';
                case '\t' -> escape = 't';
                case '\b' -> escape = 'b';
                case '\f' -> escape = 'f';
                default -> {
                    boolean escaped;
                    if (Character.isSurrogate(c)) {
                        boolean paired = Character.isHighSurrogate(c)
                                ? i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))
                                : i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
                        escaped = !paired;
                    } else {
                        escaped = mustEscape(c) || (htmlSafe && (c == '<' || c == '>' || c == '&'));
                    }
                    escape = escaped ? 'u' : 0;
                }
            }
            if (escape != 0) {
                out.append(value, plainFrom, i);
                // Characters, not a string per escape: an answer inside a frame has a quote escaped every few
                // characters, and appending a string costs more than its two characters.
                out.append('\\');
                if (escape == 'u') {
                    out.append('u').append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                            .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                } else {
                    out.append(escape);
                }
                plainFrom = i + 1;
            }
        }
        out.append(value, plainFrom, length);
        out.append('"');
    }

    /** Characters that are escaped as {@code \\uXXXX} wherever they appear (surrogates are decided by pairing). */
    static boolean mustEscape(char c) {
        return c < 0x20
                || (c >= '\u200c' && c <= '\u200f')
                || (c >= '\u2028' && c <= '\u202f')
                || (c >= '\u2060' && c <= '\u206f')
                || c >= '\ufff0';
    }
}
