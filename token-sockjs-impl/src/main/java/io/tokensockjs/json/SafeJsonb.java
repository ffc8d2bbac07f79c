package io.tokensockjs.json;

import io.tokensockjs.sockjs.frame.JsonStrings;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Binding of client data that a hostile number cannot abuse. Converting {@code 1e999999} to an integral type
 * expands it to a million digits first (CPU per message: a denial of service), so {@link #requireSaneNumbers}
 * refuses numbers of absurd magnitude before any binding; and boxed integral targets ({@code Integer}, {@code Long},
 * {@code Short}, {@code Byte}, {@code BigInteger}) are bound exactly instead of silently wrapped. Either failure
 * gives the client "Invalid request data". (Yasson applies custom deserializers to boxed types only: a primitive
 * {@code int} parameter still wraps out-of-range values, so prefer boxed or {@code long} types for untrusted input.)
 */
public final class SafeJsonb {

    /** Digits before the decimal point beyond which no integral type can hold a number. */
    private static final int MAX_INTEGER_DIGITS = 40;

    private SafeJsonb() {
    }

    public static Jsonb create() {
        return JsonbBuilder.create(new JsonbConfig().withDeserializers(
                new IntegerDeserializer(), new LongDeserializer(), new ShortDeserializer(), new ByteDeserializer(),
                new BigIntegerDeserializer()));
    }

    /**
     * Writes a value the application gives (an answer, call arguments, a published message, authentication data)
     * as JSON text: JSON-P values, strings, integers, booleans and flat maps of them directly, anything else with
     * JSON-B. (Yasson builds a serializer chain per call for a map: a third of a token request's own CPU.)
     */
    public static String write(Jsonb jsonb, Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof JsonValue json) {
            return json.toString();
        }
        if (value instanceof String string) {
            return JsonStrings.quote(string);
        }
        if (isPlainScalar(value)) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map && isFlatMap(map)) {
            StringBuilder json = new StringBuilder(16 * map.size() + 2).append('{');
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                JsonStrings.appendQuoted(json.append(json.length() > 1 ? "," : ""), (String) entry.getKey(), false);
                json.append(':');
                if (entry.getValue() instanceof String text) {
                    JsonStrings.appendQuoted(json, text, false);
                } else {
                    json.append(entry.getValue());
                }
            }
            return json.append('}').toString();
        }
        return jsonb.toJson(value);
    }

    /** Values whose toString() is their JSON, as JSON-B writes them. */
    private static boolean isPlainScalar(Object value) {
        return value instanceof Boolean || value instanceof Integer || value instanceof Long
                || value instanceof Short || value instanceof Byte;
    }

    /** String keys, and values that are strings or plain scalars (never null, whose handling is JSON-B's to decide). */
    private static boolean isFlatMap(Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String) || entry.getValue() == null
                    || !(entry.getValue() instanceof String || isPlainScalar(entry.getValue()))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses data holding a number with more than {@value #MAX_INTEGER_DIGITS} digits before its decimal point or
     * an exponent beyond the range of a double. Walks the tree without recursion.
     *
     * @throws ArithmeticException naming the first such number
     */
    public static void requireSaneNumbers(JsonValue data) {
        Deque<JsonValue> pending = new ArrayDeque<>();
        pending.push(data);
        while (!pending.isEmpty()) {
            JsonValue value = pending.pop();
            switch (value.getValueType()) {
                case NUMBER -> {
                    BigDecimal number = ((JsonNumber) value).bigDecimalValue();
                    if (number.precision() - number.scale() > MAX_INTEGER_DIGITS || number.scale() > 400) {
                        throw new ArithmeticException("number of absurd magnitude");
                    }
                }
                case ARRAY -> value.asJsonArray().forEach(pending::push);
                case OBJECT -> value.asJsonObject().values().forEach(pending::push);
                default -> {
                }
            }
        }
    }

    /** The number the parser is at, checked to be an integer of sane size. */
    static BigDecimal integral(JsonParser parser) {
        // getBigDecimal() refuses anything but a number (a string "1" is not an integer here).
        BigDecimal value = parser.getBigDecimal();
        if (value.precision() - value.scale() > MAX_INTEGER_DIGITS) {
            throw new ArithmeticException("number too large");
        }
        return value;
    }

    static final class IntegerDeserializer implements JsonbDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return integral(parser).intValueExact();
        }
    }

    static final class LongDeserializer implements JsonbDeserializer<Long> {
        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return integral(parser).longValueExact();
        }
    }

    static final class ShortDeserializer implements JsonbDeserializer<Short> {
        @Override
        public Short deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return integral(parser).shortValueExact();
        }
    }

    static final class ByteDeserializer implements JsonbDeserializer<Byte> {
        @Override
        public Byte deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return integral(parser).byteValueExact();
        }
    }

    static final class BigIntegerDeserializer implements JsonbDeserializer<BigInteger> {
        @Override
        public BigInteger deserialize(JsonParser parser, DeserializationContext context, Type type) {
            return integral(parser).toBigIntegerExact();
        }
    }
}
