package io.tokensockjs.it.app.token;

/** The authentication data the test login attaches. */
public record User(String user, String role) {
}
