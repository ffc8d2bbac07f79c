package io.tokensockjs.sample;

/**
 * Who is logged in: the HTTP session attribute {@code auth}, which the default authentication attaches to the
 * socket.
 *
 * @param name  the display name
 * @param role  {@code admin}, {@code member} or {@code guest}
 * @param email shown to admins only (see {@link HideEmailFilter})
 */
public record User(String name, String role, String email) {

    public boolean isAdmin() {
        return "admin".equals(role);
    }
}
