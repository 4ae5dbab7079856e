package net.nsglobal.atlas.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import net.nsglobal.atlas.results.DnsResult;
import net.nsglobal.atlas.results.ParseStats;
import net.nsglobal.atlas.results.PingResult;
import net.nsglobal.atlas.testdata.SharedData;
import okio.BufferedSink;
import org.junit.jupiter.api.Test;

/**
 * A results download larger than the heap: every real recorded result (DNS and ping, 30,374 objects), four times, as
 * one JSON array streamed by the mock server straight from the gzip files — about 74 MB of JSON. Surefire runs this
 * class in its own fork with {@code -Xmx64m} (see atlas/pom.xml), so it only passes if the client parses in
 * constant memory.
 */
class LargeResultStreamTest {
    private static final List<String> FILES = List.of(SharedData.CLOUDFLARE_IDSERVER, SharedData.GOOGLE_WHOAMI,
            SharedData.PING_GOOGLE, SharedData.PING_OPENDNS);
    private static final int PASSES = 4;

    /** The array, written line by line from the data files; {@code writeTo} may be called to measure. */
    private static final class RecordedArray implements MockResponseBody {
        private final long length;

        RecordedArray() throws IOException {
            CountingSink counter = new CountingSink();
            write(counter);
            length = counter.count;
        }

        @Override
        public long getContentLength() {
            return length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            write(new Out() {
                @Override
                public void add(String s) throws IOException {
                    sink.writeUtf8(s);
                }
            });
            sink.flush();
        }

        private static void write(Out out) throws IOException {
            out.add("[");
            boolean first = true;
            for (int pass = 0; pass < PASSES; pass++) {
                for (String f : FILES) {
                    try (BufferedReader r = new BufferedReader(new InputStreamReader(SharedData.open(f),
                            StandardCharsets.UTF_8))) {
                        for (String line; (line = r.readLine()) != null; ) {
                            if (line.isBlank()) {
                                continue;
                            }
                            out.add(first ? line : "," + line);
                            first = false;
                        }
                    }
                }
            }
            out.add("]");
        }
    }

    private interface Out {
        void add(String s) throws IOException;
    }

    private static final class CountingSink implements Out {
        long count;

        @Override
        public void add(String s) {
            count += s.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    @Test
    void moreResultsThanFitInTheHeapStreamThrough() throws Exception {
        RecordedArray body = new RecordedArray();
        try (MockAtlas atlas = new MockAtlas()) {
            atlas.server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                    .body(body).build());
            AtomicLong dns = new AtomicLong();
            AtomicLong sited = new AtomicLong();
            AtomicLong pings = new AtomicLong();
            AtomicLong lost = new AtomicLong();
            ParseStats s = atlas.client.results(1, ResultQuery.all(), r -> {
                if (r instanceof DnsResult d) {
                    dns.incrementAndGet();
                    d.firstAnswer().flatMap(a -> a.siteIdentity()).ifPresent(x -> sited.incrementAndGet());
                } else if (r instanceof PingResult p) {
                    pings.incrementAndGet();
                    lost.addAndGet(p.lost());
                }
            });
            assertThat(s.parsed()).isEqualTo(PASSES * 30374L).isGreaterThanOrEqualTo(10_000);
            assertThat(s.skipped()).isZero();
            assertThat(dns.get()).isEqualTo(PASSES * (2684L + 9197L));
            assertThat(pings.get()).isEqualTo(PASSES * (9232L + 9261L));
            assertThat(lost.get()).isEqualTo(PASSES * (252L + 242L));
            assertThat(sited.get()).isEqualTo(PASSES * (2684L + 8646L));
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (heap <= 128L << 20) { // in the -Xmx64m fork: the download really was larger than the whole heap
            assertThat(body.getContentLength()).isGreaterThan(heap);
        }
    }
}
