package net.nsglobal.atlas.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.ProcessFile;
import net.nsglobal.config.Section;

/**
 * How to reach RIPE Atlas, resolved once: flag, then environment ({@code RIPE_ATLAS_KEY},
 * {@code RIPE_ATLAS_API_URL}), then the {@code atlas:} section of a process file ({@link AtlasSchema}), then the
 * default public API. The key is optional: probe metadata and public results need none; creating, stopping and credits do.
 */
public record AtlasConfig(String apiUrl, Optional<ApiKey> apiKey, Duration connectTimeout, Duration readTimeout,
                          RetryPolicy retry, Sleeper sleeper, Duration deadline) {
    public static final String DEFAULT_API_URL = "https://atlas.ripe.net/api/v2/";
    public static final String ENV_KEY = "RIPE_ATLAS_KEY";
    public static final String ENV_URL = "RIPE_ATLAS_API_URL";

    /** How long one request may spend waiting to be retried (back-off and Retry-After) unless configured. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);

    public AtlasConfig {
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
        if (deadline == null || deadline.isNegative()) {
            throw new IllegalArgumentException("atlas: deadline must be >= 0");
        }
    }

    /** With the default deadline. */
    public AtlasConfig(String apiUrl, Optional<ApiKey> apiKey, Duration connectTimeout, Duration readTimeout,
                       RetryPolicy retry, Sleeper sleeper) {
        this(apiUrl, apiKey, connectTimeout, readTimeout, retry, sleeper, DEFAULT_DEADLINE);
    }

    public static AtlasConfig of(String apiUrl, ApiKey key) {
        return new AtlasConfig(apiUrl, Optional.ofNullable(key), Duration.ofSeconds(10), Duration.ofSeconds(60),
                RetryPolicy.defaults(), Sleeper.SYSTEM);
    }

    /**
     * @param apiUrlFlag  {@code --api-url}, or null
     * @param configFile  process file whose {@code atlas:} section is read ({@link AtlasSchema}), or null
     * @param env         the environment (System.getenv() in production)
     */
    public static AtlasConfig resolve(String apiUrlFlag, Path configFile, Map<String, String> env) {
        AtlasConfig file = of(DEFAULT_API_URL, null);
        if (configFile != null) {
            try {
                // The TE engine's process file may be given as is: its te: and sites: belong to other readers.
                ProcessFile f = ProcessFile.load(configFile, AtlasSchema.SECTION, "te", "sites");
                file = f.read(AtlasSchema.SECTION, AtlasConfig::read);
            } catch (ConfigException e) {
                throw new AtlasException("atlas: " + e.getMessage());
            }
        }
        String url = firstNonBlank(apiUrlFlag, env.get(ENV_URL), file.apiUrl());
        String key = firstNonBlank(env.get(ENV_KEY));
        return new AtlasConfig(url, key != null ? Optional.of(ApiKey.of(key)) : file.apiKey(), file.connectTimeout(),
                file.readTimeout(), file.retry(), file.sleeper(), file.deadline());
    }

    /** The {@code atlas:} section, without the environment. */
    public static AtlasConfig read(Section s) throws ConfigException {
        String key = s.get(AtlasSchema.API_KEY);
        Duration base = s.get(AtlasSchema.RETRY_BASE_DELAY);
        Duration max = s.get(AtlasSchema.RETRY_MAX_DELAY);
        if (base.compareTo(max) > 0) {
            throw new ConfigException(s.keyOf("retry-base-delay"), "must not exceed " + s.keyOf("retry-max-delay"));
        }
        RetryPolicy d = RetryPolicy.defaults();
        return new AtlasConfig(s.get(AtlasSchema.API_URL), Optional.ofNullable(key == null ? null : ApiKey.of(key)),
                s.get(AtlasSchema.CONNECT_TIMEOUT), s.get(AtlasSchema.READ_TIMEOUT),
                new RetryPolicy(s.get(AtlasSchema.MAX_ATTEMPTS), base, max, d.random(), d.clock()), Sleeper.SYSTEM,
                s.get(AtlasSchema.DEADLINE));
    }

    public AtlasConfig withRetry(RetryPolicy policy, Sleeper s) {
        return new AtlasConfig(apiUrl, apiKey, connectTimeout, readTimeout, policy, s, deadline);
    }

    public AtlasConfig withTimeouts(Duration connect, Duration read) {
        return new AtlasConfig(apiUrl, apiKey, connect, read, retry, sleeper, deadline);
    }

    /** How long one request may wait, in all, to be retried; a server asking for more is given up on. */
    public AtlasConfig withDeadline(Duration d) {
        return new AtlasConfig(apiUrl, apiKey, connectTimeout, readTimeout, retry, sleeper, d);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "AtlasConfig[apiUrl=" + apiUrl + ", apiKey=" + (apiKey.isPresent() ? "set" : "none")
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + ", deadline=" + deadline + "]";
    }
}
