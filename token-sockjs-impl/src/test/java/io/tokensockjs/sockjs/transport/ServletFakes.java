package io.tokensockjs.sockjs.transport;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Hand-written fakes of the servlet objects the SockJS servlet touches: no container can run in a unit test. Each is
 * a plain object; {@link #request()} and {@link #response()} present them as the servlet interfaces, and any method
 * the fakes do not implement throws, so a test notices when the servlet starts relying on something new.
 */
final class ServletFakes {

    private ServletFakes() {
    }

    /** A request: method, raw URI under the context root {@code /ctx}, query, headers, body, peer. */
    static final class FakeRequest {
        final String method;
        final String uri;
        String query;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        String remoteAddr = "127.0.0.1";
        int remotePort = 50123;
        FakeAsync async;

        FakeRequest(String method, String uri) {
            this.method = method;
            int question = uri.indexOf('?');
            this.uri = question < 0 ? uri : uri.substring(0, question);
            this.query = question < 0 ? null : uri.substring(question + 1);
        }

        FakeRequest header(String name, String value) {
            headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(value);
            return this;
        }

        FakeRequest body(String text) {
            body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        HttpServletRequest request() {
            return (HttpServletRequest) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getRequestURI" -> uri;
                        case "getContextPath" -> "/ctx";
                        case "getQueryString" -> query;
                        case "getHeader" -> {
                            List<String> values = headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                            yield values == null ? null : values.get(0);
                        }
                        case "getHeaders" -> Collections.enumeration(
                                headers.getOrDefault(((String) args[0]).toLowerCase(Locale.ROOT), List.of()));
                        case "getContentType" -> headers.containsKey("content-type") ? headers.get("content-type").get(0) : null;
                        case "getContentLengthLong" -> (long) body.length;
                        case "getInputStream" -> new FakeInput(body);
                        case "getCookies" -> cookies();
                        case "getRemoteAddr" -> remoteAddr;
                        case "getRemotePort" -> remotePort;
                        case "startAsync" -> {
                            async = new FakeAsync();
                            yield async.context();
                        }
                        case "toString" -> method + " " + uri;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException("the fake request has no " + m.getName());
                    });
        }

        private Cookie[] cookies() {
            List<String> values = headers.get("cookie");
            if (values == null) {
                return null;
            }
            List<Cookie> cookies = new ArrayList<>();
            for (String pair : values.get(0).split(";\\s*")) {
                int equals = pair.indexOf('=');
                cookies.add(new Cookie(pair.substring(0, equals), pair.substring(equals + 1)));
            }
            return cookies.toArray(Cookie[]::new);
        }
    }

    /** A response: status, headers in order, the bytes written and each flush's boundary. */
    static final class FakeResponse {
        int status = 200;
        final Map<String, List<String>> headers = new LinkedHashMap<>();
        final FakeOutput out = new FakeOutput();
        boolean committed;

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : String.join(" | ", values);
        }

        String body() {
            return out.text();
        }

        HttpServletResponse response() {
            return (HttpServletResponse) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "setStatus" -> {
                            status = (Integer) args[0];
                            yield null;
                        }
                        case "getStatus" -> status;
                        case "setHeader" -> {
                            headers.put(((String) args[0]).toLowerCase(Locale.ROOT), new ArrayList<>(List.of((String) args[1])));
                            yield null;
                        }
                        case "addHeader" -> {
                            headers.computeIfAbsent(((String) args[0]).toLowerCase(Locale.ROOT), key -> new ArrayList<>())
                                    .add((String) args[1]);
                            yield null;
                        }
                        case "setContentLength" -> {
                            headers.put("content-length", new ArrayList<>(List.of(String.valueOf(args[0]))));
                            yield null;
                        }
                        case "getOutputStream" -> out;
                        case "flushBuffer" -> {
                            committed = true;
                            yield null;
                        }
                        case "isCommitted" -> committed;
                        case "toString" -> "response " + status;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException("the fake response has no " + m.getName());
                    });
        }
    }

    /**
     * The response body. Ready at once, as a container is once the response is committed: the write listener is told
     * so as soon as it is set. Each flush marks the end of one chunk.
     */
    static class FakeOutput extends ServletOutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<String> chunks = new CopyOnWriteArrayList<>();
        private int flushedUpTo;
        volatile boolean ready = true;
        volatile WriteListener listener;

        @Override
        public boolean isReady() {
            return ready;
        }

        @Override
        public void setWriteListener(WriteListener writeListener) {
            listener = writeListener;
            try {
                writeListener.onWritePossible();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public synchronized void write(int b) {
            bytes.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            byte[] all = bytes.toByteArray();
            chunks.add(new String(all, flushedUpTo, all.length - flushedUpTo, StandardCharsets.UTF_8));
            flushedUpTo = all.length;
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** The request body. */
    static final class FakeInput extends ServletInputStream {
        private final ByteArrayInputStream in;

        FakeInput(byte[] body) {
            in = new ByteArrayInputStream(body);
        }

        @Override
        public boolean isFinished() {
            return in.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener readListener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read() {
            return in.read();
        }
    }

    /** An asynchronous request: its listeners hear of completion, which a test can wait for. */
    static final class FakeAsync {
        final List<AsyncListener> listeners = new CopyOnWriteArrayList<>();
        final CountDownLatch completed = new CountDownLatch(1);
        long timeout = -1;

        boolean awaitComplete() throws InterruptedException {
            return completed.await(5, TimeUnit.SECONDS);
        }

        AsyncContext context() {
            return (AsyncContext) Proxy.newProxyInstance(ServletFakes.class.getClassLoader(),
                    new Class<?>[] {AsyncContext.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "addListener" -> {
                            listeners.add((AsyncListener) args[0]);
                            yield null;
                        }
                        case "setTimeout" -> {
                            timeout = (Long) args[0];
                            yield null;
                        }
                        case "complete" -> {
                            if (completed.getCount() == 0) {
                                throw new IllegalStateException("completed twice");
                            }
                            completed.countDown();
                            for (AsyncListener listener : listeners) {
                                listener.onComplete(new AsyncEvent((AsyncContext) proxy));
                            }
                            yield null;
                        }
                        // AsyncEvent asks for them; the receiver never uses them.
                        case "getRequest", "getResponse" -> null;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString" -> "async context";
                        default -> throw new UnsupportedOperationException("the fake async context has no " + m.getName());
                    });
        }
    }
}
