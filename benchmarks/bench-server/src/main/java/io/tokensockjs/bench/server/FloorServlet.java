package io.tokensockjs.bench.server;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /bench/floor-servlet/ping}: the same constant as {@link PingResource} from a plain servlet, the HTTP
 * floor of the server without JAX-RS ({@code bench.sh once liberty token --path /floor-servlet/ping}).
 */
@WebServlet("/floor-servlet/ping")
public class FloorServlet extends HttpServlet {

    private static final byte[] PONG = "{\"pong\":true}".getBytes(StandardCharsets.UTF_8);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setContentLength(PONG.length);
        response.getOutputStream().write(PONG);
    }
}
