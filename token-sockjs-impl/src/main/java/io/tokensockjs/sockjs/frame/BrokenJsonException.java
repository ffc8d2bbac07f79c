package io.tokensockjs.sockjs.frame;

/** A client sent a payload that is not the JSON SockJS expects (an array of strings, or one string). */
public final class BrokenJsonException extends Exception {

    public BrokenJsonException(String message) {
        super(message, null, false, false);
    }
}
