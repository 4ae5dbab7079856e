package net.nsglobal.te.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.te.apply.BirdConfig;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.propose.ChangeApplier;

/**
 * The simulated world's {@link ChangeApplier}: a site's knobs rendered into {@code dir/CODE.conf}, the file the
 * simulated world reads its announcements back from ({@code world.BirdAnnouncements}); no BIRD runs. Applied when the
 * file is written, Refused (file untouched) when rendering fails.
 */
public final class BirdFilesApplier implements ChangeApplier {
    private final Map<String, Site> sites = new LinkedHashMap<>();
    private final BirdConfig config;
    private final Path dir;

    public BirdFilesApplier(List<Site> sites, BirdConfig config, Path dir) {
        sites.forEach(s -> this.sites.put(s.id(), s));
        this.config = config;
        this.dir = dir;
    }

    @Override
    public Outcome apply(String site, Knobs knobs) {
        Site s = sites.get(site);
        if (s == null) return new Outcome.Refused("site " + site + " has no BIRD file here");
        try {
            return new Outcome.Applied("rendered " + config.write(s, knobs, dir));
        } catch (IOException | RuntimeException e) {
            return new Outcome.Refused("site " + site + ": " + e.getMessage());
        }
    }
}
