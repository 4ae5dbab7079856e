package net.nsglobal.atlas.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;

/** A MockWebServer standing in for atlas.ripe.net, and a client whose back-off is recorded, not slept. */
public final class MockAtlas implements AutoCloseable {
    public static final String KEY = "0f2d6c1e-5ec2-4e7a-9b1a-feedfacecafe";
    public static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    public final MockWebServer server = new MockWebServer();
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    public final AtlasClient client;

    public MockAtlas() throws IOException {
        this(5, Duration.ofSeconds(5));
    }

    public MockAtlas(int maxAttempts, Duration readTimeout) throws IOException {
        server.start();
        RetryPolicy retry = new RetryPolicy(maxAttempts, Duration.ofSeconds(1), Duration.ofSeconds(60),
                new Random(42), Clock.fixed(NOW, ZoneOffset.UTC));
        AtlasConfig cfg = AtlasConfig.of(apiUrl(), ApiKey.of(KEY)).withRetry(retry, sleeps::add)
                .withTimeouts(Duration.ofSeconds(5), readTimeout);
        client = new AtlasClient(cfg);
    }

    public String apiUrl() {
        return server.url("/api/v2/").toString();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
