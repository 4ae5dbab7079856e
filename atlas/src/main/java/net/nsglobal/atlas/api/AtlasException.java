package net.nsglobal.atlas.api;

/** A failure talking to RIPE Atlas (transport, timeout, cancellation or an API refusal). */
public class AtlasException extends RuntimeException {
    public AtlasException(String message) {
        super(message);
    }

    public AtlasException(String message, Throwable cause) {
        super(message, cause);
    }
}
