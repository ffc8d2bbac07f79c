package io.tokensockjs.admin;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The dashboard: one page and its script and style, from the library's jar (no CDN), registered at the configured
 * path only while the admin API is on. The page holds no data: its script reads everything from the admin API with
 * the credential. With a role configured the page itself needs the role too; with only a bearer secret (which a
 * browser cannot send when it navigates) the empty page asks for the secret.
 */
public final class DashboardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final Map<String, String> ASSETS = Map.of(
            "/dashboard.js", "application/javascript; charset=utf-8",
            "/dashboard.css", "text/css; charset=utf-8");

    private final transient AdminAccess access;
    private final boolean pageNeedsRole;
    private final String page;
    private final Map<String, byte[]> assets;

    /**
     * @param pageNeedsRole whether the page itself is refused without the credential (a role is configured)
     */
    public DashboardServlet(AdminAccess access, boolean pageNeedsRole, String contextPath, String dashboardPath) {
        this.access = access;
        this.pageNeedsRole = pageNeedsRole;
        this.page = resource("dashboard.html")
                .replace("{{API}}", attribute(contextPath + AdminApplication.PATH))
                .replace("{{SELF}}", attribute(contextPath + dashboardPath));
        this.assets = Map.of("/dashboard.js", resource("dashboard.js").getBytes(StandardCharsets.UTF_8),
                "/dashboard.css", resource("dashboard.css").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AdminAccess.Decision decision = access.decide(request);
        if (decision == AdminAccess.Decision.OFF || (pageNeedsRole && decision != AdminAccess.Decision.ALLOWED)) {
            response.sendError(decision == AdminAccess.Decision.OFF ? 404 : decision.status());
            return;
        }
        String path = request.getPathInfo();
        byte[] body;
        String type;
        if (path == null || path.equals("/")) {
            body = page.getBytes(StandardCharsets.UTF_8);
            type = "text/html; charset=utf-8";
        } else if (ASSETS.containsKey(path)) {
            body = assets.get(path);
            type = ASSETS.get(path);
        } else {
            response.sendError(404);
            return;
        }
        response.setContentType(type);
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static String resource(String name) {
        try (InputStream in = DashboardServlet.class.getResourceAsStream("dashboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("The dashboard's " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Escapes a value for an HTML attribute in double quotes. */
    static String attribute(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
