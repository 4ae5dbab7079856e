package net.nsglobal.te.announce;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site agent's reports to the control plane: {@code POST {report-url}/api/v1/te/agents/{site}/events} with an
 * operator's API token ({@code Authorization: Bearer}, RFC 6750 §2.1), one JSON report each ({@link AgentReportJson}).
 *
 * <p>BIRD first, reporting second: {@link #record} and {@link #status} only queue and return; one thread of its own
 * sends. Transitions are kept in order in a bounded queue ({@value #QUEUE} reports; when full the oldest is dropped
 * and counted); of the status reports only the latest is kept. A report that fails for a reason that may pass (no
 * answer, 5xx, 408, 429) is tried again after a back-off doubling from {@code retryBase} up to a minute, at most
 * {@value #ATTEMPTS} times, then dropped and counted; one the control plane refuses (another 4xx: a revoked token, a
 * bad report) is dropped at once with the answer logged. Meters: {@code site_agent_reports{site,outcome}}
 * (outcome sent, retried, dropped).
 */
public final class HttpAgentEvents implements AgentEvents, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpAgentEvents.class);
    static final int QUEUE = 256;
    static final int ATTEMPTS = 8;
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final String site;
    private final URI endpoint;
    private final String token;
    private final Duration timeout;
    private final Duration retryBase;
    private final HttpClient http;
    private final Counter sent, retried, dropped;
    private final Deque<String> transitions = new ArrayDeque<>();
    private String status;
    private boolean closed;
    private final Thread sender;

    /**
     * @param baseUrl   the control plane's public URL (its dashboard), e.g. {@code https://dash.nsglobal.example}
     * @param token     an operator's API token ({@code nsglobal ops token create})
     * @param timeout   how long one POST may take
     * @param retryBase the first back-off after a failed POST
     */
    public HttpAgentEvents(String site, URI baseUrl, String token, Duration timeout, Duration retryBase,
                           MeterRegistry registry) {
        this.site = site;
        String base = baseUrl.toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base + "/api/v1/te/agents/" + URLEncoder.encode(site, StandardCharsets.UTF_8) + "/events");
        this.token = token;
        this.timeout = timeout;
        this.retryBase = retryBase;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
        this.sent = counter(registry, "sent");
        this.retried = counter(registry, "retried");
        this.dropped = counter(registry, "dropped");
        this.sender = new Thread(this::sendLoop, "site-agent-reports-" + site);
        sender.setDaemon(true);
        sender.start();
    }

    private Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("site_agent_reports").tag("site", site).tag("outcome", outcome)
                .description("reports to the control plane (sent, retried after a failure, dropped)").register(registry);
    }

    public URI endpoint() {
        return endpoint;
    }

    @Override
    public synchronized void record(String site, AgentEvent event) {
        if (closed) return;
        if (transitions.size() >= QUEUE) {
            transitions.pollFirst();
            dropped.increment();
            log.error("component=site-agent site={} event=report-dropped reason=\"queue of {} full: control plane {} "
                    + "unreachable\"", this.site, QUEUE, endpoint);
        }
        transitions.addLast(AgentReportJson.write(AgentReportJson.map(event)));
        notifyAll();
    }

    @Override
    public synchronized void status(AgentState state) {
        if (closed) return;
        status = AgentReportJson.write(AgentReportJson.map(state));
        notifyAll();
    }

    /** The next report to send: the oldest transition, else the latest status; null once closed. */
    private synchronized String next() throws InterruptedException {
        while (!closed && transitions.isEmpty() && status == null) wait();
        if (closed) return null;
        return transitions.isEmpty() ? status : transitions.peekFirst();
    }

    /** Removes {@code report} once sent or dropped (a newer status may have replaced it meanwhile). */
    private synchronized void done(String report) {
        if (!transitions.isEmpty() && transitions.peekFirst() == report) transitions.pollFirst();
        else if (status == report) status = null;
    }

    private void sendLoop() {
        int attempts = 0;
        try {
            while (true) {
                String report = next();
                if (report == null) return;
                String failure = send(report);
                if (failure == null) {
                    sent.increment();
                    attempts = 0;
                    done(report);
                } else if (failure.startsWith("refused")) {
                    dropped.increment();
                    attempts = 0;
                    done(report);
                    log.error("component=site-agent site={} event=report-dropped reason=\"{}\"", site, failure);
                } else if (++attempts >= ATTEMPTS) {
                    dropped.increment();
                    attempts = 0;
                    done(report);
                    log.error("component=site-agent site={} event=report-dropped reason=\"{} tries failed, last: {}\"",
                            site, ATTEMPTS, failure);
                } else {
                    retried.increment();
                    long backoff = Math.min(MAX_BACKOFF.toMillis(), retryBase.toMillis() << Math.min(attempts - 1, 20));
                    log.warn("component=site-agent site={} event=report-failed attempt={} retry-in={}ms reason=\"{}\"",
                            site, attempts, backoff, failure);
                    synchronized (this) {
                        long until = System.nanoTime() + backoff * 1_000_000;
                        while (!closed && System.nanoTime() < until) wait(Math.max(1, (until - System.nanoTime()) / 1_000_000));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One POST; null when stored, else why not ("refused …" when trying again cannot help). */
    private String send(String report) throws InterruptedException {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(endpoint).timeout(timeout)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(report)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return endpoint + ": no answer (" + e + ")";
        }
        int code = r.statusCode();
        if (code / 100 == 2) return null;
        String body = r.body().length() > 300 ? r.body().substring(0, 300) + "…" : r.body();
        if (code / 100 == 4 && code != 408 && code != 429) return "refused by " + endpoint + ": HTTP " + code + " " + body.strip();
        return endpoint + ": HTTP " + code + " " + body.strip();
    }

    /** Stops the sender; reports not sent yet are lost (the control plane catches up from the next agent's status). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            sender.join(timeout.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
