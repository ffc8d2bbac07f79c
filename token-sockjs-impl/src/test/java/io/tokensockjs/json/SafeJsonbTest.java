package io.tokensockjs.json;

import jakarta.json.bind.Jsonb;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SafeJsonbTest {

    public record Operands(Integer a, Long b, Integer c) {
    }

    private final Jsonb jsonb = SafeJsonb.create();

    @Test
    void bindsOrdinaryIntegers() {
        assertEquals(new Operands(1, 2L, 3), jsonb.fromJson("{\"a\":1,\"b\":2,\"c\":3}", Operands.class));
        assertEquals(new Operands(1, 2L, 3), jsonb.fromJson("{\"a\":1.0,\"b\":2e0,\"c\":3}", Operands.class));
        assertEquals(List.of(1, 2), jsonb.fromJson("[1,2]", new java.util.ArrayList<Integer>() { }.getClass().getGenericSuperclass()));
    }

    @Test
    void hugeExponentsFailAtOnceInsteadOfExpandingToAMillionDigits() {
        assertThrows(RuntimeException.class, () -> jsonb.fromJson("{\"a\":1e999999,\"b\":2,\"c\":3}", Operands.class));
        assertThrows(RuntimeException.class, () -> jsonb.fromJson("{\"a\":1,\"b\":1e999999,\"c\":3}", Operands.class));
        assertThrows(RuntimeException.class, () -> jsonb.fromJson("1e999999", BigInteger.class));
    }

    @Test
    void absurdNumbersAnywhereInTheDataAreRefusedBeforeBinding() {
        SafeJsonb.requireSaneNumbers(read("{\"a\":[1,2.5,-3e10,{\"b\":12345678901234567890}],\"c\":\"1e999999\"}"));
        assertThrows(ArithmeticException.class, () -> SafeJsonb.requireSaneNumbers(read("{\"a\":[1,{\"b\":1e999999}]}")));
        assertThrows(ArithmeticException.class, () -> SafeJsonb.requireSaneNumbers(read("[-0.5e-999999]")));
        assertThrows(ArithmeticException.class, () -> SafeJsonb.requireSaneNumbers(read("1" + "0".repeat(60))));
    }

    private static jakarta.json.JsonValue read(String json) {
        return jakarta.json.Json.createReader(new java.io.StringReader(json)).readValue();
    }

    @Test
    void valuesThatDoNotFitOrAreNotIntegersAreRefusedNotWrapped() {
        assertThrows(RuntimeException.class, () -> jsonb.fromJson("{\"a\":2147483648,\"b\":2,\"c\":3}", Operands.class));
        assertThrows(RuntimeException.class, () -> jsonb.fromJson("{\"a\":1.5,\"b\":2,\"c\":3}", Operands.class));
        assertThrows(RuntimeException.class, () -> jsonb.fromJson("{\"a\":\"1\",\"b\":2,\"c\":3}", Operands.class));
    }

    @Test
    void writesSimpleValuesAndFlatMapsAsJsonBDoes() {
        java.util.Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        ordered.put("user", "ada \"quoted\" \u2028 <b>");
        ordered.put("id", 42L);
        ordered.put("admin", true);
        ordered.put("small", (short) 7);
        List<Object> values = List.of(java.util.Map.of("user", "bench"), ordered, java.util.Map.of(), 12, -5L, false,
                (byte) 1, "text \n with \"escapes\"");
        for (Object value : values) {
            // The same JSON value; the text differs only where JsonStrings escapes more (U+2028 for SockJS).
            assertEquals(Jsonp.parse(jsonb.toJson(value)), Jsonp.parse(SafeJsonb.write(jsonb, value)), String.valueOf(value));
        }
        assertEquals("{\"user\":\"bench\",\"id\":42}", SafeJsonb.write(jsonb, orderedOf("user", "bench", "id", 42)));
    }

    private static java.util.Map<String, Object> orderedOf(String k1, Object v1, String k2, Object v2) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    @Test
    void leavesMapsWithNullsOrNestedValuesToJsonB() {
        java.util.Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("a", null);
        java.util.Map<String, Object> nested = java.util.Map.of("a", List.of(1, 2), "b", 1.5);
        assertEquals(jsonb.toJson(withNull), SafeJsonb.write(jsonb, withNull));
        assertEquals(jsonb.toJson(nested), SafeJsonb.write(jsonb, nested));
    }
}
