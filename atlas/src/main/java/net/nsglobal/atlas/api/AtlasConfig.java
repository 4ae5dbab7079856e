package net.nsglobal.atlas.api;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * How to reach RIPE Atlas, resolved once: flag, then environment ({@code RIPE_ATLAS_KEY},
 * {@code RIPE_ATLAS_API_URL}), then a properties file ({@code api-key}, {@code api-url}), then the default public
 * API. The key is optional: probe metadata and public results need none; creating, stopping and credits do.
 */
public record AtlasConfig(String apiUrl, Optional<ApiKey> apiKey, Duration connectTimeout, Duration readTimeout,
                          RetryPolicy retry, Sleeper sleeper) {
    public static final String DEFAULT_API_URL = "https://atlas.ripe.net/api/v2/";
    public static final String ENV_KEY = "RIPE_ATLAS_KEY";
    public static final String ENV_URL = "RIPE_ATLAS_API_URL";

    public AtlasConfig {
        apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    public static AtlasConfig of(String apiUrl, ApiKey key) {
        return new AtlasConfig(apiUrl, Optional.ofNullable(key), Duration.ofSeconds(10), Duration.ofSeconds(60),
                RetryPolicy.defaults(), Sleeper.SYSTEM);
    }

    /**
     * @param apiUrlFlag  {@code --api-url}, or null
     * @param configFile  properties file, or null
     * @param env         the environment (System.getenv() in production)
     */
    public static AtlasConfig resolve(String apiUrlFlag, Path configFile, Map<String, String> env) {
        Properties props = new Properties();
        if (configFile != null) {
            try (Reader r = Files.newBufferedReader(configFile)) {
                props.load(r);
            } catch (IOException e) {
                throw new AtlasException("atlas: cannot read config " + configFile + ": " + e.getMessage(), e);
            }
        }
        String url = firstNonBlank(apiUrlFlag, env.get(ENV_URL), props.getProperty("api-url"), DEFAULT_API_URL);
        String key = firstNonBlank(env.get(ENV_KEY), props.getProperty("api-key"));
        return of(url, key == null ? null : ApiKey.of(key));
    }

    public AtlasConfig withRetry(RetryPolicy policy, Sleeper s) {
        return new AtlasConfig(apiUrl, apiKey, connectTimeout, readTimeout, policy, s);
    }

    public AtlasConfig withTimeouts(Duration connect, Duration read) {
        return new AtlasConfig(apiUrl, apiKey, connect, read, retry, sleeper);
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
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
