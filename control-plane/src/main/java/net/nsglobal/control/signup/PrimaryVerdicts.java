package net.nsglobal.control.signup;

import net.nsglobal.control.probe.SoaAnswer;
import net.nsglobal.control.validate.PrimaryAddress;

/** A primary's SOA verdict as a sentence for the owner (null = it answers authoritatively, all good). */
public final class PrimaryVerdicts {
    private PrimaryVerdicts() {}

    public static String problem(SoaAnswer a, PrimaryAddress p, String domain) {
        if (a instanceof SoaAnswer.Found f) {
            return f.authoritative() ? null : p + " answered for " + domain
                    + " but not authoritatively (AA bit not set): is the zone loaded there?";
        }
        if (a instanceof SoaAnswer.NoSuchDomain) return p + " says " + domain + " does not exist.";
        if (a instanceof SoaAnswer.NotAZone) return p + " has no SOA for " + domain + ".";
        if (a instanceof SoaAnswer.TsigFailed t) {
            String what = t.why().startsWith("BAD")
                    ? " did not accept our query signed with your TSIG key (" + t.why() + ")."
                    : " signed its answer with a key that does not verify with yours.";
            return p + what + " The key name, algorithm and secret must be exactly those configured on the primary; "
                    + "check them.";
        }
        if (a instanceof SoaAnswer.Rcode rc) {
            return p + " answered " + rc.rcode() + " for the SOA of " + domain + "; it must serve the zone.";
        }
        return "No answer from " + p + ". Check the address and that port " + p.port() + " (UDP and TCP) is open to us.";
    }
}
