package net.nsglobal.config;

import java.nio.file.Path;

/**
 * A configuration that cannot be used; the message always names the offending key (e.g. {@code server.listen[1]}),
 * and, once {@link #in located}, the file and line: {@code control-plane.yaml:12: control-plane.limits.window: …}.
 */
public final class ConfigException extends Exception {
    private final String key;
    private final String reason;

    public ConfigException(String key, String reason) {
        this(key, reason, "config: " + key + ": " + reason);
    }

    private ConfigException(String key, String reason, String message) {
        super(message);
        this.key = key;
        this.reason = reason;
    }

    /** The dotted path of the setting at fault, e.g. {@code limits.records-per-zone}. */
    public String key() { return key; }

    /** What is wrong, without the key. */
    public String reason() { return reason; }

    /** The same error, its message now {@code FILE:LINE: key: reason} ({@code line} ≤ 0 = unknown, left out). */
    public ConfigException in(Path file, int line) {
        return new ConfigException(key, reason, file + (line > 0 ? ":" + line : "") + ": " + key + ": " + reason);
    }
}
