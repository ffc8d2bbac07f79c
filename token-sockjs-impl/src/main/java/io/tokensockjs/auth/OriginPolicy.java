package io.tokensockjs.auth;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides whether a token request comes from a page allowed to have the visitor's token.
 *
 * <p>A token endpoint that trusts the session cookie hands a token to whatever page makes the browser call it,
 * and JSONP lets any page do so. So a request is accepted when it is same-origin, when it carries no sign of a
 * browser page at all (a server-to-server client), or when its page's origin is in the allow-list; a cross-site
 * browser request from anywhere else is refused. The page's origin comes from {@code Origin}, else from
 * {@code Referer}; {@code Sec-Fetch-Site: cross-site} without either is refused too.
 */
public final class OriginPolicy {

    private final Set<String> allowed;

    /** @param allowedOrigins origins such as {@code https://app.example.com}; {@code *} allows every origin */
    public OriginPolicy(List<String> allowedOrigins) {
        this.allowed = allowedOrigins.stream().map(OriginPolicy::normalize).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param ownOrigin     this server's origin as the request reached it, {@code scheme://host[:port]}
     * @param origin        the {@code Origin} header, or null
     * @param referer       the {@code Referer} header, or null
     * @param secFetchSite  the {@code Sec-Fetch-Site} header, or null
     */
    public boolean allows(String ownOrigin, String origin, String referer, String secFetchSite) {
        String page = origin != null && !origin.isEmpty() ? origin : originOf(referer);
        if (page == null) {
            return !"cross-site".equalsIgnoreCase(secFetchSite);
        }
        String normalized = normalize(page);
        return normalized.equals(normalize(ownOrigin)) || allowed.contains(normalized) || allowed.contains("*");
    }

    /** Whether the page origin is a cross-origin one that the allow-list admits (it then gets CORS headers). */
    public boolean isAllowedCrossOrigin(String ownOrigin, String origin) {
        if (origin == null || origin.isEmpty()) {
            return false;
        }
        String normalized = normalize(origin);
        return !normalized.equals(normalize(ownOrigin)) && (allowed.contains(normalized) || allowed.contains("*"));
    }

    private static String originOf(String url) {
        if (url == null || url.isEmpty()) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Lower case, default ports dropped, no trailing slash. */
    static String normalize(String origin) {
        String value = origin.trim().toLowerCase(Locale.ROOT);
        if (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        if (value.startsWith("http://") && value.endsWith(":80")) {
            value = value.substring(0, value.length() - 3);
        } else if (value.startsWith("https://") && value.endsWith(":443")) {
            value = value.substring(0, value.length() - 4);
        }
        return value;
    }
}
