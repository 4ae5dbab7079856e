package net.nsglobal.config;

import static net.nsglobal.config.Kind.listOf;
import static net.nsglobal.config.Kind.path;
import static net.nsglobal.config.Kind.string;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code sites:} section of a process file: where the site files ({@code sites/*.yaml}, one per anycast site)
 * are and which of them this process uses. Only the setting lives here; the site files themselves are read by the
 * platform's sites reader.
 *
 * <pre>
 * sites: { dir: ../sites, only: [ams1, fra1] }    # only absent or empty = every site in dir
 * </pre>
 *
 * @param dir  folder of the site files, absolute (resolved against the process file's folder)
 * @param only site codes to use; empty = all
 */
public record SiteSelection(Path dir, List<String> only) {
    public static final Setting<Path> DIR = Setting.optional("dir", path(), Path.of("sites"),
            "folder holding one YAML file per anycast site (CODE.yaml); relative to the process file's folder");
    public static final Setting<List<String>> ONLY = Setting.optional("only", listOf(string()), List.of(),
            "site codes to use (e.g. [ams1, fra1]); each must be a file in dir; empty = every site in dir");

    public SiteSelection {
        only = List.copyOf(only);
    }

    /** Every key of the {@code sites:} section, for the reference doc. */
    public static List<Setting.Key> all() {
        return List.of(DIR.at("sites"), ONLY.at("sites"));
    }

    /** Reads the section; whether each listed code has a file is the sites reader's check (it reads the folder). */
    public static SiteSelection read(Section s, Path baseDir) throws ConfigException {
        Path dir = baseDir.resolve(s.get(DIR)).normalize();
        List<String> only = s.get(ONLY);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < only.size(); i++) {
            String code = only.get(i);
            if (!code.matches("[a-z0-9][a-z0-9-]*")) {
                throw new ConfigException(s.keyOf("only") + "[" + i + "]", "site code must be lower-case letters, "
                        + "digits and '-' (the site file's name without .yaml), got '" + code + "'");
            }
            if (!seen.add(code)) throw new ConfigException(s.keyOf("only") + "[" + i + "]", code + " is listed twice");
        }
        return new SiteSelection(dir, only);
    }
}
