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
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A results download larger than the heap: every real recorded result (DNS and ping, 30,374 objects), four times, as
 * one JSON array streamed by the mock server straight from the gzip files — about 74 MB of JSON. The download runs in
 * a JVM this test starts itself with {@code -Xmx}{@value #CHILD_HEAP_MB}{@code m} (whatever heap the test's own JVM
 * has, under surefire or an IDE), and the test asserts the body was larger than that JVM's whole heap: it passes
 * only if the client parses in constant memory, and a client that buffers the body runs out of memory and fails it.
 */
class LargeResultStreamTest {
    private static final List<String> FILES = List.of(SharedData.CLOUDFLARE_IDSERVER, SharedData.GOOGLE_WHOAMI,
            SharedData.PING_GOOGLE, SharedData.PING_OPENDNS);
    private static final int PASSES = 4;
    private static final int CHILD_HEAP_MB = 64;

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
    @Timeout(600)
    void moreResultsThanFitInTheHeapStreamThrough() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx" + CHILD_HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), Download.class.getName())
                .redirectErrorStream(true).start();
        Map<String, Long> out = new HashMap<>();
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                log.append(line).append('\n');
                if (line.startsWith("result ")) {
                    String[] kv = line.substring(7).split("=");
                    out.put(kv[0], Long.parseLong(kv[1]));
                }
            }
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("the download in a %d MB heap:%n%s", CHILD_HEAP_MB, log).isZero();

        assertThat(out.get("maxHeap")).as("the child's heap").isLessThanOrEqualTo((long) CHILD_HEAP_MB << 20);
        assertThat(out.get("length")).as("the body is larger than the whole heap it streamed through")
                .isGreaterThan(out.get("maxHeap"));
        assertThat(out.get("parsed")).isEqualTo(PASSES * 30374L).isGreaterThanOrEqualTo(10_000);
        assertThat(out.get("skipped")).isZero();
        assertThat(out.get("dns")).isEqualTo(PASSES * (2684L + 9197L));
        assertThat(out.get("pings")).isEqualTo(PASSES * (9232L + 9261L));
        assertThat(out.get("lost")).isEqualTo(PASSES * (252L + 240L)); // send errors are not losses
        assertThat(out.get("sited")).isEqualTo(PASSES * (2684L + 8646L));
    }

    /** The download itself, run in the small-heap JVM: prints what it counted as {@code result key=value} lines. */
    static final class Download {
        public static void main(String[] args) {
            try {
                run();
            } catch (Throwable t) {
                t.printStackTrace();
                System.exit(1);
            }
            System.exit(0);   // the mock server's threads must not keep this JVM alive
        }

        private static void run() throws Exception {
            RecordedArray body = new RecordedArray();
            AtomicLong dns = new AtomicLong();
            AtomicLong sited = new AtomicLong();
            AtomicLong pings = new AtomicLong();
            AtomicLong lost = new AtomicLong();
            ParseStats s;
            try (MockAtlas atlas = new MockAtlas()) {
                atlas.server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                        .body(body).build());
                s = atlas.client.results(1, ResultQuery.all(), r -> {
                    if (r instanceof DnsResult d) {
                        dns.incrementAndGet();
                        d.firstAnswer().flatMap(a -> a.siteIdentity()).ifPresent(x -> sited.incrementAndGet());
                    } else if (r instanceof PingResult ping) {
                        pings.incrementAndGet();
                        lost.addAndGet(ping.lost());
                    }
                });
            }
            System.out.println("result length=" + body.getContentLength());
            System.out.println("result maxHeap=" + Runtime.getRuntime().maxMemory());
            System.out.println("result parsed=" + s.parsed());
            System.out.println("result skipped=" + s.skipped());
            System.out.println("result dns=" + dns.get());
            System.out.println("result pings=" + pings.get());
            System.out.println("result lost=" + lost.get());
            System.out.println("result sited=" + sited.get());
            System.out.flush();
        }
    }
}
