package net.nsglobal.te.measure;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import net.nsglobal.config.Cidr;
import net.nsglobal.platform.sites.Site;

/** Sites named like the airports the recorded Cloudflare answers name (EWR and SIN are not among them). */
final class Fixtures {
    private Fixtures() {}

    static final List<Site> SITES = List.of(site("jnb", 1), site("lhr", 2), site("cdg", 3), site("fra", 4), site("ams", 5));

    static Site site(String id, int n) {
        try {
            return new Site(id, id, "ZZ", 0, 0, (Inet4Address) InetAddress.getByName("192.0.2." + n), Optional.empty(),
                    List.of(new Cidr(InetAddress.getByName("198.51.100.0"), 24)), 64500, List.of());
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
