package net.nsglobal.dns.query;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;

/**
 * The outcome of a lookup before encoding: rcode, AA, and three sections, each a list of units (an RRset followed
 * by its RRSIGs). Units let the encoder drop whole RRsets from the additional section when they do not fit.
 */
final class Answer {
    int rcode;
    boolean authoritative = true;
    final List<List<Record>> answer = new ArrayList<>();
    final List<List<Record>> authority = new ArrayList<>();
    final List<List<Record>> additional = new ArrayList<>();

    static List<Record> unit(RRset set, boolean withSigs) {
        List<Record> u = new ArrayList<>(set.size() + (withSigs ? set.sigs().size() : 0));
        u.addAll(set.rrs(false));
        if (withSigs) u.addAll(set.sigs());
        return u;
    }

    /** Adds a unit unless an identical one is already in any section (proofs often coincide). */
    static void addOnce(List<List<Record>> section, List<Record> unit, Answer a) {
        if (unit.isEmpty()) return;
        Record head = unit.get(0);
        for (List<List<Record>> s : List.of(a.answer, a.authority, a.additional)) {
            for (List<Record> u : s) {
                if (!u.isEmpty() && u.get(0).equals(head) && sameKind(u.get(0), head)) return;
            }
        }
        section.add(unit);
    }

    private static boolean sameKind(Record a, Record b) {
        return !(a instanceof RRSIGRecord) && a.getName().equals(b.getName()) && a.getType() == b.getType();
    }
}
