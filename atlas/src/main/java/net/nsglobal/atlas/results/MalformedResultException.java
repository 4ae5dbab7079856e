package net.nsglobal.atlas.results;

/** One result object could not be read; the stream parser counts and skips it. Never escapes the parser. */
final class MalformedResultException extends RuntimeException {
    MalformedResultException(String message) {
        super(message, null, false, false);
    }
}
