package net.nsglobal.dashboard.it;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Optional;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.dashboard.web.WebApp;
import net.nsglobal.te.analyze.Observatory;
import net.nsglobal.testkit.SharedData;

/** Web apps over a {@link Harness}'s control plane (its operators) with a given observatory, on free ports. */
final class ObservatoryWeb {
    static final Path COUNTRIES = SharedData.file("geo/countries-110m.geojson");

    private ObservatoryWeb() {}

    /** @param observatory empty: the pages without an observatory */
    static WebApp start(Harness h, Optional<Observatory> observatory) {
        ControlPlaneConfig b = h.config;
        ControlPlaneConfig c = new ControlPlaneConfig(b.publicUrl(), new InetSocketAddress("127.0.0.1", 0), b.db(),
                b.dataDir(), b.resolver(), b.smtp(), b.allowList(), b.ownPrefixes(), b.nsNames(), b.collector(),
                b.edges(), b.catalog(), b.limits(), b.signup(), b.operators(), b.demoMailbox());
        return new WebApp(c, h.plane.signups(), h.plane.confirms(), h.plane.statuses(), null, h.plane.proofs(),
                h.plane.operators(), observatory, observatory.isPresent() ? COUNTRIES : null).start();
    }
}
