package net.nsglobal.atlas.api;

import static net.nsglobal.config.Kind.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import net.nsglobal.config.ConfigException;
import net.nsglobal.config.Kind;
import net.nsglobal.config.Setting;

/**
 * THE atlas configuration schema: the {@code atlas:} section of a process file (the TE engine's, or the one given to
 * {@code nsglobal atlas --config}). {@link AtlasConfig#resolve} reads exactly these keys; the environment
 * ({@code RIPE_ATLAS_KEY}, {@code RIPE_ATLAS_API_URL}) and {@code --api-url} win over the file.
 */
public final class AtlasSchema {
    private AtlasSchema() {}

    public static final String SECTION = "atlas";

    /** An absolute http(s) URL. */
    static final Kind<String> HTTP_URL = new Kind<>() {
        public String parse(String key, JsonNode n) throws ConfigException {
            String s = string().parse(key, n);
            try {
                URI u = new URI(s);
                if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null) {
                    throw new ConfigException(key, "expected an http:// or https:// URL, got '" + s + "'");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException(key, "not a URL: " + e.getMessage());
            }
            return s;
        }
        public String describe() { return "URL (http or https)"; }
    };

    public static final Setting<String> API_URL = Setting.optional("api-url", HTTP_URL, AtlasConfig.DEFAULT_API_URL,
            "RIPE Atlas API base; $RIPE_ATLAS_API_URL and --api-url win over it (tests point it at a recorded server)");
    public static final Setting<String> API_KEY = Setting.optional("api-key", string(), null,
            "API key (needed to create and stop measurements and read credits; not for probes or public results); "
                    + "$RIPE_ATLAS_KEY wins over it; keep the file chmod 600; unset = none");
    public static final Setting<Duration> CONNECT_TIMEOUT = Setting.optional("connect-timeout",
            duration(Duration.ofMillis(100), Duration.ofMinutes(10)), Duration.ofSeconds(10), "TCP+TLS connect timeout");
    public static final Setting<Duration> READ_TIMEOUT = Setting.optional("read-timeout",
            duration(Duration.ofMillis(100), Duration.ofHours(1)), Duration.ofSeconds(60),
            "longest wait for the next bytes of a response");
    public static final Setting<Integer> MAX_ATTEMPTS = Setting.optional("max-attempts", integer(1, 100), 5,
            "tries of a request answered 429 or 5xx (exponential back-off with full jitter; Retry-After honoured)");
    public static final Setting<Duration> RETRY_BASE_DELAY = Setting.optional("retry-base-delay",
            duration(Duration.ofMillis(1), Duration.ofHours(1)), Duration.ofSeconds(1), "first back-off delay");
    public static final Setting<Duration> RETRY_MAX_DELAY = Setting.optional("retry-max-delay",
            duration(Duration.ofMillis(1), Duration.ofHours(1)), Duration.ofSeconds(60),
            "cap of the computed back-off delay (a Retry-After is honoured as the server gives it)");
    public static final Setting<Duration> DEADLINE = Setting.optional("deadline",
            duration(Duration.ZERO, Duration.ofDays(1)), AtlasConfig.DEFAULT_DEADLINE,
            "longest one request may wait, in all, to be retried (back-off and Retry-After); a server that asks for "
                    + "more is given up on with a message saying when to try again; --deadline wins over it");

    /** Every key of the {@code atlas:} section, for the reference doc. */
    public static List<Setting.Key> all() {
        return List.of(API_URL.at(SECTION), API_KEY.at(SECTION), CONNECT_TIMEOUT.at(SECTION), READ_TIMEOUT.at(SECTION),
                MAX_ATTEMPTS.at(SECTION), RETRY_BASE_DELAY.at(SECTION), RETRY_MAX_DELAY.at(SECTION),
                DEADLINE.at(SECTION));
    }
}
