package net.nsglobal.te.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.nsglobal.platform.sites.Site;
import net.nsglobal.platform.sites.Sites;
import net.nsglobal.te.apply.Knobs;
import net.nsglobal.te.measure.MemoryStoreAccess;
import net.nsglobal.te.propose.ChangeApplier;
import org.junit.jupiter.api.Test;

/**
 * An experiment a site refuses never leaves the fleet half-changed: the sites already changed get their knobs back,
 * and nothing is measured. (The measured path — apply, measure through the Atlas API, restore — runs in
 * {@link EngineLoopTest}.)
 */
class MeasuredExperimentRunnerTest {
    @Test
    void aSiteThatRefusesTheExperimentLeavesEverySiteAsItWas() throws Exception {
        List<Site> sites = Sites.load(Path.of("..", "sites")).all().stream()
                .filter(s -> List.of("ams1", "fra1", "nrt1").contains(s.id())).toList();
        List<String> calls = new ArrayList<>();
        Fleet fleet = new Fleet(sites, (site, knobs) -> {
            calls.add(site + " " + Fleet.describe(knobs));
            return site.equals("fra1") && knobs.sessions().values().stream().anyMatch(s -> s.prepend() == 2)
                    ? new ChangeApplier.Outcome.Refused("bird -p: syntax error") : new ChangeApplier.Outcome.Applied("ok");
        }, MemoryStoreAccess.store(), Clock.systemUTC());
        Map<String, Knobs> before = fleet.running();
        Map<String, Knobs> experiment = new LinkedHashMap<>(before);
        for (String id : List.of("ams1", "fra1")) {
            Knobs k = before.get(id);
            for (String session : k.sessions().keySet()) k = k.withPrepend(session, 2);
            experiment.put(id, k);
        }
        MeasuredExperimentRunner runner = new MeasuredExperimentRunner(fleet, null, MemoryStoreAccess.store(),
                InetAddress.getByName("198.51.100.1"), () -> { throw new AssertionError("nothing may be measured"); },
                Duration.ZERO, Duration.ofSeconds(1), Clock.systemUTC());

        assertThatThrownBy(() -> runner.catchment(experiment)).isInstanceOf(IOException.class)
                .hasMessageContaining("site fra1 did not take the experiment's knobs: bird -p: syntax error");

        assertThat(fleet.running()).isEqualTo(before);
        assertThat(calls).containsExactly("ams1 " + Fleet.describe(experiment.get("ams1")),
                "fra1 " + Fleet.describe(experiment.get("fra1")),
                "ams1 " + Fleet.describe(before.get("ams1")),
                "fra1 " + Fleet.describe(before.get("fra1")));
    }
}
