package net.nsglobal.dns.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.secondary.SecondarySpec;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** Membership changes between catalog versions: add, remove, zone reset on a new member id, invalid versions. */
class CatalogConsumerTest {
    final List<String> calls = new ArrayList<>();
    final CatalogConsumer consumer = new CatalogConsumer(Name.fromConstantString("cat.example."),
            List.of(new InetSocketAddress("127.0.0.1", 5300)), null, n -> null, new CatalogConsumer.Members() {
                @Override public void add(SecondarySpec spec) {
                    calls.add("add " + spec.zone() + " " + spec.primaries().get(0).getPort());
                }
                @Override public void remove(Name zone) { calls.add("remove " + zone); }
            });

    static final String HEAD = "$TTL 0\n@ SOA invalid. invalid. 1 60 60 2419200 0\n@ NS invalid.\nversion TXT \"2\"\n";

    @Test
    void addRemoveResetAndInvalid() throws Exception {
        consumer.apply(CatalogTest.zone("cat.example.", HEAD + "a.zones PTR one.example.\n"
                + "b.zones PTR two.example.\nprimaries.ext.b.zones A 192.0.2.9\n"));
        assertThat(calls).containsExactlyInAnyOrder("add one.example. 5300", "add two.example. 53");
        calls.clear();
        consumer.apply(CatalogTest.zone("cat.example.", HEAD + "c.zones PTR one.example.\n"));
        assertThat(calls).containsExactly("remove two.example.", "remove one.example.", "add one.example. 5300");
        calls.clear();
        consumer.apply(CatalogTest.zone("cat.example.", "$TTL 0\n@ SOA invalid. invalid. 1 60 60 2419200 0\n"
                + "@ NS invalid.\nversion TXT \"1\"\n"));
        assertThat(calls).isEmpty();
        assertThat(consumer.members()).containsExactly(Name.fromString("one.example."));
    }
}
