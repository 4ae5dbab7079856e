package net.nsglobal.control.signup;

import java.util.ArrayList;
import java.util.List;
import net.nsglobal.control.validate.PrimaryAddress;
import net.nsglobal.control.validate.Rname;
import org.xbill.DNS.SOARecord;

/**
 * The primary's SOA against the public one. The proof of ownership is the public SOA (its RNAME gets the mail); a
 * primary that answers another SOA is not necessarily hostile (a hidden primary ahead of its public servers has a
 * newer serial), but the owner reading the mail should know, since it may be someone else's server made to look
 * like theirs.
 */
final class SoaComparison {
    private SoaComparison() {}

    /** A sentence for the mail and the confirm page, or null when every primary agrees with the public SOA. */
    static String note(SOARecord pub, List<PrimaryAddress> primaries, List<SOARecord> theirs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < primaries.size() && i < theirs.size(); i++) {
            SOARecord s = theirs.get(i);
            if (s == null) continue;
            List<String> diff = new ArrayList<>();
            if (s.getSerial() != pub.getSerial()) diff.add("serial " + s.getSerial() + " (public: " + pub.getSerial() + ")");
            if (!s.getHost().equals(pub.getHost())) {
                diff.add("MNAME " + s.getHost() + " (public: " + pub.getHost() + ")");
            }
            if (!s.getAdmin().equals(pub.getAdmin())) {
                diff.add("contact " + Rname.toMailbox(s.getAdmin()).map(Rname::mask).orElse(s.getAdmin().toString())
                        + " (public: " + Rname.toMailbox(pub.getAdmin()).map(Rname::mask).orElse(pub.getAdmin().toString())
                        + ")");
            }
            if (!diff.isEmpty()) parts.add("primary " + primaries.get(i) + " answers " + String.join(", ", diff));
        }
        if (parts.isEmpty()) return null;
        return "The SOA on the primaries you gave differs from the public SOA of the zone: " + String.join("; ", parts)
                + ". If these are not your servers, do not confirm.";
    }
}
