package io.tokensockjs.it.app.token;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/** {@code /test/login?user=NAME[&role=ROLE]} puts a user in the HTTP session; {@code /test/logout} ends it. */
@WebServlet({"/test/login", "/test/logout"})
public class LoginServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().endsWith("logout")) {
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        } else {
            String user = request.getParameter("user");
            String role = request.getParameter("role");
            request.getSession(true).setAttribute("auth", Map.of("user", user == null ? "anonymous" : user,
                    "role", role == null ? "user" : role));
        }
        response.setContentType("text/plain");
        response.getWriter().write("ok");
    }
}
