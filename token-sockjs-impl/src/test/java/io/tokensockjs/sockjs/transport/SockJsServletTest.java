package io.tokensockjs.sockjs.transport;

import io.tokensockjs.sockjs.SockJsConnection;
import io.tokensockjs.sockjs.SockJsHandler;
import io.tokensockjs.sockjs.SockJsOptions;
import io.tokensockjs.sockjs.session.SockJsService;
import io.tokensockjs.sockjs.transport.ServletFakes.FakeRequest;
import io.tokensockjs.sockjs.transport.ServletFakes.FakeResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The servlet of a service at {@code /ctx/echo}, on fakes of the servlet objects: status, headers and exact bytes. */
class SockJsServletTest {

    private static final String NO_CACHE = "no-store, no-cache, no-transform, must-revalidate, max-age=0";
    private static final String JAVASCRIPT = "application/javascript; charset=UTF-8";

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final SockJsHandler echo = new SockJsHandler() {
        @Override
        public void onMessage(SockJsConnection connection, String message) {
            received.add(message);
            connection.write(message);
        }
    };

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private SockJsServlet servlet(SockJsOptions options) {
        Executor closer = Runnable::run;
        return new SockJsServlet(new SockJsService("echo", options, echo, scheduler, closer, System::nanoTime));
    }

    private SockJsServlet servlet() {
        return servlet(SockJsOptions.defaults("/echo").withResponseLimit(4096));
    }

    private static FakeResponse serve(SockJsServlet servlet, FakeRequest request) throws Exception {
        FakeResponse response = new FakeResponse();
        servlet.service(request.request(), response.response());
        if (request.async != null) {
            assertTrue(request.async.awaitComplete(), "the response ended");
        }
        return response;
    }

    @Test
    void greetingAndInfo() throws Exception {
        SockJsServlet servlet = servlet();
        FakeResponse greeting = serve(servlet, new FakeRequest("GET", "/ctx/echo"));
        assertEquals(200, greeting.status);
        assertEquals("text/plain; charset=UTF-8", greeting.header("Content-Type"));
        assertEquals("Welcome to SockJS!\n", greeting.body());

        FakeResponse info = serve(servlet, new FakeRequest("GET", "/ctx/echo/info").header("Origin", "http://page"));
        assertEquals("application/json; charset=UTF-8", info.header("Content-Type"));
        assertEquals(NO_CACHE, info.header("Cache-Control"));
        assertEquals("http://page", info.header("Access-Control-Allow-Origin"));
        assertEquals("true", info.header("Access-Control-Allow-Credentials"));
        assertTrue(info.body().matches("\\{\"websocket\":true,\"origins\":\\[\"\\*:\\*\"],\"cookie_needed\":false,\"entropy\":\\d+}"),
                info.body());
    }

    @Test
    void xhrPollingOpensThenCarriesWhatWasSent() throws Exception {
        SockJsServlet servlet = servlet();
        FakeResponse open = serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s1/xhr"));
        assertEquals(200, open.status);
        assertEquals(JAVASCRIPT, open.header("Content-Type"));
        assertEquals(NO_CACHE, open.header("Cache-Control"));
        assertEquals("*", open.header("Access-Control-Allow-Origin"));
        assertNull(open.header("Set-Cookie"), "no JSESSIONID unless the option asks for it");
        assertEquals("o\n", open.body());

        FakeResponse sent = serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s1/xhr_send").body("[\"a\",\"b\\\"c\"]"));
        assertEquals(204, sent.status);
        assertEquals("text/plain; charset=UTF-8", sent.header("Content-Type"));
        assertEquals("", sent.body());
        assertEquals(List.of("a", "b\"c"), received);

        FakeResponse poll = serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s1/xhr"));
        assertEquals("a[\"a\",\"b\\\"c\"]\n", poll.body());
    }

    @Test
    void xhrStreamingWritesItsPreludeThenEachFrameAsAChunkUntilTheResponseLimit() throws Exception {
        // The limit counts frames, not the prelude: "o\n" stays under 5 bytes, the message frame passes it.
        SockJsServlet servlet = servlet(SockJsOptions.defaults("/echo").withResponseLimit(5));
        FakeRequest request = new FakeRequest("POST", "/ctx/echo/000/s2/xhr_streaming");
        FakeResponse stream = new FakeResponse();
        servlet.service(request.request(), stream.response());
        assertTrue(stream.committed, "headers go out before the body");
        serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s2/xhr_send").body("[\"x\"]"));
        assertTrue(request.async.awaitComplete(), "the response ended at the limit");
        assertEquals(JAVASCRIPT, stream.header("Content-Type"));
        assertEquals(List.of("h".repeat(2048) + "\n", "o\n", "a[\"x\"]\n"), stream.out.chunks);
    }

    @Test
    void eventSourceFramesAreServerSentEvents() throws Exception {
        SockJsServlet servlet = servlet(SockJsOptions.defaults("/echo").withResponseLimit(10));
        FakeResponse events = serve(servlet, new FakeRequest("GET", "/ctx/echo/000/s3/eventsource"));
        assertEquals("text/event-stream", events.header("Content-Type"));
        assertEquals(List.of("\r\n", "data: o\r\n\r\n"), events.out.chunks);
    }

    @Test
    void jsonpNeedsAValidCallbackAndCallsIt() throws Exception {
        SockJsServlet servlet = servlet();
        FakeResponse missing = serve(servlet, new FakeRequest("GET", "/ctx/echo/000/s4/jsonp"));
        assertEquals(500, missing.status);
        assertEquals("\"callback\" parameter required", missing.body());
        FakeResponse invalid = serve(servlet, new FakeRequest("GET", "/ctx/echo/000/s4/jsonp?c=alert(1)"));
        assertEquals(500, invalid.status);
        assertEquals("invalid \"callback\" parameter", invalid.body());

        FakeResponse open = serve(servlet, new FakeRequest("GET", "/ctx/echo/000/s4/jsonp?c=cb.x-1"));
        assertEquals(JAVASCRIPT, open.header("Content-Type"));
        assertEquals("/**/cb.x-1(\"o\");\r\n", open.body());

        FakeResponse sent = serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s4/jsonp_send")
                .header("Content-Type", "application/x-www-form-urlencoded").body("d=%5B%22m%22%5D"));
        assertEquals(200, sent.status);
        assertEquals("ok", sent.body());
        assertEquals("/**/cb.x-1(\"a[\\\"m\\\"]\");\r\n", serve(servlet, new FakeRequest("GET", "/ctx/echo/000/s4/jsonp?c=cb.x-1")).body());
    }

    @Test
    void htmlfileStartsWithItsPageAndWrapsFramesInScripts() throws Exception {
        SockJsServlet servlet = servlet(SockJsOptions.defaults("/echo").withResponseLimit(10));
        FakeResponse page = serve(servlet, new FakeRequest("GET", "/ctx/echo/000/s5/htmlfile?c=cb"));
        assertEquals("text/html; charset=UTF-8", page.header("Content-Type"));
        assertEquals(2, page.out.chunks.size());
        assertTrue(page.out.chunks.get(0).contains("var c = parent.cb;"), page.out.chunks.get(0));
        assertTrue(page.out.chunks.get(0).length() > 1024, "padded past 1 KiB");
        assertEquals("<script>\np(\"o\");\n</script>\r\n", page.out.chunks.get(1));
    }

    @Test
    void sendingRequestsAnswerTheirErrorsExactly() throws Exception {
        SockJsServlet servlet = servlet(SockJsOptions.defaults("/echo").withMaxMessageSize(16));
        FakeResponse unknown = serve(servlet, new FakeRequest("POST", "/ctx/echo/000/nobody/xhr_send").body("[\"a\"]"));
        assertEquals(404, unknown.status);
        assertEquals("Not found\n", unknown.body());

        serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s6/xhr"));
        FakeResponse empty = serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s6/xhr_send"));
        assertEquals(500, empty.status);
        assertEquals("Payload expected.", empty.body());
        FakeResponse broken = serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s6/xhr_send").body("[\"a"));
        assertEquals(500, broken.status);
        assertEquals("Broken JSON encoding.", broken.body());
        FakeResponse tooBig = serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s6/xhr_send").body("[\"0123456789abcdef\"]"));
        assertEquals(413, tooBig.status);
        assertEquals("Payload too large.", tooBig.body());
        assertEquals("c[1009,\"Message too big\"]\n", serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s6/xhr")).body());
    }

    @Test
    void wrongMethodsAndPreflights() throws Exception {
        SockJsServlet servlet = servlet();
        FakeResponse wrong = serve(servlet, new FakeRequest("GET", "/ctx/echo/000/s7/xhr"));
        assertEquals(405, wrong.status);
        assertEquals("OPTIONS, POST", wrong.header("Allow"));
        assertEquals("", wrong.body());

        FakeResponse preflight = serve(servlet, new FakeRequest("OPTIONS", "/ctx/echo/000/s7/xhr_send")
                .header("Origin", "http://page").header("Access-Control-Request-Headers", "x-a"));
        assertEquals(204, preflight.status);
        assertEquals("OPTIONS, POST", preflight.header("Access-Control-Allow-Methods"));
        assertEquals("31536000", preflight.header("Access-Control-Max-Age"));
        assertEquals("x-a", preflight.header("Access-Control-Allow-Headers"));
        assertEquals("http://page", preflight.header("Access-Control-Allow-Origin"));

        FakeResponse plainGet = serve(servlet, new FakeRequest("GET", "/ctx/echo/000/s7/websocket"));
        assertEquals(400, plainGet.status);
        assertEquals("Can \"Upgrade\" only to \"WebSocket\".", plainGet.body());
    }

    @Test
    void jsessionidOptionEchoesTheClientsCookieOrSetsADummy() throws Exception {
        SockJsServlet servlet = servlet(SockJsOptions.defaults("/echo").withJsessionid(true));
        assertEquals("JSESSIONID=dummy; Path=/", serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s8/xhr")).header("Set-Cookie"));
        assertEquals("JSESSIONID=abc; Path=/", serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s9/xhr")
                .header("Cookie", "JSESSIONID=abc")).header("Set-Cookie"));
        assertEquals("JSESSIONID=dummy; Path=/", serve(servlet, new FakeRequest("POST", "/ctx/echo/000/s10/xhr")
                .header("Cookie", "JSESSIONID=a\r\nb")).header("Set-Cookie"), "no header splitting through the cookie");
    }

    @Test
    void disableCorsLeavesEveryCorsGrantOut() throws Exception {
        SockJsServlet servlet = servlet(SockJsOptions.defaults("/echo").withDisableCors(true));
        FakeResponse info = serve(servlet, new FakeRequest("GET", "/ctx/echo/info").header("Origin", "http://page"));
        FakeResponse poll = serve(servlet, new FakeRequest("POST", "/ctx/echo/000/c1/xhr").header("Origin", "http://page"));
        FakeResponse preflight = serve(servlet, new FakeRequest("OPTIONS", "/ctx/echo/000/c1/xhr")
                .header("Origin", "http://page").header("Access-Control-Request-Headers", "x-a"));
        for (FakeResponse response : List.of(info, poll, preflight)) {
            for (String header : List.of("access-control-allow-origin", "access-control-allow-credentials",
                    "access-control-allow-headers")) {
                assertNull(response.header(header), header);
            }
        }
        assertEquals("o\n", poll.body());
        assertEquals(204, preflight.status);
        assertEquals("OPTIONS, POST", preflight.header("Access-Control-Allow-Methods"), "as sockjs-node still says");
    }

    @Test
    void aJsessionidFunctionSetsTheCookieInsteadOfTheDefault() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        SockJsServlet servlet = servlet(SockJsOptions.defaults("/echo").withJsessionidFunction((request, response) -> {
            calls.add(request.getRequestURI());
            response.addHeader("Set-Cookie", "ROUTE=node-7; Path=/");
        }));
        FakeResponse poll = serve(servlet, new FakeRequest("POST", "/ctx/echo/000/j1/xhr"));
        assertEquals("ROUTE=node-7; Path=/", poll.header("Set-Cookie"));
        FakeResponse sent = serve(servlet, new FakeRequest("POST", "/ctx/echo/000/j1/xhr_send").body("[\"a\"]"));
        assertEquals("ROUTE=node-7; Path=/", sent.header("Set-Cookie"));
        assertEquals(List.of("/ctx/echo/000/j1/xhr", "/ctx/echo/000/j1/xhr_send"), calls);
        assertTrue(serve(servlet, new FakeRequest("GET", "/ctx/echo/info")).body().contains("\"cookie_needed\":true"),
                "a function counts as the option being on");
    }

    @Test
    void aLogFunctionGetsTheServicesLinesWithTheirSeverity() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        SockJsServlet servlet = servlet(SockJsOptions.defaults("/echo").withMaxMessageSize(4)
                .withLogFunction((severity, message) -> lines.add(severity + " " + message)));
        serve(servlet, new FakeRequest("POST", "/ctx/echo/000/l1/xhr"));
        serve(servlet, new FakeRequest("POST", "/ctx/echo/000/l1/xhr_send").body("[\"too long\"]"));
        scheduler.submit(() -> { }).get();
        assertTrue(lines.stream().anyMatch(line -> line.matches("INFO SockJS session \\S+: payload over 4 bytes; closing it")), lines::toString);
        assertTrue(lines.stream().anyMatch(line -> line.matches("DEBUG SockJS session \\S+ \\(/echo\\) closed: 1009 Message too big")),
                lines::toString);
    }
}
