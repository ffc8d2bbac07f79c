package io.tokensockjs.protocol;

import io.tokensockjs.json.Jsonp;

import jakarta.json.JsonValue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The top-level fields of one client message, read by a strict scanner of its own instead of a JSON-P reader per
 * message (a reader, its tokenizer and the object tree were an eighth of the server's CPU per call on Liberty).
 *
 * <p>The whole text is checked as JSON-P (Parsson) checks it, so that the same messages are refused: RFC 8259
 * syntax, nesting deeper than {@value #MAX_DEPTH} refused, numbers whose exponent no {@code BigDecimal} holds
 * refused, and, as Parsson's {@code readValue} does, whatever follows the top-level value left unread.
 * {@code MessageFieldsTest} holds both to the same answer on valid and hostile input. Field values stay text:
 * a string is decoded once (and becomes a {@link ScannedString} when asked for as a JSON-P value: equal to JSON-P's,
 * written back as the client's literal), anything else becomes a JSON-P value only when asked for, by JSON-P from its
 * own text, so the values the rest of the server sees are the ones it saw before. A duplicate key's last value
 * counts, as in JSON-P's objects.
 *
 * <p>Lazy values are computed at most once per thread that asks; a race computes equal immutable values.
 */
public final class MessageFields {

    /** The nesting Parsson refuses (its default {@code org.eclipse.parsson.maxDepth}): 999 levels pass. */
    static final int MAX_DEPTH = 1000;

    private static final int INITIAL_FIELDS = 4;

    /** The field names of the protocol: taken as these constants rather than copied out of every message. */
    private static final String[] KNOWN_NAMES = {"rpc", "uuid", "req", "token", "fid", "resp"};

    private final String text;
    private String[] names = new String[INITIAL_FIELDS];
    /** Where each value's text starts and ends in {@link #text}. */
    private int[] bounds = new int[INITIAL_FIELDS * 2];
    /** A string value decoded, null for the other kinds. */
    private String[] strings = new String[INITIAL_FIELDS];
    private JsonValue[] values = new JsonValue[INITIAL_FIELDS];
    private int count;

    private MessageFields(String text) {
        this.text = text;
    }

    /** The fields of a message that is a JSON object; null for anything else, malformed or not. */
    public static MessageFields parse(String text) {
        MessageFields fields = new MessageFields(text);
        try {
            return fields.scanObject() ? fields : null;
        } catch (Malformed e) {
            return null;
        }
    }

    /** The field's value as a JSON-P value, null when absent; for a duplicate key, the last. */
    public JsonValue get(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return null;
        }
        JsonValue value = values[i];
        if (value == null) {
            value = strings[i] != null
                    ? scannedString(i)
                    : Jsonp.parse(text.substring(bounds[2 * i], bounds[2 * i + 1]));
            values[i] = value;
        }
        return value;
    }

    /**
     * A string value, with its literal when it has no escape: every escape is two characters or more for one, so the
     * decoded string is as long as the literal's inside exactly when there is none.
     */
    private ScannedString scannedString(int i) {
        int start = bounds[2 * i];
        int end = bounds[2 * i + 1];
        String value = strings[i];
        return new ScannedString(value, value.length() == end - start - 2 ? text.substring(start, end) : null);
    }

    /** The field's value when it is a string, else null. */
    public String string(String name) {
        int i = indexOf(name);
        return i < 0 ? null : strings[i];
    }

    /** Whether the field is present with a string or a number value: the kinds a request id may have. */
    boolean isStringOrNumber(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return false;
        }
        char first = text.charAt(bounds[2 * i]);
        return strings[i] != null || first == '-' || (first >= '0' && first <= '9');
    }

    /** The names of the fields, each once, for tests. */
    Set<String> names() {
        Set<String> set = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            set.add(names[i]);
        }
        return set;
    }

    private int indexOf(String name) {
        for (int i = count - 1; i >= 0; i--) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private void add(String name, int start, int end, String string) {
        if (count == names.length) {
            int size = count * 2;
            names = Arrays.copyOf(names, size);
            bounds = Arrays.copyOf(bounds, size * 2);
            strings = Arrays.copyOf(strings, size);
            values = Arrays.copyOf(values, size);
        }
        names[count] = name;
        bounds[2 * count] = start;
        bounds[2 * count + 1] = end;
        strings[count] = string;
        count++;
    }

    // ---- the scanner ------------------------------------------------------------------------------------------

    /** Thrown where JSON-P would refuse the text; no stack trace, the reason never reaches anyone. */
    private static final class Malformed extends Exception {
        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super("malformed JSON", null, false, false);
        }
    }

    /** @return false when the top-level value is not an object (JSON-P's answer is then not an object either) */
    private boolean scanObject() throws Malformed {
        int i = skipSpace(0);
        if (i >= text.length() || text.charAt(i) != '{') {
            return false;
        }
        i = skipSpace(i + 1);
        if (at(i) == '}') {
            return true;
        }
        while (true) {
            if (at(i) != '"') {
                throw Malformed.INSTANCE;
            }
            int keyEnd = skipString(i);
            String name = name(i, keyEnd);
            i = skipSpace(keyEnd);
            if (at(i) != ':') {
                throw Malformed.INSTANCE;
            }
            int start = skipSpace(i + 1);
            int end;
            String string = null;
            if (at(start) == '"') {
                end = skipString(start);
                string = decode(start, end);
            } else {
                end = skipValue(start);
            }
            add(name, start, end, string);
            i = skipSpace(end);
            char c = at(i);
            if (c == '}') {
                // What follows is not read, as JSON-P's readValue() does not.
                return true;
            }
            if (c != ',') {
                throw Malformed.INSTANCE;
            }
            i = skipSpace(i + 1);
        }
    }

    /**
     * Checks one value inside the top-level object (depth 1) without building anything, iteratively: a stack of the
     * open containers' kinds, as bits, instead of recursion a hostile depth could exhaust.
     *
     * @return the index after the value
     */
    private int skipValue(int from) throws Malformed {
        int depth = 1;
        // Bit (d - 2) says whether the container at depth d is an object; beyond 64 levels, the array.
        long kinds = 0;
        boolean[] deeper = null;
        int i = from;
        while (true) {
            // A value is expected at i.
            char c = at(i);
            boolean opened = false;
            switch (c) {
                case '{', '[' -> {
                    depth++;
                    if (depth >= MAX_DEPTH) {
                        throw Malformed.INSTANCE;
                    }
                    boolean object = c == '{';
                    int level = depth - 2;
                    if (level < 64) {
                        kinds = object ? kinds | (1L << level) : kinds & ~(1L << level);
                    } else {
                        if (deeper == null) {
                            deeper = new boolean[MAX_DEPTH];
                        }
                        deeper[level] = object;
                    }
                    i = skipSpace(i + 1);
                    char close = object ? '}' : ']';
                    if (at(i) == close) {
                        depth--;
                        i++;
                    } else {
                        opened = true;
                        if (object) {
                            i = skipKey(i);
                        }
                    }
                }
                case '"' -> i = skipString(i);
                case 't' -> i = skipLiteral(i, "true");
                case 'f' -> i = skipLiteral(i, "false");
                case 'n' -> i = skipLiteral(i, "null");
                default -> i = skipNumber(i);
            }
            if (opened) {
                continue;
            }
            // After a value: close containers until a comma asks for the next value.
            while (true) {
                if (depth == 1) {
                    return i;
                }
                int level = depth - 2;
                boolean object = level < 64 ? (kinds & (1L << level)) != 0 : deeper[level];
                i = skipSpace(i);
                char next = at(i);
                if (next == ',') {
                    i = skipSpace(i + 1);
                    if (object) {
                        i = skipKey(i);
                    }
                    break;
                }
                if (next != (object ? '}' : ']')) {
                    throw Malformed.INSTANCE;
                }
                depth--;
                i++;
            }
        }
    }

    /** {@code "key" :} and the space after it; returns where the value starts. */
    private int skipKey(int i) throws Malformed {
        if (at(i) != '"') {
            throw Malformed.INSTANCE;
        }
        i = skipSpace(skipString(i));
        if (at(i) != ':') {
            throw Malformed.INSTANCE;
        }
        return skipSpace(i + 1);
    }

    /** The string literal starting at i (its quote), checked; returns the index after its closing quote. */
    private int skipString(int i) throws Malformed {
        int length = text.length();
        i++;
        while (i < length) {
            char c = text.charAt(i++);
            if (c == '"') {
                return i;
            }
            if (c < 0x20) {
                throw Malformed.INSTANCE;
            }
            if (c == '\\') {
                char e = at(i++);
                switch (e) {
                    case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                    }
                    case 'u' -> {
                        for (int k = 0; k < 4; k++) {
                            if (!isHexDigit(at(i++))) {
                                throw Malformed.INSTANCE;
                            }
                        }
                    }
                    default -> throw Malformed.INSTANCE;
                }
            }
        }
        throw Malformed.INSTANCE;
    }

    /** A key already checked by {@link #skipString}: one of {@link #KNOWN_NAMES} when written plainly, else decoded. */
    private String name(int start, int end) {
        int length = end - start - 2;
        for (String known : KNOWN_NAMES) {
            if (known.length() == length && text.startsWith(known, start + 1)) {
                return known;
            }
        }
        return decode(start, end);
    }

    /** The text of a string literal already checked by {@link #skipString}, from its opening quote to after its end. */
    private String decode(int start, int end) {
        int from = start + 1;
        int to = end - 1;
        int escape = text.indexOf('\\', from);
        if (escape < 0 || escape >= to) {
            return text.substring(from, to);
        }
        StringBuilder out = new StringBuilder(to - from);
        int i = from;
        while (i < to) {
            char c = text.charAt(i++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = text.charAt(i++);
            switch (e) {
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text, i, i + 4, 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }

    /** ASCII only: Character.digit would also take other scripts' digits and full-width letters. */
    private static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private int skipLiteral(int i, String literal) throws Malformed {
        if (!text.startsWith(literal, i)) {
            throw Malformed.INSTANCE;
        }
        return i + literal.length();
    }

    /** {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}; returns the index after it. */
    private int skipNumber(int start) throws Malformed {
        int i = start;
        if (at(i) == '-') {
            i++;
        }
        char c = at(i);
        if (c == '0') {
            i++;
        } else if (c >= '1' && c <= '9') {
            i = skipDigits(i);
        } else {
            throw Malformed.INSTANCE;
        }
        if (at(i) == '.') {
            i = requireDigits(i + 1);
        }
        c = at(i);
        if (c == 'e' || c == 'E') {
            i++;
            c = at(i);
            if (c == '+' || c == '-') {
                i++;
            }
            i = requireDigits(i);
            // JSON-P makes a BigDecimal of such a number, which refuses an exponent beyond an int's range.
            try {
                new BigDecimal(text.substring(start, i));
            } catch (NumberFormatException e) {
                throw Malformed.INSTANCE;
            }
        }
        return i;
    }

    private int requireDigits(int i) throws Malformed {
        char c = at(i);
        if (c < '0' || c > '9') {
            throw Malformed.INSTANCE;
        }
        return skipDigits(i);
    }

    private int skipDigits(int i) {
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            i++;
        }
        return i;
    }

    /** JSON's whitespace only: space, tab, line feed, carriage return. */
    private int skipSpace(int i) {
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                break;
            }
            i++;
        }
        return i;
    }

    /** The character at i, or U+FFFF past the end (no JSON token starts with it, so it is refused where it matters). */
    private char at(int i) {
        return i < text.length() ? text.charAt(i) : '\uFFFF';
    }
}
