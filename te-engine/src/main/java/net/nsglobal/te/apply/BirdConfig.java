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
 * Renders a site's BIRD 2 configuration from its {@link Site} record and {@code sites/templates/bird.conf.ftl}.
 * The template sees one variable, {@code site}, and reads the record's components by name ({@code site.localAs},
 * {@code n.birdName()}). A template error is an error, never a half-written file: output goes to a temporary file
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

    /** The configuration text for {@code site}. */
    public String render(Site site) throws IOException {
        StringWriter out = new StringWriter();
        try {
            template.process(Map.of("site", site), out);
        } catch (TemplateException e) {
            throw new IOException("te-engine apply: rendering " + TEMPLATE + " for site " + site.id() + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** Writes {@code dir/<id>.conf} atomically and returns its path. */
    public Path write(Site site, Path dir) throws IOException {
        String text = render(site);
        Files.createDirectories(dir);
        Path file = dir.resolve(site.id() + ".conf");
        Path tmp = dir.resolve(site.id() + ".conf.tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
