package io.tokensockjs.it.app.token;

import io.tokensockjs.Socket;
import io.tokensockjs.TokenSocketServer;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

/**
 * Test-only operations on the server: {@code /test-admin/events} (what the observers saw), {@code /test-admin/sockets} (count),
 * {@code /test-admin/cleanup?ms=N} (enable, 0 disables), {@code /test-admin/close?socket=ID} (the server closes that
 * socket, as a restart or a proxy would; 404 when there is no such socket), {@code /test-admin/shutdown}.
 */
@WebServlet("/test-admin/*")
public class TestAdminServlet extends HttpServlet {

    @Inject
    TokenSocketServer server;

    @Inject
    AuthenticationObserver observer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain; charset=UTF-8");
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
            case "/events" -> response.getWriter().write(String.join("\n", observer.events()));
            case "/sockets" -> response.getWriter().write(Integer.toString(server.sockets().size()));
            case "/cleanup" -> {
                long ms = Long.parseLong(request.getParameter("ms"));
                if (ms > 0) {
                    server.enableCleanup(Duration.ofMillis(ms));
                } else {
                    server.disableCleanup();
                }
                response.getWriter().write("ok");
            }
            case "/close" -> {
                Optional<Socket> socket = server.socket(String.valueOf(request.getParameter("socket")));
                if (socket.isPresent()) {
                    socket.get().close();
                    response.getWriter().write("ok");
                } else {
                    response.setStatus(404);
                }
            }
            case "/shutdown" -> {
                server.shutdown();
                response.getWriter().write("ok");
            }
            default -> response.setStatus(404);
        }
    }
}
