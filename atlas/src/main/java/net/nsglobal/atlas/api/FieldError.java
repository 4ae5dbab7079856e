package net.nsglobal.atlas.api;

/**
 * One entry of the API's {@code error.errors} array: {@code source.pointer} (RFC 6901 JSON Pointer into the request
 * body, e.g. {@code /definitions/0/target}) or {@code source.parameter} (a URL query parameter), and its detail.
 */
public record FieldError(String pointer, String parameter, String detail) {
    /** Where the error is: the pointer, else the parameter, else "?". */
    public String location() {
        return pointer != null ? pointer : parameter != null ? "?" + parameter : "?";
    }

    @Override
    public String toString() {
        return location() + ": " + detail;
    }
}
