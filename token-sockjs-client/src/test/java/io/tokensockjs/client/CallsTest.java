package io.tokensockjs.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests and their ends: answers, errors, timeouts, the bound on pending calls, and closes. */
class CallsTest extends ClientTestSupport {

    private static final JsonObject ONE_TWO = Json.createObjectBuilder().add("a", 1).add("b", 2).build();

    @Test
    void aCallSendsRpcReqAndUuidAndCompletesWithTheAnswer() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> sum = connected.client().rpc("math.add", ONE_TWO);
        JsonObject request = connected.socket().next("math.add");
        assertEquals(ONE_TWO, request.get("req"));
        assertFalse(request.getString("uuid").isEmpty());
        connected.socket().answer(request, Json.createValue(3));
        assertEquals(Json.createValue(3), await(sum));
    }

    @Test
    void answersAreMatchedByUuidWhateverTheirOrderAndFraming() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> first = connected.client().rpc("echo", Json.createValue("first"));
        CompletionStage<JsonValue> second = connected.client().rpc("echo", Json.createValue("second"));
        JsonObject one = connected.socket().next("echo");
        JsonObject two = connected.socket().next("echo");
        String answerTwo = Json.createObjectBuilder().add("rpc", "echo").add("uuid", two.get("uuid")).add("resp", "2").build().toString();
        String answerOne = Json.createObjectBuilder().add("rpc", "echo").add("uuid", one.get("uuid")).add("resp", "1").build().toString();
        connected.socket().sendMessages(answerTwo, answerOne);
        assertEquals(Json.createValue("1"), await(first));
        assertEquals(Json.createValue("2"), await(second));
    }

    @Test
    void anErrorAnswerIsAServerErrorExceptionWithTheErrorAsSent() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> refused = connected.client().rpc("chat.say", JsonValue.NULL);
        connected.socket().error(connected.socket().next("chat.say"), "Join the room first");
        ServerErrorException error = assertInstanceOf(ServerErrorException.class, failure(refused));
        assertEquals("chat.say", error.rpc());
        assertEquals("Join the room first", error.getMessage());

        CompletionStage<JsonValue> structured = connected.client().rpc("stats.get", JsonValue.NULL);
        JsonObject request = connected.socket().next("stats.get");
        JsonObject body = Json.createObjectBuilder().add("_code", 404).build();
        connected.socket().send(Json.createObjectBuilder().add("rpc", "stats.get").add("uuid", request.get("uuid")).add("error", body).build());
        assertEquals(body, assertInstanceOf(ServerErrorException.class, failure(structured)).error());
    }

    @Test
    void anUnansweredCallTimesOutAndFreesItsPlace() throws Exception {
        Connected connected = connect(builder().timeout(Duration.ofMillis(200)).maxPendingCalls(1));
        CompletionStage<JsonValue> silent = connected.client().rpc("slow", JsonValue.NULL);
        JsonObject request = connected.socket().next("slow");
        CallTimeoutException timeout = assertInstanceOf(CallTimeoutException.class, failure(silent));
        assertEquals("slow", timeout.rpc());
        connected.socket().answer(request, Json.createValue("too late"));

        CompletionStage<JsonValue> next = connected.client().rpc("fast", JsonValue.NULL);
        connected.socket().answer(connected.socket().next("fast"), Json.createValue("ok"));
        assertEquals(Json.createValue("ok"), await(next), "the timed-out call no longer counts against the bound");
    }

    @Test
    void callsBeyondTheBoundFailAtOnceWithoutBeingSent() throws Exception {
        Connected connected = connect(builder().maxPendingCalls(2));
        CompletionStage<JsonValue> one = connected.client().rpc("a", JsonValue.NULL);
        CompletionStage<JsonValue> two = connected.client().rpc("b", JsonValue.NULL);
        TooManyPendingCallsException tooMany = assertInstanceOf(TooManyPendingCallsException.class,
                failure(connected.client().rpc("c", JsonValue.NULL)));
        assertEquals(2, tooMany.limit());
        connected.socket().answer(connected.socket().next("a"), JsonValue.TRUE);
        connected.socket().answer(connected.socket().next("b"), JsonValue.TRUE);
        await(one);
        await(two);
        CompletionStage<JsonValue> three = connected.client().rpc("d", JsonValue.NULL);
        connected.socket().answer(connected.socket().next("d"), JsonValue.TRUE);
        assertEquals(JsonValue.TRUE, await(three), "c was never sent: d is the next request");
    }

    @Test
    void theServersCloseFailsWhatWaitsWithItsCodeAndReason() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> waiting = connected.client().rpc("slow", JsonValue.NULL);
        connected.socket().next("slow");
        connected.socket().close(3000, "Go away!");
        ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, failure(waiting));
        assertEquals(new CloseStatus(3000, "Go away!"), closed.status());
        assertEquals(new CloseStatus(3000, "Go away!"), await(connected.client().closed()));
        assertEquals("disconnected 3000 Go away!", events.next());
        assertFalse(connected.client().isOpen());
        assertEquals(closed.status(), assertInstanceOf(ConnectionClosedException.class,
                failure(connected.client().rpc("later", JsonValue.NULL))).status(), "later calls fail at once");
    }

    @Test
    void aBrokenConnectionFailsWhatWaitsWithAbnormalClosure() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> waiting = connected.client().rpc("slow", JsonValue.NULL);
        connected.socket().next("slow");
        connected.socket().drop();
        ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, failure(waiting));
        assertEquals(CloseStatus.ABNORMAL, closed.status().code());
        assertEquals(CloseStatus.ABNORMAL, await(connected.client().closed()).code());
    }

    @Test
    void closingTheClientFailsWhatWaitsAndClosesTheWebSocketNormally() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> waiting = connected.client().rpc("slow", JsonValue.NULL);
        connected.socket().next("slow");
        connected.client().close();
        assertEquals(CloseStatus.CLOSED_BY_CLIENT, assertInstanceOf(ConnectionClosedException.class, failure(waiting)).status());
        assertEquals(1000, connected.socket().awaitClientClose());
        assertEquals(CloseStatus.CLOSED_BY_CLIENT, await(connected.client().closed()));
        assertThrows(ConnectionClosedException.class, () -> connected.client().sendRaw("{}"));
    }

    @Test
    void anErrorThatAnswersNoRequestReachesTheListener() throws Exception {
        Connected connected = connect();
        connected.client().sendRaw("{not json");
        assertEquals("{not json", connected.socket().nextText(), "sent as given");
        connected.socket().send(Json.createObjectBuilder().add("error", "Invalid message").build());
        ServerErrorException error = assertInstanceOf(ServerErrorException.class, events.nextError());
        assertEquals("Invalid message", error.getMessage());
        assertNull(error.rpc());
    }

    @Test
    void messagesThatAreNotJsonObjectsOrAnswerNothingAreIgnored() throws Exception {
        Connected connected = connect();
        CompletionStage<JsonValue> call = connected.client().rpc("echo", JsonValue.TRUE);
        JsonObject request = connected.socket().next("echo");
        connected.socket().sendMessages("not json", "[1,2]", "{\"uuid\":\"nobody\",\"resp\":1}", "{\"uuid\":7}",
                "{\"internal\":\"yes\"}", "{\"internal\":true,\"command\":\"rpc\",\"data\":[]}",
                "[".repeat(100_000), "{\"channel\":3}");
        connected.socket().answer(request, JsonValue.TRUE);
        assertEquals(JsonValue.TRUE, await(call));
        assertTrue(connected.client().isOpen());
        assertTrue(events.isEmpty(), "nothing reached the listener");
    }

    @Test
    void textThatJsonAndWebSocketsMangleArrivesIntact() throws Exception {
        Connected connected = connect();
        String tricky = "quote\" backslash\\ nl\n nul\u0000 lone\ud800 pair\ud83d\ude00 ls\u2028 bom\ufeff end\uffff";
        CompletionStage<JsonValue> echo = connected.client().rpc("echo", Json.createValue(tricky));
        JsonObject request = connected.socket().next("echo");
        assertEquals(tricky, request.getString("req"));
        connected.socket().answer(request, request.get("req"));
        assertEquals(Json.createValue(tricky), await(echo));
    }

    @Test
    void answersCompleteOffTheReadingThreadSoAContinuationMayWaitForAnotherAnswer() throws Exception {
        Connected connected = connect();
        TokenSocketClient client = connected.client();
        CompletableFuture<JsonValue> chained = client.rpc("first", JsonValue.NULL).toCompletableFuture()
                .thenApply(first -> client.rpc("second", first).toCompletableFuture().join());
        connected.socket().answer(connected.socket().next("first"), Json.createValue(1));
        JsonObject second = connected.socket().next("second");
        assertEquals(Json.createValue(1), second.get("req"));
        connected.socket().answer(second, Json.createValue(2));
        assertEquals(Json.createValue(2), await(chained));
    }
}
