package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.nsglobal.dns.wire.ParsedQuery;
import net.nsglobal.dns.zone.NameKey;
import net.nsglobal.dns.zone.ZoneStore;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One pipeline, many threads (as the transport runs it), while zones are swapped underneath: every response is the
 * right one for its own query — ID, question case, answer — and a query sees either the old or the new version of a
 * zone, never a mixture.
 */
class PipelineConcurrencyTest {
    @Test
    void concurrentQueriesAndZoneSwaps() throws Exception {
        ZoneStore store = Fixtures.store();
        Pipeline pipeline = Pipeline.standard(store, Identity.of("c"), null, null);
        var plain = store.get(Name.fromConstantString("plain.test."));
        String[] names = {"www.plain.test.", "WWW.Plain.Test.", "nope.plain.test.", "a.wild.plain.test.",
                "cn2.plain.test.", "x.sub.plain.test.", "www.n.test.", "nope.n3.test."};
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final int seed = t;
            futures.add(pool.submit(() -> {
                ParsedQuery scratch = new ParsedQuery();
                NameKey probe = new NameKey();
                byte[] out = new byte[65535];
                int checked = 0;
                for (int i = 0; i < 20_000; i++) {
                    String name = names[(i + seed) % names.length];
                    byte[] q = Fixtures.query(name, Type.A, DClass.IN, 1232, (i & 1) == 0, false);
                    q[0] = (byte) (i >> 8);
                    q[1] = (byte) i;
                    QueryContext ctx = new QueryContext(q, q.length, Transport.UDP, null, null, scratch, probe, out);
                    pipeline.process(ctx);
                    Message m = new Message(Arrays.copyOf(ctx.response(), ctx.responseLength()));
                    assertThat(m.getHeader().getID()).isEqualTo(i & 0xFFFF);
                    assertThat(m.getQuestion().getName().toString()).isEqualTo(name);
                    if (name.equalsIgnoreCase("www.plain.test.")) {
                        assertThat(m.getSection(Section.ANSWER).get(0).rdataToString()).isEqualTo("192.0.2.10");
                    }
                    if (name.startsWith("nope")) assertThat(m.getRcode()).isEqualTo(Rcode.NXDOMAIN);
                    checked++;
                }
                return checked;
            }));
        }
        for (int i = 0; i < 200; i++) store.put(plain.asExpired(false)); // swaps: same data, fresh snapshot
        int total = 0;
        for (Future<Integer> f : futures) total += f.get();
        pool.shutdown();
        assertThat(total).isEqualTo(80_000);
    }
}
