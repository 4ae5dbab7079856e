package net.nsglobal.dns.xfrout;

import java.io.IOException;
import net.nsglobal.dns.query.ResponseStream;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * Packs transfer records into as few messages as fit (RFC 5936 §2.2: many records per message, up to 64 KiB; we stop
 * near 16 KiB like BIND so that each stays cheap to sign and parse) and signs each one with TSIG when the request was
 * signed (RFC 8945 §5.3.1: the first with the request's MAC, every later one chained to the previous MAC).
 */
final class MessageWriter {
    private static final int TARGET = 16_000;
    private final ResponseStream stream;
    private final Message request;
    private final TSIG tsig;
    private TSIGRecord previous;
    private Message current;
    private int size;
    private boolean first = true;
    private long sentBytes;

    MessageWriter(ResponseStream stream, Message request, TSIG tsig) {
        this.stream = stream;
        this.request = request;
        this.tsig = tsig;
        this.previous = net.nsglobal.dns.tsig.Keyring.tsigOf(request);
    }

    void add(Record r) throws IOException {
        int len = r.toWire(Section.ANSWER).length; // uncompressed bound
        if (current != null && size + len > TARGET) flush();
        if (current == null) {
            current = newMessage();
            size = 12 + 64;
        }
        current.addRecord(r, Section.ANSWER);
        size += len;
    }

    private Message newMessage() {
        Message m = new Message(request.getHeader().getID());
        m.getHeader().setFlag(Flags.QR);
        m.getHeader().setFlag(Flags.AA);
        m.getHeader().setOpcode(Opcode.QUERY);
        if (first) m.addRecord(request.getQuestion(), Section.QUESTION); // RFC 5936 §2.2.1: question in the first only
        return m;
    }

    /** Sends what is buffered (the caller calls this once at the end). */
    void flush() throws IOException {
        if (current == null) return;
        if (tsig != null) {
            if (first) tsig.apply(current, previous);
            else tsig.applyStream(current, previous, false);
            previous = current.getTSIG();
        }
        byte[] wire = current.toWire(Message.MAXLENGTH);
        stream.send(wire);
        sentBytes += wire.length;
        current = null;
        first = false;
    }

    long sentBytes() { return sentBytes; }
}
