package io.tokensockjs.client;

/**
 * Why something the client was asked to do failed. Every failure of {@link TokenSocketClient} is one of the
 * subclasses, so callers can tell them apart by type: {@link TokenRequestException},
 * {@link AuthenticationRefusedException}, {@link ServerErrorException}, {@link CallTimeoutException},
 * {@link TooManyPendingCallsException} and {@link ConnectionClosedException}.
 */
public abstract class TokenSocketException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected TokenSocketException(String message, Throwable cause) {
        super(message, cause);
    }
}
