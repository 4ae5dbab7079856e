package net.nsglobal.control.probe;

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
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/**
 * Asks a customer's primary for an AXFR (RFC 5936) and judges only its first message, to explain on the status page
 * why the collector has no copy: the verdict is the rcode the primary gave (REFUSED, NOTAUTH …), which maps to a
 * plain-language fix. Reading the first message is enough: a primary that starts the transfer allows it.
 */
public final class TransferCheck {
    private final Duration timeout;

    public TransferCheck(Duration timeout) { this.timeout = timeout; }

    /**
     * Null when the primary starts the transfer; otherwise "REFUSED", "NOTAUTH", "TSIG BADSIG" (the primary's TSIG
     * error, RFC 8945 §5.2), "TSIG" (its answer's MAC does not verify with our key), "timeout" or a reason.
     */
    public String problem(InetSocketAddress primary, Name zone, TSIG tsig) {
        Message q = Message.newQuery(Record.newRecord(zone, Type.AXFR, DClass.IN));
        // Signed in place (not Message.setTSIG, which signs only the wire copy): the answer's MAC covers the
        // request's MAC (RFC 8945 §4.3.1), so verifying needs the request's TSIG record.
        if (tsig != null) tsig.apply(q, null);
        TSIGRecord requestTsig = q.getTSIG();
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
            TSIGRecord answerTsig = r.getTSIG();
            if (tsig != null && answerTsig != null) {
                if (answerTsig.getError() != Rcode.NOERROR) return "TSIG " + Rcode.TSIGstring(answerTsig.getError());
                if (tsig.verify(r, b, requestTsig) != Rcode.NOERROR) return "TSIG";
            }
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
