package net.nsglobal.te.analyze;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import net.nsglobal.platform.sites.Site;

/** Sites for tests: only id, city, country and coordinates matter to the analysis. */
final class Fleet {
    private Fleet() {}

    static Site site(String id, String city, String country, double lat, double lon) {
        try {
            // 192.0.2.0/24 is TEST-NET-1 (RFC 5737): never routed, never contacted.
            Inet4Address unicast = (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
            return new Site(id, city, country, lat, lon, unicast, Optional.empty(), List.of(), 64_512, List.of());
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
