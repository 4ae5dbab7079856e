package net.nsglobal.te.store;

/** A storage operation failed (the database refused or was unreachable); the message names the operation. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
