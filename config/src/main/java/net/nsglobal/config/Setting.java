package net.nsglobal.config;

/**
 * One entry of the declarative config schema ({@link Schema}): its YAML key (relative to its section), its type, its
 * default ({@code null} = unset), whether it must be given, and what it means (the reference doc is written from these).
 */
public record Setting<T>(String key, Kind<T> kind, T defaultValue, boolean required, String doc) {
    public static <T> Setting<T> optional(String key, Kind<T> kind, T defaultValue, String doc) {
        return new Setting<>(key, kind, defaultValue, false, doc);
    }

    public static <T> Setting<T> required(String key, Kind<T> kind, String doc) {
        return new Setting<>(key, kind, null, true, doc);
    }
}
