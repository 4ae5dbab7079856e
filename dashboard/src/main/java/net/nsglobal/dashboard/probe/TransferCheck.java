package net.nsglobal.dashboard.probe;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * Asks a customer's primary for an AXFR (RFC 5936) and judges only its first message, to explain on the status page
 * why the collector has no copy: the verdict is the rcode the primary gave (REFUSED, NOTAUTH …), which maps to a
 * plain-language fix. Reading the first message is enough: a primary that starts the transfer allows it.
 */
public final class TransferCheck {
    private final Duration timeout;

    public TransferCheck(Duration timeout) { this.timeout = timeout; }

    /** Null when the primary starts the transfer; otherwise "REFUSED", "NOTAUTH", "TSIG", "timeout" or a reason. */
    public String problem(InetSocketAddress primary, Name zone, TSIG tsig) {
        Message q = Message.newQuery(Record.newRecord(zone, Type.AXFR, DClass.IN));
        if (tsig != null) q.setTSIG(tsig);
        byte[] wire = q.toWire(65535);
        try (Socket s = new Socket()) {
            s.connect(primary, (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            byte[] b = new byte[in.readUnsignedShort()];
            in.readFully(b);
            Message r = new Message(b);
            if (tsig != null && r.getTSIG() != null && tsig.verify(r, b, q.getTSIG()) != Rcode.NOERROR) return "TSIG";
            int rcode = r.getRcode();
            if (rcode != Rcode.NOERROR) return Rcode.string(rcode);
            Record[] answer = r.getSection(Section.ANSWER).toArray(new Record[0]);
            if (answer.length == 0 || !(answer[0] instanceof SOARecord)) return "no SOA at the start of the transfer";
            return null;
        } catch (SocketTimeoutException e) {
            return "timeout";
        } catch (IOException e) {
            return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
    }
}
