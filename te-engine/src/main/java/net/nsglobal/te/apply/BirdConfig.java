package net.nsglobal.te.apply;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import net.nsglobal.platform.sites.Site;

/**
 * Renders a site's BIRD 2 configuration from its {@link Site} record, the TE {@link Knobs} (per session: announce or
 * withdraw, prepend, communities) and {@code sites/templates/bird.conf.ftl}. The template sees two variables,
 * {@code site} and {@code knobs}, and reads the records' components by name ({@code site.localAs},
 * {@code n.birdName()}, {@code knobs.session(n.name)}). te-engine's simulated world reads the rendered export filters
 * back ({@code world.BirdAnnouncements}), so the template's filter shape is a contract with that reader. A template error is an error, never a half-written file: output goes to a temporary file
 * that replaces the old one only when complete.
 */
public final class BirdConfig {
    static final String TEMPLATE = "bird.conf.ftl";
    private final Template template;

    /** {@code templatesDir} is the folder holding {@code bird.conf.ftl} (the repository's {@code sites/templates}). */
    public BirdConfig(Path templatesDir) throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setDirectoryForTemplateLoading(templatesDir.toFile());
        cfg.setDefaultEncoding("UTF-8");
        // Rendering for a router: fail loudly on a missing value instead of printing a debug page into the config.
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        this.template = cfg.getTemplate(TEMPLATE);
    }

    /** The configuration text for {@code site} as its record configures it ({@link Knobs#of(Site)}). */
    public String render(Site site) throws IOException {
        return render(site, Knobs.of(site));
    }

    /**
     * The configuration text for {@code site} with {@code knobs}.
     *
     * @throws IllegalArgumentException if the knobs do not name exactly the site's sessions
     */
    public String render(Site site, Knobs knobs) throws IOException {
        knobs.checkAgainst(site);
        StringWriter out = new StringWriter();
        try {
            template.process(Map.of("site", site, "knobs", knobs), out);
        } catch (TemplateException e) {
            throw new IOException("te-engine apply: rendering " + TEMPLATE + " for site " + site.id() + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Writes {@code dir/<id>.conf} atomically, as the record configures it, and returns its path. */
    public Path write(Site site, Path dir) throws IOException {
        return write(site, Knobs.of(site), dir);
    }

    /** Writes {@code dir/<id>.conf} with {@code knobs} atomically and returns its path. */
    public Path write(Site site, Knobs knobs, Path dir) throws IOException {
        String text = render(site, knobs);
        Files.createDirectories(dir);
        Path file = dir.resolve(site.id() + ".conf");
        Path tmp = dir.resolve(site.id() + ".conf.tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
