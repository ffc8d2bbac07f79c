package it.io.tokensockjs.sample;

import io.tokensockjs.junit.ServerCall;
import io.tokensockjs.junit.TestSocket;
import io.tokensockjs.junit.TestSockets;
import io.tokensockjs.junit.TokenSocketExtension;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

import static it.io.tokensockjs.sample.ChatIT.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code clock.ask}: the server calls {@code clock.now} on every socket and gathers what each answered. */
@ExtendWith(TokenSocketExtension.class)
public class ClockControllerIT {

    @Test
    void theServerAsksEverySocketAndReportsEachAnswerOrError(TestSockets sockets) {
        TestSocket rita = sockets.connect(user("Rita", "member")).answer("clock.now", args -> "10:00 at Rita's");
        TestSocket sam = sockets.connect(user("Sam", "member"));
        TestSocket tina = sockets.connect(user("Tina", "member"));

        CompletionStage<JsonValue> asking = rita.client().rpc("clock.ask", JsonValue.NULL);
        ServerCall toSam = sam.awaitCall("clock.now");
        assertEquals(JsonValue.NULL, toSam.args());
        toSam.answer("11:00 at Sam's");
        tina.awaitCall("clock.now").fail("No clock here");

        Map<String, JsonObject> byName = answers(asking);
        assertEquals(Json.createValue("10:00 at Rita's"), byName.get("Rita").get("time"));
        assertEquals(Json.createValue("11:00 at Sam's"), byName.get("Sam").get("time"));
        assertEquals("No clock here", byName.get("Tina").getString("error"));
    }

    private static Map<String, JsonObject> answers(CompletionStage<JsonValue> asking) {
        CompletableFuture<JsonValue> answer = asking.toCompletableFuture();
        // Other sockets of the server (none while the tests run one class at a time) may be listed too.
        return answer.join().asJsonArray().stream().map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(entry -> entry.getString("name"), entry -> entry, (first, second) -> first));
    }
}
