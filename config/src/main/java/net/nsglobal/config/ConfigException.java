package net.nsglobal.config;

/** A configuration that cannot be used; the message always names the offending key (e.g. {@code server.listen[1]}). */
public final class ConfigException extends Exception {
    private final String key;

    public ConfigException(String key, String reason) {
        super("config: " + key + ": " + reason);
        this.key = key;
    }

    /** The dotted path of the setting at fault, e.g. {@code limits.records-per-zone}. */
    public String key() { return key; }
}
