package io.tokensockjs.admin;

/**
 * The server holding a socket did not answer within the cluster timeout (or answered with an error): the admin API
 * answers 504 naming it, rather than claiming the socket does not exist.
 */
public class ServerUnansweredException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String server;

    public ServerUnansweredException(String server) {
        super("Server " + server + " did not answer", null, false, false);
        this.server = server;
    }

    public String server() {
        return server;
    }
}
