package it.io.tokensockjs.token;

import io.tokensockjs.client.TokenSocketClient;

import it.io.tokensockjs.runtime.ServerLog;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of malformed and adversarial messages on authenticated and unauthenticated sockets: each one is
 * answered with an error of the protocol or closes its socket cleanly, and a well-behaved socket keeps working.
 */
public class FuzzIT {

    private static final int MESSAGES = 10_000;

    /** Messages that each deserve exactly one answer on an authenticated socket. */
    private static List<String> adversarialMessages(Random random) {
        List<String> messages = new ArrayList<>();
        String[] shapes = {
            "",
            "null",
            "42",
            "\"a string\"",
            "[]",
            "{}",
            "{\"rpc\":123,\"uuid\":\"%s\"}",
            "{\"rpc\":null,\"uuid\":\"%s\"}",
            "{\"rpc\":[\"math.add\"],\"uuid\":\"%s\"}",
            "{\"rpc\":{\"x\":1},\"uuid\":\"%s\"}",
            "{\"uuid\":\"%s\"}",
            "{\"rpc\":\"math.add\",\"uuid\":\"%s\"}",
            "{\"rpc\":\"math.add\",\"req\":\"three\",\"uuid\":\"%s\"}",
            "{\"rpc\":\"math.add\",\"req\":{\"a\":\"1\",\"b\":[]},\"uuid\":\"%s\"}",
            "{\"rpc\":\"math.add\",\"req\":{\"a\":1e999999,\"b\":1},\"uuid\":\"%s\"}",
            "{\"rpc\":\"math.add\",\"req\":{\"a\":123456789012345678901234567890,\"b\":1},\"uuid\":\"%s\"}",
            "{\"rpc\":\"math.add\",\"req\":{\"a\":-0.5e-999999,\"b\":NaN},\"uuid\":\"%s\"}",
            "{\"rpc\":\"math.sum\",\"req\":[1,2,\"x\",{}],\"uuid\":\"%s\"}",
            "{\"rpc\":\"math.echo\",\"req\":%s,\"uuid\":\"%s\"}",
            "{\"rpc\":\"math.echo\",\"req\":\"%s\",\"uuid\":\"%s\"}",
            "{\"rpc\":\"no.such.function\",\"uuid\":\"%s\"}",
            "{\"rpc\":\"%s\",\"uuid\":\"%s\"}",
            "{\"rpc\":\"auth\",\"token\":\"%s\",\"uuid\":\"%s\"}",
            "{\"rpc\":\"_ping\",\"uuid\":\"%s\"}",
            "{\"rpc\":\"math.add\",\"req\":{\"a\":1,\"b\":2},\"uuid\":{\"nested\":true}}",
            "{\"rpc\":\"math.add\",\"req\":{\"a\":1,\"b\":2},\"uuid\":\"%s\",\"rpc\":\"math.sum\"}",
            "{\"rpc\":\"math.add\"",
            "{\"rpc\":\"math.add\",}",
            "\u0000\u0001\u0002",
        };
        for (int i = 0; i < MESSAGES; i++) {
            String shape = shapes[random.nextInt(shapes.length)];
            String uuid = "f" + i;
            String message = switch (shape) {
                case "{\"rpc\":\"math.echo\",\"req\":%s,\"uuid\":\"%s\"}" -> shape.formatted(deep(random.nextInt(3000) + 1), uuid);
                case "{\"rpc\":\"math.echo\",\"req\":\"%s\",\"uuid\":\"%s\"}" -> shape.formatted("x".repeat(random.nextInt(100_000)), uuid);
                case "{\"rpc\":\"%s\",\"uuid\":\"%s\"}" -> shape.formatted(randomName(random), uuid);
                case "{\"rpc\":\"auth\",\"token\":\"%s\",\"uuid\":\"%s\"}" -> shape.formatted(uuid, uuid);
                default -> shape.contains("%s") ? shape.formatted(uuid) : shape;
            };
            messages.add(message);
        }
        return messages;
    }

    private static String deep(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String randomName(Random random) {
        StringBuilder name = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            name.append((char) (random.nextInt(0x2fff) + 1));
        }
        return name.toString().replace("\"", "").replace("\\", "");
    }

    /** Fixed, so that every run sends the same messages and a failure names ones that can be sent again. */
    static final long SEED = 20261128L;

    /** Rounds of the adversarial test in one run ({@code -Dit.fuzz.rounds=N}): to reproduce a rare failure. */
    private static final int ROUNDS = Integer.getInteger("it.fuzz.rounds", 1);

    @Test
    void everyAdversarialMessageIsAnsweredAndAGoodSocketKeepsWorking() throws Exception {
        List<String> messages = adversarialMessages(new Random(SEED));
        for (int round = 0; round < ROUNDS; round++) {
            adversarialRound(messages);
        }
    }

    /** Batches sent again after Open Liberty closed the socket itself on valid text (see {@link #containerDefect}). */
    private static final int CONTAINER_RETRIES = 3;

    private static void adversarialRound(List<String> messages) throws Exception {
        ServerLog log = ServerLog.mark();
        RawSocket hostile = hostileSocket();
        try (TokenSocketClient good = TokenServer.client("alice").connect().toCompletableFuture().join()) {
            int answered = 0;
            int retries = 0;
            for (int start = 0; start < messages.size(); start += 50) {
                List<String> batch = messages.subList(start, Math.min(messages.size(), start + 50));
                batch.forEach(hostile::send);
                List<String> answers = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    String answer = hostile.received.poll(10, TimeUnit.SECONDS);
                    if (answer == null) {
                        break;
                    }
                    answers.add(answer);
                    JsonObject object = Json.createReader(new StringReader(answer)).readObject();
                    assertTrue(object.containsKey("error") || object.containsKey("resp"), answer);
                    assertTrue(!answer.contains("Exception") && !answer.contains("\tat "), "no stack traces on the wire: " + answer);
                }
                if (answers.size() < batch.size()) {
                    if (retries < CONTAINER_RETRIES && containerDefect(hostile, log)) {
                        // Not this library's doing (reproduced on the plain echo service): the batch goes again on a
                        // fresh socket, so that every message still gets its answer checked. Said loudly, not hidden.
                        retries++;
                        System.err.println("FuzzIT: Open Liberty closed the hostile socket with 1007 on valid text at the batch from #"
                                + start + " (its known defect, see the package-info of io.tokensockjs.sockjs.websocket); sending the batch again");
                        hostile.close();
                        hostile = hostileSocket();
                        start -= 50;
                        continue;
                    }
                    throw new AssertionError(unanswered(batch, start, answers, hostile, log));
                }
                answered += answers.size();
                JsonValue sum = good.rpc("math.add", Json.createObjectBuilder().add("a", start).add("b", 1).build())
                        .toCompletableFuture().get(10, TimeUnit.SECONDS);
                assertEquals(Json.createValue(start + 1), sum);
            }
            assertEquals(MESSAGES, answered);
            assertTrue(good.isOpen());
            assertTrue(!hostile.closed.isDone(), "bad messages are answered, not punished with a close");
        } finally {
            hostile.close();
        }
    }

    /** A raw socket authenticated as mallory, who sends the adversarial messages. */
    private static RawSocket hostileSocket() throws Exception {
        String token = TokenServer.client("mallory").requestToken().toCompletableFuture().join();
        RawSocket hostile = new RawSocket();
        hostile.send("{\"rpc\":\"auth\",\"token\":\"" + token + "\",\"uuid\":\"a\"}");
        assertEquals("{\"rpc\":\"auth\",\"uuid\":\"a\",\"resp\":\"success\"}", hostile.next());
        return hostile;
    }

    /**
     * Whether the container closed the socket itself with 1007 "Invalid UTF-8 data received" (Open Liberty's defect
     * with large fragmented messages among small ones: the socket is raw, so this library never closes it with 1007,
     * and Liberty reports it only with an FFDC incident, FFDC1015I in its log).
     */
    private static boolean containerDefect(RawSocket hostile, ServerLog log) throws Exception {
        Integer code;
        try {
            code = hostile.closed.get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            return false;
        }
        return code == 1007 && log.linesOrWhy().stream().anyMatch(line -> line.contains("FFDC1015I"));
    }

    /**
     * What a batch left unanswered, for the failure message: the messages whose uuid no answer carried (messages
     * without a usable uuid are answered without one, so those are only counted), whether the socket was closed,
     * and what the server logged meanwhile.
     */
    private static String unanswered(List<String> batch, int start, List<String> answers, RawSocket hostile, ServerLog log) {
        Set<String> answeredIds = new HashSet<>();
        int withoutId = 0;
        for (String answer : answers) {
            JsonValue uuid = Json.createReader(new StringReader(answer)).readObject().get("uuid");
            if (uuid instanceof JsonString id) {
                answeredIds.add(id.getString());
            } else {
                withoutId++;
            }
        }
        StringBuilder out = new StringBuilder("only " + answers.size() + " answers to the batch of " + batch.size()
                + " messages from #" + start + " (seed " + SEED + "); socket "
                + (hostile.closed.isDone() ? "closed with " + hostile.closed.getNow(null) : "still open") + "\nunanswered:");
        int idLess = 0;
        for (int i = 0; i < batch.size(); i++) {
            String message = batch.get(i);
            if (message.contains("\"uuid\":\"f" + (start + i) + "\"")) {
                if (!answeredIds.contains("f" + (start + i))) {
                    out.append("\n  #").append(start + i).append(' ').append(abbreviate(message));
                }
            } else {
                idLess++;
            }
        }
        out.append("\n").append(withoutId).append(" answers without a uuid, to ").append(idLess).append(" messages that have none:");
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).contains("\"uuid\":\"f" + (start + i) + "\"")) {
                out.append("\n  #").append(start + i).append(' ').append(abbreviate(batch.get(i)));
            }
        }
        out.append("\nthe server's threads in its SockJS code: ").append(TokenServer.diagnostics());
        out.append("\nserver log since the test began:");
        log.records(80).forEach(line -> out.append("\n  ").append(line));
        return out.toString();
    }

    private static String abbreviate(String message) {
        String shown = message.length() > 120 ? message.substring(0, 120) + "... (" + message.length() + " characters)" : message;
        return Json.createValue(shown).toString();
    }

    @Test
    void oversizedMessagesCloseOnlyTheirSocket() throws Exception {
        try (TokenSocketClient good = TokenServer.client("alice").connect().toCompletableFuture().join();
             RawSocket hostile = new RawSocket()) {
            try {
                hostile.send("{\"rpc\":\"math.echo\",\"req\":\"" + "x".repeat(1024 * 1024) + "\",\"uuid\":\"big\"}");
            } catch (java.util.concurrent.CompletionException e) {
                // The server closed (1009) while the JDK client was still sending: it reports its own write failing.
            }
            int code = hostile.awaitClose();
            assertTrue(code == 1009 || code == 1006, "closed as too big (or seen as a broken connection): " + code);
            assertEquals(Json.createValue(3), good.rpc("math.add", Json.createObjectBuilder().add("a", 1).add("b", 2).build())
                    .toCompletableFuture().get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void callsBeforeAuthAreRefusedOneSocketAtATime() throws Exception {
        for (int i = 0; i < 50; i++) {
            try (RawSocket early = new RawSocket()) {
                early.send("{\"rpc\":\"math.add\",\"req\":{\"a\":1,\"b\":2},\"uuid\":\"e" + i + "\"}");
                assertEquals("{\"rpc\":\"math.add\",\"uuid\":\"e" + i + "\",\"error\":\"Forbidden\"}", early.next());
                assertEquals(4001, early.awaitClose());
            }
        }
    }
}
