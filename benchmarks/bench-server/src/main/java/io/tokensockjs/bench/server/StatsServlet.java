package io.tokensockjs.bench.server;

import io.tokensockjs.TokenSocketServer;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code GET /bench/bench/stats}: what the load generator reads of the server, in the same shape as the Node
 * baseline's: {@code {"server":"liberty","java":17,"pid":1234,"heapUsed":...,"rss":...,"sockets":20000}}.
 * {@code server} names the runtime the WAR runs on ({@code liberty} or {@code payara}) and {@code java} the
 * JDK's feature release, so that every result line says which runtime on which Java it measured.
 * {@code heapUsed} is measured after full collections; the pid lets the load generator read the server's CPU
 * time from /proc. A benchmark application only: no production server should let a client force collections.
 */
@WebServlet("/bench/stats")
public class StatsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** A single System.gc() may leave garbage that reference processing frees only in the next. */
    private static final int GC_ROUNDS = 3;

    @Inject
    transient TokenSocketServer server;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String json = "{\"server\":\"" + runtime() + "\",\"java\":" + Runtime.version().feature()
                + ",\"pid\":" + ProcessHandle.current().pid()
                + ",\"heapUsed\":" + heapUsedAfterGc()
                + ",\"rss\":" + residentBytes()
                + ",\"sockets\":" + server.sockets().size() + "}";
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Payara names itself in the server info; Open Liberty's launcher sets wlp.install.dir. */
    private String runtime() {
        if (getServletContext().getServerInfo().contains("Payara")) {
            return "payara";
        }
        return System.getProperty("wlp.install.dir") != null ? "liberty" : "java";
    }

    private static long heapUsedAfterGc() {
        for (int i = 0; i < GC_ROUNDS; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmRSS from /proc/self/status, in bytes; -1 where there is no /proc. */
    private static long residentBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return -1;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }
}
