package io.tokensockjs.rpc;

import io.tokensockjs.AuthData;
import io.tokensockjs.NotRpc;
import io.tokensockjs.Socket;
import io.tokensockjs.SocketController;

import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ControllerMethodTest {

    @SocketController("user.profile")
    public static class Good {
        public String read(String id, Socket socket, @AuthData JsonObject auth) {
            return id;
        }

        public CompletionStage<Integer> later() {
            return null;
        }

        public void json(JsonObject data) {
        }

        @NotRpc
        public void hidden() {
        }

        public static void notAFunction() {
        }
    }

    @SocketController("bad")
    public static class Bad {
        public void twoData(String a, String b) {
        }

        public void overloaded(String a) {
        }

        public void overloaded(int a) {
        }

        public void twoSockets(Socket a, Socket b) {
        }
    }

    @SocketController
    public static class Reserved {
        public void auth() {
        }

        public void _subscribe() {
        }
    }

    @Test
    void publicMethodsBecomeNamespacedFunctions() {
        ControllerMethod.Scan scan = ControllerMethod.scan(Good.class);
        assertEquals(List.of(), scan.problems());
        assertEquals(List.of("user.profile.json", "user.profile.later", "user.profile.read"),
                scan.methods().stream().map(ControllerMethod::name).sorted().toList());
        ControllerMethod read = scan.methods().stream().filter(m -> m.name().endsWith("read")).findFirst().orElseThrow();
        assertEquals(List.of(ControllerMethod.ParameterKind.REQUEST_DATA, ControllerMethod.ParameterKind.SOCKET,
                ControllerMethod.ParameterKind.AUTH_DATA), read.parameters());
        assertTrue(scan.methods().stream().filter(m -> m.name().endsWith("json")).findFirst().orElseThrow().takesJsonValue());
    }

    @Test
    void unsupportedSignaturesAndDuplicatesAreProblemsNamingTheMethod() {
        List<String> problems = ControllerMethod.scan(Bad.class).problems();
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.contains("Bad.twoData") && p.contains("more than one parameter")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("Bad.overloaded") && p.contains("declared twice")));
        assertTrue(problems.stream().anyMatch(p -> p.contains("Bad.twoSockets")));
    }

    @Test
    void protocolNamesAreReserved() {
        List<String> problems = ControllerMethod.scan(Reserved.class).problems();
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.contains("reserved")));
    }
}
