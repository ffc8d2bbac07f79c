package io.tokensockjs.rpc;

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
}
