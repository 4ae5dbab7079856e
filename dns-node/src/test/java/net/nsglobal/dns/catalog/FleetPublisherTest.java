package net.nsglobal.dns.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.nsglobal.dns.zone.Zone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** The fleet catalog carries each member's group (RFC 9432 §4.4.2); a changed group is a new catalog version. */
class FleetPublisherTest {
    final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    final Map<Name, String> groups = new HashMap<>();
    final List<Zone> versions = new ArrayList<>();
    final FleetPublisher publisher = new FleetPublisher(Name.fromConstantString("fleet.catalog."), null, clock,
            (prev, next) -> versions.add(next), groups::get);

    @AfterEach
    void stop() {
        clock.shutdownNow();
    }

    static Map<Name, String> groupsIn(Zone z) {
        Map<Name, String> out = new HashMap<>();
        ((Catalog.Parsed.Ok) Catalog.parse(z)).catalog().members().forEach((n, m) -> {
            if (m.group() != null) out.put(n, m.group());
        });
        return out;
    }

    @Test
    void groupsFollowTheCustomersCatalog() throws Exception {
        Name a = Name.fromString("a.example.");
        Name b = Name.fromString("b.example.");
        groups.put(a, "gold");
        publisher.add(a);
        publisher.add(b);
        publisher.publishNow();
        assertThat(groupsIn(publisher.current())).isEqualTo(Map.of(a, "gold"));

        publisher.add(a); // same group: nothing to publish
        publisher.publishNow();
        assertThat(versions).hasSize(1);

        groups.put(a, "silver");
        groups.put(b, "gold");
        publisher.add(a);
        publisher.add(b);
        publisher.publishNow();
        assertThat(versions).hasSize(2);
        assertThat(groupsIn(publisher.current())).isEqualTo(Map.of(a, "silver", b, "gold"));

        groups.remove(a);
        publisher.add(a);
        publisher.remove(b);
        publisher.publishNow();
        assertThat(((Catalog.Parsed.Ok) Catalog.parse(publisher.current())).catalog().members().keySet())
                .containsExactly(a);
        assertThat(groupsIn(publisher.current())).isEmpty();
    }
}
