package io.tokensockjs.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The way in: the token request, the SockJS session, the auth exchange, and each way they fail. */
class ConnectTest extends ClientTestSupport {

    @Test
    void fetchesATokenWithTheCredentialsThenAuthenticatesOnASockJsSession() throws Exception {
        Connected connected = connect(builder().cookie("JSESSIONID", "abc").header("Authorization", "Bearer xyz")
                .query("apiKey", "k 1&2"));
        FakeServer.Request token = server.awaitTokenRequest();
        assertEquals("/app/socket/token?apiKey=k+1%262", token.target());
        assertEquals("JSESSIONID=abc", token.header("Cookie"));
        assertEquals("Bearer xyz", token.header("Authorization"));
        assertEquals("application/json", token.header("Accept"));

        FakeServer.Request handshake = connected.socket().handshake();
        assertTrue(handshake.target().matches("/app/sockets/[0-9]{3}/[a-z0-5]{8}/websocket"), handshake.target());
        assertEquals("JSESSIONID=abc", handshake.header("Cookie"), "the handshake carries the session too (sticky balancers)");
        assertTrue(connected.client().isOpen());
    }

    @Test
    void theAuthMessageCarriesTheTokenAndAUuid() throws Exception {
        CompletionStage<TokenSocketClient> connecting = builder().connect();
        FakeSocket socket = server.awaitSocket();
        JsonObject auth = socket.next("auth");
        assertEquals("t1", auth.getString("token"));
        assertFalse(auth.getString("uuid").isEmpty());
        socket.answer(auth, Json.createValue("success"));
        await(connecting).close();
    }

    @Test
    void aRefusedTokenRequestIsATokenRequestExceptionWithTheServersReason() throws Exception {
        server.tokenAnswers(new FakeServer.TokenAnswer(403, "{\"error\":\"Forbidden\"}"));
        TokenRequestException refused = assertInstanceOf(TokenRequestException.class, failure(builder().connect()));
        assertEquals(403, refused.status());
        assertTrue(refused.isRefusal());
        assertTrue(refused.getMessage().endsWith("HTTP 403: Forbidden"), refused.getMessage());
        assertTrue(server.noSocketWaiting(), "no socket is opened without a token");
    }

    @Test
    void aFailingTokenRouteIsATokenRequestExceptionThatIsNoRefusal() throws Exception {
        server.tokenAnswers(new FakeServer.TokenAnswer(500, "<html>proxy error</html>"),
                new FakeServer.TokenAnswer(200, "{\"token\":42}"));
        TokenRequestException failed = assertInstanceOf(TokenRequestException.class, failure(builder().connect()));
        assertEquals(500, failed.status());
        assertFalse(failed.isRefusal());
        assertTrue(failed.getMessage().contains("<html>proxy error</html>"), failed.getMessage());

        TokenRequestException notAToken = assertInstanceOf(TokenRequestException.class, failure(builder().connect()));
        assertEquals(200, notAToken.status());
    }

    @Test
    void aTokenAnswerLargerThanAnyTokenIsNotRead() throws Exception {
        server.tokenAnswers(new FakeServer.TokenAnswer(200, "{\"token\":\"" + "x".repeat(TokenRequest.MAX_BODY) + "\"}"));
        TokenRequestException tooBig = assertInstanceOf(TokenRequestException.class, failure(builder().connect()));
        assertTrue(tooBig.getMessage().contains("larger than"), tooBig.getMessage());
    }

    @Test
    void anUnreachableTokenRouteIsATokenRequestExceptionWithoutStatus() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        TokenRequestException unreachable = assertInstanceOf(TokenRequestException.class,
                failure(TokenSocketClient.builder(URI.create("http://127.0.0.1:" + port + "/app")).timeout(Duration.ofSeconds(5)).connect()));
        assertEquals(0, unreachable.status());
    }

    @Test
    void aRefusedTokenOnTheSocketIsAnAuthenticationRefusedExceptionAndTheClientIsClosed() throws Exception {
        CompletionStage<TokenSocketClient> connecting = builder().connect();
        FakeSocket socket = server.awaitSocket();
        socket.error(socket.next("auth"), "Invalid token");
        AuthenticationRefusedException refused = assertInstanceOf(AuthenticationRefusedException.class, failure(connecting));
        assertEquals("Invalid token", refused.getMessage());
        assertEquals(Json.createValue("Invalid token"), refused.error());
        socket.awaitClientClose();
    }

    @Test
    void aGivenTokenIsUsedWithoutAskingTheTokenRoute() throws Exception {
        CompletionStage<TokenSocketClient> connecting = builder().connectWith("forged");
        FakeSocket socket = server.awaitSocket();
        assertEquals("forged", socket.acceptAuth());
        await(connecting).close();
        assertEquals(0, server.tokensIssued());
    }

    @Test
    void aRefusedWebSocketHandshakeIsAConnectionClosedException() throws Exception {
        server.refuseWebSockets();
        ConnectionClosedException refused = assertInstanceOf(ConnectionClosedException.class, failure(builder().connect()));
        assertEquals(CloseStatus.ABNORMAL, refused.status().code());
        assertTrue(refused.status().reason().startsWith("Cannot open ws://127.0.0.1:"), refused.status().reason());
    }

    @Test
    void aSessionClosedBeforeItOpensGivesTheServersCloseStatus() throws Exception {
        server.withoutOpenFrame();
        CompletionStage<TokenSocketClient> connecting = builder().connect();
        server.awaitSocket().close(2010, "Another connection still open");
        ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, failure(connecting));
        assertEquals(new CloseStatus(2010, "Another connection still open"), closed.status());
    }

    @Test
    void aServerThatNeverOpensTheSessionFailsTheConnectionAtTheTimeout() throws Exception {
        server.withoutOpenFrame();
        CompletionStage<TokenSocketClient> connecting = builder().timeout(Duration.ofMillis(300)).connect();
        FakeSocket socket = server.awaitSocket();
        ConnectionClosedException closed = assertInstanceOf(ConnectionClosedException.class, failure(connecting));
        assertTrue(closed.status().reason().startsWith("No SockJS open frame"), closed.status().reason());
        assertEquals(-1, socket.awaitClientClose(), "the socket was dropped");
    }

    @Test
    void anUnansweredAuthFailsAtTheTimeout() throws Exception {
        CompletionStage<TokenSocketClient> connecting = builder().timeout(Duration.ofMillis(300)).connect();
        server.awaitSocket().next("auth");
        CallTimeoutException timeout = assertInstanceOf(CallTimeoutException.class, failure(connecting));
        assertEquals("auth", timeout.rpc());
    }
}
