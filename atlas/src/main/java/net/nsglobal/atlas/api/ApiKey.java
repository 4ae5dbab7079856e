package net.nsglobal.atlas.api;

import java.util.Objects;

/**
 * A RIPE Atlas API key. The secret leaves this object only as the value of the {@code Authorization: Key …} header;
 * {@link #toString()} is redacted so the key cannot reach a log line or an exception message by accident.
 */
public final class ApiKey {
    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    /** @throws IllegalArgumentException if the key is blank (the message never repeats the value). */
    public static ApiKey of(String secret) {
        Objects.requireNonNull(secret, "atlas: API key");
        String trimmed = secret.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("atlas: API key is empty");
        }
        return new ApiKey(trimmed);
    }

    /** The header value RIPE Atlas expects (REST API manual, "API keys": {@code Authorization: Key <uuid>}). */
    String authorizationHeader() {
        return "Key " + secret;
    }

    @Override
    public String toString() {
        return "ApiKey[redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && other.secret.equals(secret);
    }

    @Override
    public int hashCode() {
        return secret.hashCode();
    }
}
