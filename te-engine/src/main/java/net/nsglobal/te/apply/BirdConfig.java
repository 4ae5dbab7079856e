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
 *
 * <p><b>The site agent's include.</b> Inside each session's anycast branch the configuration includes the file the
 * site agent writes ({@code announce.AnycastStateFile}: nothing while announced, the RFC 8326 community while
 * draining, {@code reject;} while withdrawn), so the agent's decision holds on every session whatever the knobs say.
 * BIRD 2 fails to parse a configuration whose plain {@code include} names a missing file, but silently includes
 * nothing for a glob pattern that matches no file (its lexer skips globbing only for names without {@code ?*[}); the
 * name is therefore rendered as a one-character class ({@code anycast-state.con[f]}), so a freshly rendered
 * configuration parses before the agent has ever run and announces as the knobs say (the folder must exist: BIRD's glob
 * refuses a missing folder with "Unable to match pattern"). A relative name is resolved by
 * BIRD against the folder of the including file: the default {@value #DEFAULT_AGENT_STATE_FILE} beside
 * {@code /etc/bird/bird.conf} is the agent's default {@code state-file}. {@code {site}} in the name is replaced by
 * the site's id (several sites' files in one folder, as in the demo).
 */
public final class BirdConfig {
    static final String TEMPLATE = "bird.conf.ftl";
    /** The agent's state file as the configuration names it unless told otherwise: beside the configuration. */
    public static final String DEFAULT_AGENT_STATE_FILE = "anycast-state.conf";
    private final Template template;
    private final String agentStateFile;

    /** {@code templatesDir} is the folder holding {@code bird.conf.ftl} (the repository's {@code sites/templates}). */
    public BirdConfig(Path templatesDir) throws IOException {
        this(templatesDir, DEFAULT_AGENT_STATE_FILE);
    }

    /**
     * @param agentStateFile the site agent's state file as BIRD should open it (absolute, or relative to the
     *                       configuration's folder); {@code {site}} stands for the site's id
     * @throws IllegalArgumentException if the name is empty or holds a character BIRD's include or glob would read
     *                                  otherwise ({@code " * ? [ ]}, newline)
     */
    public BirdConfig(Path templatesDir, String agentStateFile) throws IOException {
        if (agentStateFile.isEmpty() || agentStateFile.endsWith("/") || agentStateFile.chars().anyMatch(c -> "\"*?[]\n\\".indexOf(c) >= 0)) {
            throw new IllegalArgumentException("te-engine apply: agent state file '" + agentStateFile
                    + "' cannot be included by BIRD (empty, a folder, or one of \" * ? [ ] \\ newline)");
        }
        this.agentStateFile = agentStateFile;
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
            template.process(Map.of("site", site, "knobs", knobs, "agentInclude", agentInclude(site)), out);
        } catch (TemplateException e) {
            throw new IOException("te-engine apply: rendering " + TEMPLATE + " for site " + site.id() + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** The agent's state file of {@code site} as the configuration names it (relative names: to its folder). */
    public String agentStateFile(Site site) {
        return agentStateFile.replace("{site}", site.id());
    }

    /** The include's pattern: the name with its last character as a class, so a missing file matches nothing. */
    String agentInclude(Site site) {
        String f = agentStateFile(site);
        return f.substring(0, f.length() - 1) + "[" + f.charAt(f.length() - 1) + "]";
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
