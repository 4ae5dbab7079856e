package net.nsglobal.control.catalog;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import net.nsglobal.control.store.ZoneEntry;
import net.nsglobal.control.validate.PrimaryAddress;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneException;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * Builds the collector's input catalog (RFC 9432, version 2) from the confirmed zones.
 *
 * <pre>
 * CATALOG.                                SOA  invalid. hostmaster.invalid. SERIAL 60 30 1209600 0
 * CATALOG.                                NS   invalid.                       ; §4: required, never used
 * version.CATALOG.                        TXT  "2"                            ; §4.2.1
 * ID.zones.CATALOG.                       PTR  example.com.                   ; §4.2.2 member
 * p0.primaries.ext.ID.zones.CATALOG.      A    198.51.100.7                   ; BIND-style primaries property
 * p0.primaries.ext.ID.zones.CATALOG.      TXT  "key-name"                     ; BIND: TSIG key of that primary
 * primaries-port.ext.ID.zones.CATALOG.    TXT  "5300"                         ; NS-Global: only when not 53
 * </pre>
 * Custom properties live under {@code ext} (§4.4). BIND's catalog-zones document the labelled
 * {@code primaries} form with an A/AAAA and an optional TXT naming the TSIG key. BIND has no port there, so the
 * port is dns-node's {@code primaries-port} extension (net.nsglobal.dns.catalog.Catalog), one per member: the
 * sign-up therefore requires all primaries of a zone to share one port.
 * TSIG secrets are never put in the catalog (it is transferable); the collector holds keys in its own config.
 */
public final class CatalogZoneBuilder {
    static final long TTL = 0; // RFC 9432 §4: TTLs in a catalog carry no meaning

    private CatalogZoneBuilder() {}

    public static Zone build(Name catalog, long serial, List<ZoneEntry> zones) throws ZoneException {
        try {
            List<Record> rs = new ArrayList<>();
            Name invalid = Name.fromString("invalid.");
            rs.add(new SOARecord(catalog, DClass.IN, TTL, invalid, Name.fromString("hostmaster.invalid."),
                    serial, 60, 30, 1209600, 0));
            rs.add(new NSRecord(catalog, DClass.IN, TTL, invalid));
            rs.add(new TXTRecord(Name.concatenate(Name.fromString("version"), catalog), DClass.IN, TTL, "2"));
            Name zonesLabel = Name.concatenate(Name.fromString("zones"), catalog);
            for (ZoneEntry z : zones) {
                Name member = Name.concatenate(Name.fromString(z.catalogId()), zonesLabel);
                rs.add(new PTRRecord(member, DClass.IN, TTL, Name.fromString(z.domain() + ".")));
                Name prim = Name.concatenate(Name.fromString("primaries.ext"), member);
                for (int i = 0; i < z.primaries().size(); i++) {
                    PrimaryAddress p = PrimaryAddress.parse(z.primaries().get(i));
                    Name label = Name.concatenate(Name.fromString("p" + i), prim);
                    InetAddress a = p.address();
                    rs.add(a.getAddress().length == 4 ? new ARecord(label, DClass.IN, TTL, a)
                            : new AAAARecord(label, DClass.IN, TTL, a));
                    if (z.tsigName() != null) rs.add(new TXTRecord(label, DClass.IN, TTL, z.tsigName()));
                }
                int port = z.primaries().isEmpty() ? 53 : PrimaryAddress.parse(z.primaries().get(0)).port();
                if (port != 53) {
                    rs.add(new TXTRecord(Name.concatenate(Name.fromString("primaries-port.ext"), member), DClass.IN,
                            TTL, Integer.toString(port)));
                }
            }
            return Zone.compile(catalog, rs);
        } catch (TextParseException | org.xbill.DNS.NameTooLongException | PrimaryAddress.Invalid e) {
            throw new ZoneException("catalog " + catalog + ": cannot build: " + e.getMessage());
        }
    }
}
