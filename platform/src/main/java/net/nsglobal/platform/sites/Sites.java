package net.nsglobal.platform.sites;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Section;

/**
 * The fleet inventory: every {@code <id>.yaml} in the sites folder, read against {@link SiteSchema} and checked as a
 * whole. The one reader of those files; everything else (te-engine's BIRD configs, the demo's edges, the control
 * plane's status page) takes its {@link Site} records from here.
 *
 * <p>All files are read before anything is reported, and each problem is reported as
 * {@code <folder>/<file>:<line>: <key>: <reason>}, so one run shows every broken file.
 */
public final class Sites {
    private final Map<String, Site> byId;

    private Sites(Map<String, Site> byId) {
        this.byId = byId;
    }

    /** Reads {@code dir/*.yaml} (subfolders such as {@code templates/} are not sites). */
    public static Sites load(Path dir) throws SitesException, IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        String folder = dir.toAbsolutePath().normalize().getFileName().toString();
        List<String> problems = new ArrayList<>();
        if (files.isEmpty()) problems.add(folder + ": no site files (<id>.yaml)");
        Map<String, Site> sites = new LinkedHashMap<>();
        Map<String, String> unicastOwner = new HashMap<>();
        for (Path f : files) {
            String shown = folder + "/" + f.getFileName();
            LocatedYaml yaml;
            try {
                yaml = LocatedYaml.parse(Files.readString(f, StandardCharsets.UTF_8));
            } catch (LocatedYaml.SyntaxError e) {
                problems.add(shown + ":" + e.line + ": " + e.getMessage());
                continue;
            }
            Site site;
            try {
                site = SiteSchema.read(new Section("", yaml.root()));
            } catch (ConfigException e) {
                problems.add(shown + ":" + yaml.lineOf(e.key()) + ": " + reason(e));
                continue;
            }
            String expected = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            if (!site.id().equals(expected)) {
                problems.add(shown + ":" + yaml.lineOf(SiteSchema.ID.key()) + ": id: '" + site.id()
                        + "' differs from the file name; name the file " + site.id() + ".yaml or change the id to " + expected);
                continue;
            }
            if (sites.containsKey(site.id())) {
                problems.add(shown + ":" + yaml.lineOf(SiteSchema.ID.key()) + ": id: '" + site.id() + "' is used by another file too");
                continue;
            }
            String v4 = site.unicastV4().getHostAddress();
            String owner = unicastOwner.putIfAbsent(v4, site.id());
            if (owner != null) {
                problems.add(shown + ":" + yaml.lineOf(SiteSchema.UNICAST_V4.key()) + ": unicast_v4: " + v4 + " is already site " + owner + "'s");
                continue;
            }
            if (site.unicastV6().isPresent()) {
                String v6 = site.unicastV6().get().getHostAddress();
                owner = unicastOwner.putIfAbsent(v6, site.id());
                if (owner != null) {
                    problems.add(shown + ":" + yaml.lineOf(SiteSchema.UNICAST_V6.key()) + ": unicast_v6: " + v6 + " is already site " + owner + "'s");
                    continue;
                }
            }
            sites.put(site.id(), site);
        }
        if (!problems.isEmpty()) throw new SitesException(problems);
        return new Sites(Map.copyOf(sites));
    }

    private static String reason(ConfigException e) {
        String m = e.getMessage();
        return m.startsWith("config: ") ? m.substring("config: ".length()) : m;
    }

    /** Every site, by id. */
    public List<Site> all() {
        return byId.values().stream().sorted(java.util.Comparator.comparing(Site::id)).toList();
    }

    public Optional<Site> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
