package net.nsglobal.atlas.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The RIPE Atlas API refused a request (4xx, or 5xx/429 after retries). Carries the API's own words: the
 * {@code error.detail}, {@code error.title} and the field pointers of {@code error.errors}
 * (REST API manual, "Error Handling"). The message never contains the API key: requests are described by method
 * and path only.
 */
public final class AtlasApiException extends AtlasException {
    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public AtlasApiException(String request, int status, String title, String detail, List<FieldError> errors) {
        this(request, status, title, detail, errors, null);
    }

    /** @param advice what the operator should do next (e.g. how to check whether a POST took effect), or null */
    public AtlasApiException(String request, int status, String title, String detail, List<FieldError> errors,
                             String advice) {
        super(message(request, status, title, detail, errors) + (advice == null ? "" : "; " + advice));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    private static String message(String request, int status, String title, String detail, List<FieldError> errors) {
        StringBuilder sb = new StringBuilder("atlas: ").append(request).append(" -> HTTP ").append(status);
        if (title != null) {
            sb.append(' ').append(title);
        }
        if (detail != null) {
            sb.append(": ").append(detail);
        }
        if (!errors.isEmpty()) {
            sb.append(" [").append(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")))
                    .append(']');
        }
        return sb.toString();
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** The same refusal, with advice appended to the message. */
    AtlasApiException withAdvice(String request, String advice) {
        return new AtlasApiException(request, status, title, detail, errors, advice);
    }
}
