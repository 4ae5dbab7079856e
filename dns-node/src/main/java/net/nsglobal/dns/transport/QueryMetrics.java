package net.nsglobal.dns.transport;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.LongAdder;
import net.nsglobal.dns.query.Transport;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Query counters for Prometheus, cheap on the hot path: plain {@link LongAdder} cells indexed by transport × rcode and
 * transport × qtype. Micrometer meters are registered lazily, only for cells that ever counted, when
 * {@link #registerSeen} runs before each scrape.
 */
public final class QueryMetrics {
    private static final int RCODES = 24;        // 0..23 covers DNS and extended (BADVERS=16 … BADCOOKIE=23)
    private static final int OTHER_RCODE = RCODES;
    /** qtype → counter slot: each type with a mnemonic has its own, all others share slot 0 ("OTHER"), so that
     *  random qtypes (scans, fuzzing) cannot blow up the number of series. */
    private static final short[] SLOT = new short[65536];
    private static final String[] SLOT_NAME;

    static {
        java.util.List<String> names = new java.util.ArrayList<>();
        names.add("OTHER");
        for (int t = 0; t < 65536; t++) {
            String n = Type.string(t);
            if (!n.startsWith("TYPE")) {
                SLOT[t] = (short) names.size();
                names.add(n);
            }
        }
        SLOT_NAME = names.toArray(new String[0]);
    }

    private static final Transport[] TRANSPORTS = Transport.values();

    private final MeterRegistry registry;
    private final LongAdder[][] byRcode = new LongAdder[TRANSPORTS.length][RCODES + 1];
    private final LongAdder[] dropped = new LongAdder[TRANSPORTS.length];
    private final LongAdder[][] byQtype = new LongAdder[TRANSPORTS.length][];
    private final boolean[][] rcodeRegistered = new boolean[TRANSPORTS.length][RCODES + 1];
    private final boolean[][] qtypeRegistered = new boolean[TRANSPORTS.length][];
    private final ResponseSizes responseSizes = new ResponseSizes();

    public QueryMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Transport t : TRANSPORTS) {
            int i = t.ordinal();
            for (int r = 0; r <= RCODES; r++) byRcode[i][r] = new LongAdder();
            byQtype[i] = new LongAdder[SLOT_NAME.length];
            for (int q = 0; q < SLOT_NAME.length; q++) byQtype[i][q] = new LongAdder();
            qtypeRegistered[i] = new boolean[SLOT_NAME.length];
            dropped[i] = new LongAdder();
            FunctionCounter.builder("dns_queries_dropped", dropped[i], LongAdder::doubleValue)
                    .description("queries answered with nothing (QR=1, unparseable header, policy)")
                    .tag("transport", t.label()).register(registry);
        }
    }

    /** Counts one query (qtype -1 = no question) and its outcome (rcode -1 = dropped, size of the response sent). */
    public void count(Transport t, int qtype, int rcode, int responseBytes) {
        int i = t.ordinal();
        if (qtype >= 0) byQtype[i][SLOT[qtype]].increment();
        if (rcode < 0) {
            dropped[i].increment();
            return;
        }
        byRcode[i][rcode < RCODES ? rcode : OTHER_RCODE].increment();
        if (responseBytes > 0) responseSizes.record(t, responseBytes);
    }

    /** Appends what is not a Micrometer meter (the response size histogram) in Prometheus text format. */
    public void appendExposition(StringBuilder out) {
        responseSizes.appendTo(out);
    }

    /** Registers a meter for every cell that has counted since the last call; call before scraping. */
    public synchronized void registerSeen() {
        for (Transport t : TRANSPORTS) {
            int i = t.ordinal();
            for (int r = 0; r <= RCODES; r++) {
                if (!rcodeRegistered[i][r] && byRcode[i][r].sum() > 0) {
                    rcodeRegistered[i][r] = true;
                    FunctionCounter.builder("dns_responses", byRcode[i][r], LongAdder::doubleValue)
                            .description("responses sent, by transport and rcode")
                            .tag("transport", t.label())
                            .tag("rcode", r == OTHER_RCODE ? "OTHER" : Rcode.string(r))
                            .register(registry);
                }
            }
            LongAdder[] q = byQtype[i];
            for (int slot = 0; slot < q.length; slot++) {
                if (!qtypeRegistered[i][slot] && q[slot].sum() > 0) {
                    qtypeRegistered[i][slot] = true;
                    FunctionCounter.builder("dns_queries", q[slot], LongAdder::doubleValue)
                            .description("queries received, by transport and qtype (OTHER: types without a mnemonic)")
                            .tag("transport", t.label())
                            .tag("qtype", SLOT_NAME[slot])
                            .register(registry);
                }
            }
        }
    }

    /**
     * The QTYPE of the first question read straight from the wire (RFC 1035 §4.1.2), or -1 when there is none or it
     * does not parse; no allocation, never throws.
     */
    public static int qtypeOf(byte[] wire, int length) {
        if (length < 12) return -1;
        int qdcount = ((wire[4] & 0xff) << 8) | (wire[5] & 0xff);
        if (qdcount == 0) return -1;
        int p = 12;
        while (p < length) {
            int l = wire[p] & 0xff;
            if (l == 0) { p++; break; }
            if ((l & 0xc0) != 0) return -1;      // no compression expected in the first QNAME
            p += l + 1;
        }
        if (p + 2 > length) return -1;
        return ((wire[p] & 0xff) << 8) | (wire[p + 1] & 0xff);
    }
}
