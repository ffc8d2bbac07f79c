package io.tokensockjs.bench.server;

import io.tokensockjs.TokenSocketServer;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /bench/presence?channel=C}: how many sockets the cluster's presence holds on the channel, as this server
 * reads it ({@code {"presence":N}}), for the presence scenario of bench-load.
 */
@WebServlet("/bench/presence")
public class PresenceServlet extends HttpServlet {

    @Inject
    TokenSocketServer server;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String channel = request.getParameter("channel");
        if (channel == null || channel.isEmpty()) {
            response.sendError(400, "channel is required");
            return;
        }
        response.setContentType("application/json");
        response.getWriter().write("{\"presence\":" + server.presence(channel).size() + "}");
    }
}
