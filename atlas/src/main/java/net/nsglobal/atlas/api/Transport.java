package net.nsglobal.atlas.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request to RIPE Atlas, start to finish: signing (the key only to the configured origin), retries with back-off
 * and {@code Retry-After} within {@link AtlasConfig#deadline()}, the create-may-exist advice, and cancellation.
 * {@link AtlasClient} says what to ask; this says how.
 */
final class Transport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);

    /** What to tell the operator after a create whose outcome is unknown. */
    static final String MAY_EXIST = "the measurement may have been created: check with `atlas list --mine` before "
            + "creating it again";

    private final AtlasConfig config;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final ObjectMapper mapper;
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final AtomicLong cancelEpoch = new AtomicLong();

    Transport(AtlasConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.base = HttpUrl.get(config.apiUrl());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .retryOnConnectionFailure(false) // retries are ours, so they are counted and backed off
                .build();
    }

    HttpUrl base() {
        return base;
    }

    /** Aborts every request, stream and retry wait in flight now. New requests still work. */
    void cancel() {
        synchronized (cancelEpoch) {
            cancelEpoch.incrementAndGet();
            cancelEpoch.notifyAll();
        }
        inFlight.forEach(Call::cancel);
    }

    @Override
    public void close() {
        cancel();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** A successful response, still open; closing it releases the connection and forgets the call. */
    final class Exchange implements AutoCloseable {
        final Call call;
        final Response response;
        final long epoch;

        Exchange(Call call, Response response, long epoch) {
            this.call = call;
            this.response = response;
            this.epoch = epoch;
        }

        @Override
        public void close() {
            response.close();
            inFlight.remove(call);
        }

        /** A failure while reading this response's body: cancelled, timed out or broken. */
        AtlasException failure(String what, IOException e) {
            return Transport.this.failure(call, epoch, what, e);
        }
    }

    Exchange execute(Request unsigned) {
        String what = describe(unsigned);
        boolean idempotent = !"POST".equals(unsigned.method());
        RetryPolicy policy = config.retry();
        long epoch = cancelEpoch.get();
        Duration waited = Duration.ZERO;
        for (int attempt = 1; ; attempt++) {
            checkCancelled(epoch, what);
            Call call = http.newCall(sign(unsigned));
            inFlight.add(call);
            if (cancelEpoch.get() != epoch) {
                call.cancel();
            }
            Response resp;
            try {
                resp = call.execute();
            } catch (IOException e) {
                inFlight.remove(call);
                AtlasException f = failure(call, epoch, what, e);
                if (!idempotent && !(f instanceof AtlasCancelledException)) {
                    // The request may have reached the API before the connection broke or the answer timed out.
                    throw new AtlasException(f.getMessage() + "; " + MAY_EXIST, e);
                }
                if (f instanceof AtlasCancelledException || attempt >= policy.maxAttempts()) {
                    throw f;
                }
                Duration d = policy.delay(attempt, null);
                if (waited.plus(d).compareTo(config.deadline()) > 0) {
                    throw new AtlasException(f.getMessage() + "; gave up: retrying would pass the deadline of "
                            + config.deadline().toSeconds() + " s", e);
                }
                waited = waited.plus(d);
                LOG.warn("atlas: {} failed ({}), retrying in {} ms (attempt {}/{})", what, e.toString(),
                        d.toMillis(), attempt, policy.maxAttempts());
                pause(d, epoch, what);
                continue;
            }
            if (resp.isSuccessful()) {
                LOG.debug("atlas: {} -> HTTP {}", what, resp.code());
                return new Exchange(call, resp, epoch);
            }
            int code = resp.code();
            String retryAfter = resp.header("Retry-After");
            String body = readQuietly(resp);
            resp.close();
            inFlight.remove(call);
            boolean mayRetry = RetryPolicy.retryable(code) && (idempotent || code == 429 || code == 503);
            if (!mayRetry || attempt >= policy.maxAttempts()) {
                AtlasApiException ex = ErrorBody.toException(mapper, what, code, body);
                if (!idempotent && code >= 500 && !mayRetry) {
                    LOG.warn("atlas: {} -> HTTP {}: the measurement may have been created; check before retrying",
                            what, code);
                    throw ex.withAdvice(what, MAY_EXIST);
                }
                throw ex;
            }
            Duration d = policy.delay(attempt, retryAfter);
            if (waited.plus(d).compareTo(config.deadline()) > 0) {
                AtlasApiException ex = ErrorBody.toException(mapper, what, code, body);
                Optional<Duration> asked = policy.retryAfter(retryAfter);
                String advice = asked.isPresent()
                        ? "the API asks to retry after " + asked.get().toSeconds() + " s, more than this command's "
                                + "deadline of " + config.deadline().toSeconds() + " s allows (--deadline); try again "
                                + "later"
                        : "gave up: the next retry would pass this command's deadline of "
                                + config.deadline().toSeconds() + " s (--deadline)";
                throw ex.withAdvice(what, advice);
            }
            waited = waited.plus(d);
            LOG.warn("atlas: {} -> HTTP {}, retrying in {} ms (attempt {}/{})", what, code, d.toMillis(), attempt,
                    policy.maxAttempts());
            pause(d, epoch, what);
        }
    }

    private Request sign(Request r) {
        if (config.apiKey().isEmpty() || !sameOrigin(r.url())) {
            return r.newBuilder().removeHeader("Authorization").build();
        }
        return r.newBuilder().header("Authorization", config.apiKey().get().authorizationHeader()).build();
    }

    private boolean sameOrigin(HttpUrl u) {
        return u.scheme().equals(base.scheme()) && u.host().equals(base.host()) && u.port() == base.port();
    }

    private void pause(Duration d, long epoch, String what) {
        try {
            if (config.sleeper() == Sleeper.SYSTEM) {
                waitUnlessCancelled(d, epoch);
            } else {
                config.sleeper().sleep(d);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AtlasCancelledException("atlas: " + what + " cancelled while waiting to retry", e);
        }
        checkCancelled(epoch, what);
    }

    /** Sleeps like {@link Sleeper#SYSTEM}, but {@link #cancel()} wakes it. */
    private void waitUnlessCancelled(Duration d, long epoch) throws InterruptedException {
        long deadline = System.nanoTime() + d.toNanos();
        synchronized (cancelEpoch) {
            long left;
            while (cancelEpoch.get() == epoch && (left = deadline - System.nanoTime()) > 0) {
                cancelEpoch.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    private void checkCancelled(long epoch, String what) {
        if (cancelEpoch.get() != epoch || Thread.currentThread().isInterrupted()) {
            throw new AtlasCancelledException("atlas: " + what + " cancelled", null);
        }
    }

    private AtlasException failure(Call call, long epoch, String what, IOException e) {
        if (call.isCanceled() || cancelEpoch.get() != epoch || Thread.currentThread().isInterrupted()) {
            return new AtlasCancelledException("atlas: " + what + " cancelled", e);
        }
        if (e instanceof InterruptedIOException) {
            return new AtlasException("atlas: " + what + " timed out (" + e.getMessage() + ")", e);
        }
        return new AtlasException("atlas: " + what + " failed: " + e, e);
    }

    private static String readQuietly(Response resp) {
        try {
            return resp.body().source().readUtf8(); // error bodies are small
        } catch (IOException e) {
            return null;
        }
    }

    static String describe(Request r) {
        return r.method() + " " + r.url().encodedPath();
    }

}
