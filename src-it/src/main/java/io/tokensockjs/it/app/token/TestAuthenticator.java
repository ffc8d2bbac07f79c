package io.tokensockjs.it.app.token;

import io.tokensockjs.Authentication;
import io.tokensockjs.Authenticator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The test application's authentication: the default behaviour (the session attribute {@code auth}) plus two
 * switches the tests use: {@code fail=1} makes it throw, {@code anonymous=1} accepts with no data.
 */
@ApplicationScoped
public class TestAuthenticator implements Authenticator {

    @Override
    public Authentication authenticate(HttpServletRequest request) {
        if ("1".equals(request.getParameter("fail"))) {
            throw new IllegalStateException("authentication backend down (test switch)");
        }
        if ("1".equals(request.getParameter("anonymous"))) {
            return Authentication.accept();
        }
        HttpSession session = request.getSession(false);
        Object user = session == null ? null : session.getAttribute("auth");
        return user == null ? Authentication.refuse() : Authentication.accept(user);
    }
}
