package net.nsglobal.atlas.api;

/** The caller cancelled the client (or interrupted its thread) while a request or a result stream was in flight. */
public final class AtlasCancelledException extends AtlasException {
    public AtlasCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
