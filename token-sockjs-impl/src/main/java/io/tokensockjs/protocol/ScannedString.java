package io.tokensockjs.protocol;

import io.tokensockjs.json.Jsonp;

import jakarta.json.JsonString;

/**
 * A string field of a client message as a JSON-P value that keeps the literal the client wrote: its
 * {@link #toString()} is that literal when it has no escape, which is then exactly what JSON-P's own string writes
 * (a literal without a backslash holds no quote, no backslash and no control character, the only characters JSON-P
 * escapes). Request ids are echoed into every answer and functions often answer with what they were given, so the
 * literal is written back without quoting it again; a literal with escapes is written as JSON-P writes the string.
 * Equal to any {@link JsonString} with the same characters, with the same hash, as JSON-P's strings are.
 */
final class ScannedString implements JsonString {

    private final String value;
    /** The literal with its quotes when it has no escape, else null. */
    private final String literal;

    /**
     * @param value   the decoded string
     * @param literal the literal as the client wrote it, quotes included, when it has no escape; else null
     */
    ScannedString(String value, String literal) {
        this.value = value;
        this.literal = literal;
    }

    @Override
    public String getString() {
        return value;
    }

    @Override
    public CharSequence getChars() {
        return value;
    }

    @Override
    public ValueType getValueType() {
        return ValueType.STRING;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof JsonString string && value.equals(string.getString());
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return literal != null ? literal : Jsonp.PROVIDER.createValue(value).toString();
    }
}
