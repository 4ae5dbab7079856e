package net.nsglobal.dns.transport;

import java.util.concurrent.atomic.LongAdder;
import net.nsglobal.dns.query.Transport;

/**
 * Response size histogram per transport, in Prometheus text format. Hand-rolled on {@link LongAdder}s because a
 * Micrometer DistributionSummary costs 100–300 ns per record (a clock read for its decaying max, among others),
 * a few percent of a whole query; this costs a bucket scan and one add.
 */
final class ResponseSizes {
    /** Upper bounds: the classic 512-byte UDP limit, the EDNS default 1232 (RFC 6891 flag day), Ethernet MTU, TCP. */
    private static final int[] BOUNDS = {64, 128, 256, 512, 1024, 1232, 1500, 4096, 16384, 65535};
    private static final Transport[] TRANSPORTS = Transport.values();

    private final LongAdder[][] buckets = new LongAdder[TRANSPORTS.length][BOUNDS.length + 1];
    private final LongAdder[] sum = new LongAdder[TRANSPORTS.length];

    ResponseSizes() {
        for (int t = 0; t < TRANSPORTS.length; t++) {
            for (int b = 0; b <= BOUNDS.length; b++) buckets[t][b] = new LongAdder();
            sum[t] = new LongAdder();
        }
    }

    void record(Transport t, int bytes) {
        int b = 0;
        while (b < BOUNDS.length && bytes > BOUNDS[b]) b++;
        buckets[t.ordinal()][b].increment();
        sum[t.ordinal()].add(bytes);
    }

    /** Appends the histogram in Prometheus text exposition format 0.0.4 (cumulative buckets). */
    void appendTo(StringBuilder out) {
        out.append("# HELP dns_response_size_bytes Size of DNS responses sent.\n");
        out.append("# TYPE dns_response_size_bytes histogram\n");
        for (Transport t : TRANSPORTS) {
            LongAdder[] bs = buckets[t.ordinal()];
            String label = "transport=\"" + t.label() + "\"";
            long cumulative = 0;
            for (int b = 0; b <= BOUNDS.length; b++) {
                cumulative += bs[b].sum();
                String le = b < BOUNDS.length ? BOUNDS[b] + ".0" : "+Inf";
                out.append("dns_response_size_bytes_bucket{").append(label).append(",le=\"").append(le).append("\"} ")
                        .append(cumulative).append('\n');
            }
            out.append("dns_response_size_bytes_sum{").append(label).append("} ").append(sum[t.ordinal()].sum()).append(".0\n");
            out.append("dns_response_size_bytes_count{").append(label).append("} ").append(cumulative).append('\n');
        }
    }
}
