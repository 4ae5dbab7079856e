package net.nsglobal.dns.catalog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Serial;
import org.xbill.DNS.TXTRecord;

/**
 * Builds the fleet catalog the collector serves to edges (RFC 9432 version 2): one {@code ID.zones} PTR per zone the
 * collector holds, the ID a stable hash of the member name (so BIND and we agree across rebuilds, §4.3), no primaries
 * (edges use the collector, their default primary), and the member's group (RFC 9432 §4.4.2) when it has one:
 *
 * <pre>
 *   ID.zones.fleet.catalog.        PTR  example.com.
 *   group.ID.zones.fleet.catalog.  TXT  "gold"        ; the group the customers' catalog gave example.com
 * </pre>
 *
 * Pure: the caller owns the serial, the member set and the groups.
 */
public final class FleetCatalog {
    private FleetCatalog() {}

    public static Zone build(Name origin, long serial, Set<Name> members) throws ZoneException {
        return build(origin, serial, members, Map.of());
    }

    /** @param groups the group of each member that has one (others have none) */
    public static Zone build(Name origin, long serial, Set<Name> members, Map<Name, String> groups)
            throws ZoneException {
        List<Record> rs = new ArrayList<>(members.size() + 3);
        long ttl = 0; // RFC 9432 §4: TTLs are not used; 0 keeps resolvers from caching if it ever leaks
        Name invalid = Name.fromConstantString("invalid.");
        rs.add(new SOARecord(origin, DClass.IN, ttl, invalid, invalid, serial, 60, 60, 604800 * 4, 0));
        rs.add(new NSRecord(origin, DClass.IN, ttl, invalid)); // RFC 9432 §4.1
        try {
            rs.add(new TXTRecord(Name.concatenate(Name.fromConstantString("version"), origin), DClass.IN, ttl, "2"));
            Name zones = Name.concatenate(Name.fromConstantString("zones"), origin);
            for (Name m : new TreeSet<>(members)) {
                Name idOwner = Name.concatenate(Name.fromConstantString(id(m)), zones);
                rs.add(new PTRRecord(idOwner, DClass.IN, ttl, m));
                String group = groups.get(m);
                if (group != null) {
                    rs.add(new TXTRecord(Name.concatenate(Name.fromConstantString("group"), idOwner), DClass.IN, ttl,
                            group));
                }
            }
        } catch (org.xbill.DNS.NameTooLongException e) {
            throw new ZoneException("catalog " + origin + ": name too long: " + e.getMessage());
        }
        return Zone.compile(origin, rs);
    }

    /** The next serial after {@code previous} (RFC 1982), at least the current time in seconds. */
    public static long nextSerial(long previous) {
        long now = System.currentTimeMillis() / 1000 & 0xffffffffL;
        long next = Serial.increment(previous);
        return Serial.compare(now, next) > 0 ? now : next;
    }

    /** A member's unique label: SHA-1 of its lower-case wire name, hex (as BIND names members it adds). */
    static String id(Name member) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-1").digest(member.toString(true).toLowerCase()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
