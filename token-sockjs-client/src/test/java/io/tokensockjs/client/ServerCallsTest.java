package io.tokensockjs.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The server's calls to the client: {@code internal rpc} in, {@code _rpc} with the same fid out. */
class ServerCallsTest extends ClientTestSupport {

    private static void call(FakeSocket socket, String fid, String function, JsonValue args) throws Exception {
        socket.internal("rpc", Json.createObjectBuilder().add("fid", fid).add("command", function).add("args", args).build());
    }

    private static JsonObject answer(String fid, String key, JsonValue value) {
        return Json.createObjectBuilder().add("rpc", "_rpc").add("fid", fid)
                .add("resp", Json.createObjectBuilder().add(key, value)).build();
    }

    @Test
    void aFunctionsAnswerGoesBackWithTheCallsFid() throws Exception {
        Connected connected = connect(builder().function("clock.now", args -> CompletableFuture.completedFuture(
                Json.createValue("noon, asked with " + args))));
        call(connected.socket(), "f1", "clock.now", Json.createValue(7));
        assertEquals(answer("f1", "data", Json.createValue("noon, asked with 7")), connected.socket().next("_rpc"));
    }

    @Test
    void aFailedStageOrAThrowingFunctionAnswersItsMessageAsTheError() throws Exception {
        Connected connected = connect(builder()
                .function("fails", args -> CompletableFuture.failedFuture(new IllegalStateException("Not now")))
                .function("throws", args -> {
                    throw new IllegalArgumentException("Bad args");
                })
                .function("nothing", args -> null));
        call(connected.socket(), "f1", "fails", JsonValue.NULL);
        assertEquals(answer("f1", "error", Json.createValue("Not now")), connected.socket().next("_rpc"));
        call(connected.socket(), "f2", "throws", JsonValue.NULL);
        assertEquals(answer("f2", "error", Json.createValue("Bad args")), connected.socket().next("_rpc"));
        call(connected.socket(), "f3", "nothing", JsonValue.NULL);
        assertEquals(answer("f3", "data", JsonValue.NULL), connected.socket().next("_rpc"));
    }

    @Test
    void anUnknownFunctionIsAnsweredSoTheServerNeedNotWaitForItsTimeout() throws Exception {
        Connected connected = connect();
        call(connected.socket(), "f1", "nobody.home", JsonValue.NULL);
        assertEquals(answer("f1", "error", Json.createValue("Function not found")), connected.socket().next("_rpc"));
    }

    @Test
    void theLookupAnswersForNamesNotGivenOneByOne() throws Exception {
        Connected connected = connect(builder()
                .function("given", args -> CompletableFuture.completedFuture(Json.createValue("given")))
                .functionLookup(name -> name.startsWith("any.") ? args -> CompletableFuture.completedFuture(Json.createValue(name)) : null));
        call(connected.socket(), "f1", "any.thing", JsonValue.NULL);
        assertEquals(answer("f1", "data", Json.createValue("any.thing")), connected.socket().next("_rpc"));
        call(connected.socket(), "f2", "given", JsonValue.NULL);
        assertEquals(answer("f2", "data", Json.createValue("given")), connected.socket().next("_rpc"));
        call(connected.socket(), "f3", "other", JsonValue.NULL);
        assertEquals(answer("f3", "error", Json.createValue("Function not found")), connected.socket().next("_rpc"));
    }

    @Test
    void anAnswerGivenLaterStillGoesOutAndCallsWithoutFidAreIgnored() throws Exception {
        CompletableFuture<JsonValue> later = new CompletableFuture<>();
        Connected connected = connect(builder().function("ask.user", args -> later));
        connected.socket().internal("rpc", Json.createObjectBuilder().add("command", "ask.user").build());
        call(connected.socket(), "f9", "ask.user", JsonValue.NULL);
        later.complete(Json.createValue("yes"));
        assertEquals(answer("f9", "data", Json.createValue("yes")), connected.socket().next("_rpc"));
    }
}
