package net.nsglobal.config;

/**
 * One entry of a module's declarative config schema (e.g. dns-node's {@code dns.config.Schema}): its YAML key
 * (relative to its section), its type, its default ({@code null} = unset), whether it must be given, and what it means
 * (the reference doc is written from these).
 */
public record Setting<T>(String key, Kind<T> kind, T defaultValue, boolean required, String doc) {
    public static <T> Setting<T> optional(String key, Kind<T> kind, T defaultValue, String doc) {
        return new Setting<>(key, kind, defaultValue, false, doc);
    }

    public static <T> Setting<T> required(String key, Kind<T> kind, String doc) {
        return new Setting<>(key, kind, null, true, doc);
    }

    /** This setting placed at {@code section} (dotted, {@code ""} = top level), as it appears in a schema's key list. */
    public Key at(String section) {
        return new Key(section.isEmpty() ? key : section + "." + key, this);
    }

    /**
     * A setting with its full dotted path in a file, e.g. {@code control-plane.limits.window} or {@code zones[].name};
     * a schema's {@code all()} lists these, and {@link ConfigDoc} checks docs/configuration.md against them.
     *
     * @param defaultText the default as the doc shows it when it is not simply {@code setting.defaultValue()}
     *                    (e.g. derived from another key); null = from the setting
     */
    public record Key(String path, Setting<?> setting, String defaultText) {
        public Key(String path, Setting<?> setting) {
            this(path, setting, null);
        }

        /** The same key with the default described in words. */
        public Key defaultIs(String text) {
            return new Key(path, setting, text);
        }
    }
}
