package net.nsglobal.control.signup;

import java.util.List;
import net.nsglobal.control.config.ControlPlaneConfig;
import net.nsglobal.control.store.PendingRequest.Kind;
import net.nsglobal.control.store.RequestProof;

/** The text of the confirmation mail. Plain text only: nothing a mail client could render as active content. */
final class ConfirmationMail {
    private ConfirmationMail() {}

    static String subject(Kind kind, String domain) {
        return switch (kind) {
            case SIGNUP -> "Confirm secondary DNS for " + domain;
            case CHANGE -> "Confirm the change of primaries for " + domain;
            case DELETE -> "Confirm the removal of " + domain + " from NS-Global";
        };
    }

    static String body(ControlPlaneConfig c, Kind kind, String domain, List<String> primaries, String token,
                       RequestProof proof) {
        boolean parent = proof.method() == RequestProof.Method.PARENT_RNAME;
        String what = parent
                ? "Someone who says they own " + proof.zone() + " asked NS-Global to stop serving " + domain
                        + ", a zone inside " + proof.zone() + " that we serve for whoever signed it up."
                : switch (kind) {
            case SIGNUP -> "Someone asked NS-Global to serve " + domain + " as a secondary, transferring the zone from "
                    + String.join(", ", primaries) + ".";
            case CHANGE -> "Someone asked NS-Global to transfer " + domain + " from new primaries: "
                    + String.join(", ", primaries) + ".";
            case DELETE -> "Someone asked NS-Global to stop serving " + domain + ".";
        };
        String note = proof.soaNote() == null ? "" : "WARNING: " + proof.soaNote() + "\n\n";
        return what + "\n\n" + note
                + "You receive this because this address is the contact (RNAME) in the SOA record of " + proof.zone()
                + ".\n\n"
                + "To confirm, open this link and press the button on the page (the link alone changes nothing):\n"
                + c.publicUrl() + "/confirm/" + token + "\n\n"
                + "The link works once, only while this address stays the contact in the SOA, and expires in " + c.limits().tokenLifetime().toHours() + " hours.\n"
                + "If you did not ask for this, ignore this mail; nothing happens.\n\n"
                + "Status of the zone: " + c.publicUrl() + "/zones/" + domain + "\n\n"
                + "On your primary, allow zone transfers (AXFR/IXFR) from " + c.collector().transferAddress()
                + " and send NOTIFY to it.\n"
                + "-- \nNS-Global\n";
    }
}
