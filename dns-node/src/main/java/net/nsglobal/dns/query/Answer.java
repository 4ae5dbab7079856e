package net.nsglobal.dns.query;

import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.zone.RecordSet;
import org.xbill.DNS.Record;

/**
 * The outcome of a lookup before encoding: rcode, AA, and three sections. Each section is a list of units (one
 * RecordSet) followed by the units of their RRSIGs — the order in which Knot writes a section (RRSIGs are appended
 * after the section's RRsets), which decides what survives truncation ({@link ResponseWriter}).
 */
final class Answer {
    /** One section: RRsets in order, then the RRSIG sets of those RRsets in the same order. */
    static final class Section {
        final List<List<Record>> data = new ArrayList<>();
        final List<List<Record>> sigs = new ArrayList<>();

        void add(List<Record> rrs, List<Record> rrsigs) {
            if (rrs.isEmpty()) return;
            data.add(rrs);
            if (rrsigs != null && !rrsigs.isEmpty()) sigs.add(rrsigs);
        }

        /** Units in write order. */
        List<List<Record>> units() {
            List<List<Record>> all = new ArrayList<>(data.size() + sigs.size());
            all.addAll(data);
            all.addAll(sigs);
            return all;
        }

        boolean isEmpty() { return data.isEmpty(); }

        boolean contains(Record head) {
            for (List<Record> u : data) {
                Record h = u.get(0);
                if (h.equals(head) && h.getName().equals(head.getName())) return true;
            }
            return false;
        }
    }

    int rcode;
    boolean authoritative = true;
    final Section answer = new Section();
    final Section authority = new Section();
    final Section additional = new Section();

    /** Adds an RecordSet (and its RRSIGs when {@code withSigs}) to a section. */
    void add(Section s, RecordSet set, boolean withSigs) {
        s.add(new ArrayList<Record>(set.rrs()), withSigs ? new ArrayList<Record>(set.sigs()) : null);
    }

    /** Adds an RecordSet unless it is already in any section (proofs often coincide). */
    void addOnce(Section s, List<Record> rrs, List<Record> sigs) {
        if (rrs.isEmpty()) return;
        Record head = rrs.get(0);
        if (answer.contains(head) || authority.contains(head) || additional.contains(head)) return;
        s.add(rrs, sigs);
    }

    void addOnce(Section s, RecordSet set, boolean withSigs) {
        addOnce(s, new ArrayList<Record>(set.rrs()), withSigs ? new ArrayList<Record>(set.sigs()) : null);
    }
}
