package io.tokensockjs.it.app.token;

import io.tokensockjs.AuthData;
import io.tokensockjs.NotRpc;
import io.tokensockjs.Socket;
import io.tokensockjs.SocketController;
import io.tokensockjs.SocketException;

import jakarta.json.JsonValue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/** Functions {@code math.*} for the RPC tests. */
@SocketController("math")
public class MathController {

    /** Typed request data. */
    public record Operands(int a, int b) {
    }

    public int add(Operands operands) {
        return operands.a() + operands.b();
    }

    public CompletionStage<Integer> slowAdd(Operands operands) {
        return CompletableFuture.supplyAsync(() -> operands.a() + operands.b(),
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
    }

    public int sum(List<Integer> numbers) {
        return numbers.stream().mapToInt(Integer::intValue).sum();
    }

    public JsonValue echo(JsonValue anything) {
        return anything;
    }

    public Map<String, Object> whoami(Socket socket, @AuthData User user) {
        return Map.of("socket", socket.id(), "user", user.user(), "role", user.role(), "ip", socket.ip());
    }

    public void fail(String message) {
        throw new SocketException(message);
    }

    public CompletionStage<String> failLater(String message) {
        return CompletableFuture.failedFuture(new SocketException(message));
    }

    public int boom() {
        throw new IllegalStateException("a bug in the application, never shown to the client");
    }

    @NotRpc
    public int hidden() {
        return 42;
    }
}
