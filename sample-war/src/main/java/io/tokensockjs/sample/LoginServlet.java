package io.tokensockjs.sample;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for real authentication: {@code POST /login} with a name and a role puts the user in the HTTP session
 * (as the map the default token authentication reads from the attribute {@code auth}); {@code /logout} ends it.
 */
@WebServlet({"/login", "/logout"})
public class LoginServlet extends HttpServlet {

    private static final Set<String> ROLES = Set.of("admin", "member", "guest");

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().equals("/logout")) {
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        } else {
            String name = clean(request.getParameter("name"));
            String role = ROLES.contains(request.getParameter("role")) ? request.getParameter("role") : "guest";
            if (name.isEmpty()) {
                response.sendRedirect(request.getContextPath() + "/?error=name");
                return;
            }
            if (request.getSession(false) != null) {
                // A new id on login, so that a session id planted before it is worth nothing after it.
                request.changeSessionId();
            }
            request.getSession(true).setAttribute("auth", Map.of("name", name, "role", role,
                    "email", name.toLowerCase().replaceAll("[^a-z0-9]", "") + "@example.com"));
        }
        response.sendRedirect(request.getContextPath() + "/");
    }

    private static String clean(String name) {
        if (name == null) {
            return "";
        }
        String trimmed = name.strip();
        return trimmed.length() > 32 ? trimmed.substring(0, 32) : trimmed;
    }
}
