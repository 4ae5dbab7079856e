package net.nsglobal.dns.zone;

/** A zone that cannot be compiled or loaded; the message names the zone and, for files, file:line and the reason. */
public class ZoneException extends Exception {
    public ZoneException(String message) {
        super(message);
    }

    public ZoneException(String message, Throwable cause) {
        super(message, cause);
    }
}
