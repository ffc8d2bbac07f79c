package io.tokensockjs.it.diagnostics;

import io.tokensockjs.cdi.SockJsEndpointInstaller;
import io.tokensockjs.sockjs.session.SockJsService;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /it/diagnostics}: what the hostile-input tests watch to see that abuse leaves nothing behind. Part
 * of the test application only, never of the library: it forces full garbage collections and walks every
 * thread's stack, which no production server should let a client do.
 *
 * <pre>{@code
 * {"heapUsedAfterGc":123456,"heapMax":987654,"threads":80,
 *  "threadsInSockJs":["Default Executor-thread-12 WAITING at HttpReceiver.writeOut:231 entered at HttpReceiver.writeOut:231"],
 *  "sessions":{"echo":0,"close":0,"limited_echo":2}}
 * }</pre>
 * {@code redisSubscriberThreads} counts the threads running the Redis broker's subscriber loop (one while a Redis
 * broker is open, none with the in-memory broker): a reconnect that left its old thread behind would show here.
 * {@code threadsInSockJs} lists the threads other than this request's whose stack is in the SockJS server
 * right now, with the innermost and the outermost frame of the server's code: where the thread waits, and
 * through which entry point (a request, the timer, a response writer) it came in.
 */
@WebServlet("/diagnostics")
public class DiagnosticsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String SOCKJS_PACKAGE = "io.tokensockjs.sockjs.";
    private static final String REDIS_BROKER = "io.tokensockjs.pubsub.RedisBroker";
    /** Collections asked for: a single System.gc() may leave garbage that finalisation or references freed. */
    private static final int GC_ROUNDS = 3;

    @Inject
    transient SockJsEndpointInstaller installer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder json = new StringBuilder("{");
        json.append("\"heapUsedAfterGc\":").append(heapUsedAfterGc());
        json.append(",\"heapMax\":").append(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax());
        json.append(",\"threads\":").append(ManagementFactory.getThreadMXBean().getThreadCount());
        json.append(",\"redisSubscriberThreads\":").append(redisSubscriberThreads());
        json.append(",\"threadsInSockJs\":[");
        List<String> busy = threadsInSockJs();
        for (int i = 0; i < busy.size(); i++) {
            json.append(i == 0 ? "" : ",").append(quote(busy.get(i)));
        }
        json.append("],\"sessions\":{");
        List<SockJsService> services = installer.services();
        for (int i = 0; i < services.size(); i++) {
            SockJsService service = services.get(i);
            json.append(i == 0 ? "" : ",").append(quote(service.name())).append(':').append(service.sessions().size());
        }
        json.append("}}");
        byte[] body = json.toString().getBytes(StandardCharsets.UTF_8);
        response.setStatus(200);
        response.setHeader("Content-Type", "application/json; charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static long heapUsedAfterGc() {
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static int redisSubscriberThreads() {
        int count = 0;
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            for (StackTraceElement frame : info == null ? new StackTraceElement[0] : info.getStackTrace()) {
                if (frame.getClassName().equals(REDIS_BROKER) && frame.getMethodName().equals("subscribeUntilClosed")) {
                    count++;
                    break;
                }
            }
        }
        return count;
    }

    private static List<String> threadsInSockJs() {
        long self = Thread.currentThread().getId();
        List<String> busy = new ArrayList<>();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (info == null || info.getThreadId() == self) {
                continue;
            }
            StackTraceElement innermost = null;
            StackTraceElement outermost = null;
            for (StackTraceElement frame : info.getStackTrace()) {
                if (frame.getClassName().startsWith(SOCKJS_PACKAGE)) {
                    innermost = innermost == null ? frame : innermost;
                    outermost = frame;
                }
            }
            if (innermost != null) {
                busy.add(info.getThreadName() + " " + info.getThreadState() + " at " + method(innermost)
                        + " entered at " + method(outermost));
            }
        }
        return busy;
    }

    private static String method(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName() + ":" + frame.getLineNumber();
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
