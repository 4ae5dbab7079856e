package net.nsglobal.atlas.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;

/** Decodes the base64 DNS wire answer ({@code abuf}) that an Atlas probe recorded. */
public final class AbufDecoder {
    private AbufDecoder() {
    }

    /** @throws IllegalArgumentException if the text is not base64 or not a DNS message (the record is malformed). */
    public static DecodedAnswer decode(String abuf) {
        byte[] wire;
        try {
            wire = Base64.getDecoder().decode(abuf.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("abuf is not base64", e);
        }
        Message m;
        try {
            m = new Message(wire);
        } catch (IOException e) {
            throw new IllegalArgumentException("abuf is not a DNS message: " + e.getMessage(), e);
        }
        int rcode = m.getRcode(); // includes the EDNS extended bits (RFC 6891 §6.1.3)
        List<String> txt = new ArrayList<>();
        for (Record r : m.getSection(Section.ANSWER)) {
            if (r instanceof TXTRecord t) {
                // Raw bytes, not getStrings(): that returns presentation format with quotes escaped.
                StringBuilder sb = new StringBuilder();
                for (byte[] part : t.getStringsAsByteArrays()) {
                    sb.append(new String(part, StandardCharsets.UTF_8));
                }
                txt.add(sb.toString());
            }
        }
        return new DecodedAnswer(rcode, Rcode.string(rcode), m.getSection(Section.ANSWER).size(), txt, nsid(m));
    }

    /** RFC 5001 §2.3: the NSID payload is opaque; shown as text when printable ASCII, else as hex. */
    private static String nsid(Message m) {
        OPTRecord opt = m.getOPT();
        if (opt == null) {
            return null;
        }
        for (EDNSOption o : opt.getOptions(EDNSOption.Code.NSID)) {
            {
                // toWire() is OPTION-CODE (2) + OPTION-LENGTH (2) + OPTION-DATA (RFC 6891 §6.1.2).
                byte[] wire = o.toWire();
                byte[] data = java.util.Arrays.copyOfRange(wire, Math.min(4, wire.length), wire.length);
                if (data.length == 0) {
                    return null;
                }
                boolean printable = true;
                for (byte b : data) {
                    printable &= b >= 0x20 && b < 0x7f;
                }
                return printable ? new String(data, StandardCharsets.US_ASCII) : HexFormat.of().formatHex(data);
            }
        }
        return null;
    }
}
