package net.nsglobal.atlas.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.nsglobal.atlas.model.MeasurementRequest;
import net.nsglobal.atlas.probes.Probe;
import net.nsglobal.atlas.probes.ProbeQuery;
import net.nsglobal.atlas.results.MeasurementResult;
import net.nsglobal.atlas.results.ParseStats;
import net.nsglobal.atlas.results.ResultStreamParser;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RIPE Atlas REST API v2 client (OkHttp + Jackson).
 *
 * <p>Retry rules: 429 and 5xx are retried with back-off ({@link RetryPolicy}), honouring {@code Retry-After} as the
 * server gives it; when the waits of one request would exceed {@link AtlasConfig#deadline()} the client gives up at
 * once, saying how long the server asked for. Creating a measurement spends credits, so a POST is retried only when
 * the API says it did not process it (429, 503); after 500/502/504, a timeout or a reset connection the measurement
 * may exist, and the error says so and how to check ({@code atlas list --mine}). Transport failures are retried for
 * GET/DELETE only (the plumbing is {@link Transport}). {@code warnings} in an answer go to {@link #onWarning}
 * (logged by default). A results stream that breaks half-way is never re-fetched behind the caller's back (results
 * already delivered would be delivered twice).
 *
 * <p>The API key is sent only as {@code Authorization: Key …}, only to the configured API host (a {@code next}
 * link elsewhere gets no key), and never logged: requests are logged and reported by method and path.
 *
 * <p>{@link #cancel()} aborts every request and stream in flight and every retry wait; interrupting the calling
 * thread does the same for that thread's request.
 */
public final class AtlasClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AtlasClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final AtlasConfig config;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Transport transport;
    private final ResultStreamParser resultParser = new ResultStreamParser(mapper);
    private volatile Consumer<String> warnings = w -> LOG.warn("atlas: the API warns: {}", w);

    public AtlasClient(AtlasConfig config) {
        this.config = config;
        this.transport = new Transport(config, mapper);
    }

    public AtlasConfig config() {
        return config;
    }

    /** Where the {@code warnings} of API answers go (the CLI prints them on stderr); by default they are logged. */
    public void onWarning(Consumer<String> sink) {
        this.warnings = sink;
    }

    /** Creates the measurements of one request (one shared probe set); returns their ids in definition order. */
    public List<Long> create(MeasurementRequest request) {
        requireKey("creating measurements");
        String body = request.toJson().toString();
        Request req = new Request.Builder().url(url("measurements/")).post(RequestBody.create(body, JSON)).build();
        JsonNode root = json(req);
        JsonNode ids = root.path("measurements");
        if (!ids.isArray() || ids.isEmpty()) {
            throw new AtlasException("atlas: POST measurements/ answered without measurement ids");
        }
        List<Long> out = new ArrayList<>();
        ids.forEach(i -> out.add(i.asLong()));
        LOG.info("atlas: created measurement(s) {}", out);
        return out;
    }

    public MeasurementInfo measurement(long id) {
        return MeasurementInfo.fromJson(json(new Request.Builder().url(url("measurements/" + id + "/")).get().build()));
    }

    /** Stops a measurement ({@code DELETE /measurements/{id}/}); it keeps its results. */
    public void stop(long id) {
        requireKey("stopping a measurement");
        Request req = new Request.Builder().url(url("measurements/" + id + "/")).delete().build();
        try (Transport.Exchange x = transport.execute(req)) {
            LOG.info("atlas: stopped measurement {} (HTTP {})", id, x.response.code());
        }
    }

    /** Streams the results of a measurement in a time window / for some probes, in constant memory. */
    public ParseStats results(long msmId, ResultQuery query, Consumer<? super MeasurementResult> sink) {
        HttpUrl.Builder u = url("measurements/" + msmId + "/results/").newBuilder();
        query.start().ifPresent(s -> u.addQueryParameter("start", Long.toString(s.getEpochSecond())));
        query.stop().ifPresent(s -> u.addQueryParameter("stop", Long.toString(s.getEpochSecond())));
        if (!query.probeIds().isEmpty()) {
            u.addQueryParameter("probe_ids", ids(query.probeIds()));
        }
        u.addQueryParameter("format", "json");
        return stream(new Request.Builder().url(u.build()).get().build(), sink);
    }

    /** The latest result of each probe ({@code /measurements/{id}/latest/}). */
    public ParseStats latest(long msmId, List<Integer> probeIds, Consumer<? super MeasurementResult> sink) {
        HttpUrl.Builder u = url("measurements/" + msmId + "/latest/").newBuilder();
        if (!probeIds.isEmpty()) {
            u.addQueryParameter("probe_ids", ids(probeIds));
        }
        Request req = new Request.Builder().url(u.build()).get().build();
        try (Transport.Exchange x = transport.execute(req)) {
            try (InputStream in = x.response.body().byteStream()) {
                return resultParser.parseLatest(in, sink);
            } catch (IOException e) {
                throw x.failure(Transport.describe(req), e);
            }
        }
    }

    /**
     * Measurements matching the query ({@code --mine}: {@code /measurements/my/}), following {@code next} page links
     * until {@code limit} are delivered or the pages end.
     */
    public long measurements(MeasurementQuery query, Consumer<? super MeasurementInfo> sink) {
        if (query.mine()) {
            requireKey("listing your measurements");
        }
        HttpUrl.Builder u = url(query.path()).newBuilder();
        query.parameters().forEach(u::addQueryParameter);
        long[] n = {0};
        pages(u.build(), query.limit(), item -> {
            sink.accept(MeasurementInfo.fromJson(item));
            n[0]++;
            return true;
        });
        return n[0];
    }

    /** Every probe matching the query, following {@code next} page links; a malformed probe is skipped, counted. */
    public ParseStats probes(ProbeQuery query, Consumer<? super Probe> sink) {
        HttpUrl.Builder u = url("probes/").newBuilder();
        query.parameters().forEach(u::addQueryParameter);
        long[] counts = {0, 0};
        List<String> reasons = new ArrayList<>();
        int pages = pages(u.build(), 0, p -> {
            Probe probe;
            try {
                probe = Probe.fromJson(p);
            } catch (IllegalArgumentException e) {
                counts[1]++;
                if (reasons.size() < 5) {
                    reasons.add(e.getMessage());
                }
                return false;
            }
            if (query.admits(probe)) {
                counts[0]++;
                sink.accept(probe);
                return true;
            }
            return false;
        });
        LOG.debug("atlas: {} probes in {} page(s), {} skipped", counts[0], pages, counts[1]);
        return new ParseStats(counts[0], counts[1], 0, reasons);
    }

    /**
     * Walks a paged listing ({@code {count, next, previous, results}}) from {@code first}, handing each item to
     * {@code item} (which says whether it counted towards {@code limit}); stops after {@code limit} counted items
     * (0 = no limit) or the last page. Returns the number of pages read.
     */
    private int pages(HttpUrl first, long limit, java.util.function.Predicate<JsonNode> item) {
        HttpUrl next = first;
        long delivered = 0;
        int pages = 0;
        while (next != null) {
            JsonNode page = json(new Request.Builder().url(next).get().build());
            pages++;
            JsonNode results = page.path("results");
            if (!results.isArray()) {
                throw new AtlasException("atlas: GET " + next.encodedPath() + " page " + pages + " has no results");
            }
            for (JsonNode r : results) {
                if (item.test(r) && limit > 0 && ++delivered >= limit) {
                    return pages;
                }
            }
            String n = page.path("next").asText(null);
            next = n == null || n.isEmpty() ? null : HttpUrl.parse(n);
            if (n != null && !n.isEmpty() && next == null) {
                throw new AtlasException("atlas: " + first.encodedPath() + " page " + pages
                        + " has an unparseable next link");
            }
        }
        return pages;
    }

    public Credits credits() {
        requireKey("reading credits");
        return Credits.fromJson(json(new Request.Builder().url(url("credits/")).get().build()));
    }

    /** What is spending credits now, with RIPE's daily-cost estimate per measurement. */
    public List<ExpenseItem> expenses() {
        requireKey("reading credit expenses");
        JsonNode groups = json(new Request.Builder().url(url("credits/expense-items/")).get().build()).path("groups");
        List<ExpenseItem> out = new ArrayList<>();
        groups.path("owned_measurements").forEach(n -> out.add(ExpenseItem.fromJson(n, false)));
        groups.path("billed_measurements").forEach(n -> out.add(ExpenseItem.fromJson(n, true)));
        return out;
    }

    /** Aborts every request, stream and retry wait in flight now. The client stays usable for new requests. */
    public void cancel() {
        transport.cancel();
    }

    @Override
    public void close() {
        transport.close();
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    private ParseStats stream(Request req, Consumer<? super MeasurementResult> sink) {
        try (Transport.Exchange x = transport.execute(req)) {
            ResponseBody body = x.response.body();
            try (InputStream in = body.byteStream()) {
                return resultParser.parse(in, sink);
            } catch (IOException e) {
                throw x.failure(Transport.describe(req), e);
            }
        }
    }

    private JsonNode json(Request req) {
        try (Transport.Exchange x = transport.execute(req)) {
            JsonNode root;
            try {
                root = mapper.readTree(x.response.body().byteStream());
            } catch (IOException e) {
                AtlasException f = x.failure(Transport.describe(req), e);
                throw "POST".equals(req.method())
                        ? new AtlasException(f.getMessage() + "; " + Transport.MAY_EXIST, e) : f;
            }
            if (root != null) {
                warnings(Transport.describe(req), root.get("warnings"));
            }
            return root == null ? mapper.nullNode() : root;
        }
    }

    /** An answer's {@code warnings}: strings, or objects with a {@code detail}/{@code message}/{@code title}. */
    private void warnings(String what, JsonNode w) {
        if (w == null || w.isNull()) {
            return;
        }
        for (JsonNode one : w.isArray() ? w : mapper.createArrayNode().add(w)) {
            String text = one.isTextual() ? one.asText()
                    : one.has("detail") ? one.get("detail").asText()
                    : one.has("message") ? one.get("message").asText()
                    : one.has("title") ? one.get("title").asText() : one.toString();
            warnings.accept(what + ": " + text);
        }
    }

    private void requireKey(String what) {
        if (config.apiKey().isEmpty()) {
            throw new AtlasException("atlas: " + what + " needs an API key: set " + AtlasConfig.ENV_KEY
                    + " or api-key in the config file");
        }
    }

    private HttpUrl url(String path) {
        HttpUrl u = transport.base().resolve(path);
        if (u == null) {
            throw new IllegalArgumentException("atlas: bad path " + path);
        }
        return u;
    }

    private static String ids(List<Integer> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
