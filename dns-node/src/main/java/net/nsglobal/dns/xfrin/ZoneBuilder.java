package net.nsglobal.dns.xfrin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.nsglobal.dns.zone.Zone;
import net.nsglobal.dns.zone.ZoneException;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * Builds the next zone version from a transfer result, all or nothing: either a complete, valid {@link Zone} within
 * the limits, or a {@link ZoneException} naming the zone and the reason (the caller keeps serving the old version).
 */
public final class ZoneBuilder {
    private final XfrLimits limits;

    public ZoneBuilder(XfrLimits limits) {
        this.limits = limits;
    }

    /** A full zone from an AXFR (the SOA is the first record). */
    public Zone full(Name origin, List<Record> records) throws ZoneException {
        check(origin, records);
        return Zone.compile(origin, records);
    }

    /**
     * Applies IXFR differences to {@code base} (RFC 1995 §4). Each difference must start at the serial the zone is at,
     * and every deleted record must exist: anything else means the primary's history and ours disagree.
     */
    public Zone apply(Zone base, List<Diff> diffs) throws ZoneException {
        Name origin = base.origin();
        Set<Record> set = new LinkedHashSet<>(base.records());
        SOARecord soa = base.soa();
        for (Diff d : diffs) {
            if (d.from().getSerial() != soa.getSerial()) {
                throw new ZoneException("zone " + origin + ": IXFR difference starts at serial " + d.from().getSerial()
                        + " but the zone is at " + soa.getSerial());
            }
            set.remove(soa);
            for (Record r : d.deleted()) {
                if (!set.remove(r)) {
                    throw new ZoneException("zone " + origin + ": IXFR deletes a record we do not have: " + r);
                }
            }
            set.addAll(d.added());
            soa = d.to();
            set.add(soa);
        }
        List<Record> records = new ArrayList<>(set);
        check(origin, records);
        return Zone.compile(origin, records);
    }

    private void check(Name origin, List<Record> records) throws ZoneException {
        if (records.size() > limits.maxRecordsPerZone()) {
            throw new ZoneException("zone " + origin + ": limit exceeded: " + records.size() + " records > "
                    + limits.maxRecordsPerZone() + " (records-per-zone)");
        }
        Map<Name, Map<Integer, Integer>> perName = new HashMap<>();
        for (Record r : records) {
            if (!r.getName().subdomain(origin)) {
                throw new ZoneException("zone " + origin + ": record " + r.getName() + " is outside the zone");
            }
            Map<Integer, Integer> types = perName.computeIfAbsent(r.getName(), n -> new HashMap<>(4));
            int n = types.merge(r.getRRsetType(), 1, Integer::sum);
            if (n > limits.maxRecordsPerRrset()) {
                throw new ZoneException("zone " + origin + ": limit exceeded: more than " + limits.maxRecordsPerRrset()
                        + " records in RRset " + r.getName() + " " + Type.string(r.getRRsetType())
                        + " (records-per-rrset)");
            }
            if (types.size() > limits.maxTypesPerName()) {
                throw new ZoneException("zone " + origin + ": limit exceeded: more than " + limits.maxTypesPerName()
                        + " types at " + r.getName() + " (types-per-name)");
            }
        }
    }
}
