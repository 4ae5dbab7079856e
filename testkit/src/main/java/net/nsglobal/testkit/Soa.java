package net.nsglobal.testkit;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** SOA queries over UDP: the readiness check of the launchers and the "which serial is served" probe of tests. */
public final class Soa {
    private Soa() {}

    /** The reply to a SOA query for {@code origin}; throws if none came within {@code timeout}. */
    public static Message query(InetSocketAddress server, String origin, Duration timeout) throws IOException {
        SimpleResolver r = new SimpleResolver(server);
        r.setTimeout(timeout);
        return r.send(Message.newQuery(Record.newRecord(absolute(origin), Type.SOA, DClass.IN)));
    }

    /** The serial {@code server} serves for {@code origin} (NOERROR with the SOA in the answer), or -1. */
    public static long serial(InetSocketAddress server, String origin) {
        try {
            Message m = query(server, origin, Duration.ofSeconds(1));
            if (m.getRcode() != Rcode.NOERROR) return -1;
            for (Record rec : m.getSection(Section.ANSWER)) if (rec instanceof SOARecord s) return s.getSerial();
            return -1;
        } catch (IOException e) {
            return -1;
        }
    }

    /** Whether anything answers a SOA query on {@code server} (any rcode): the daemon is listening. */
    public static boolean answers(InetSocketAddress server) {
        try {
            query(server, ".", Duration.ofMillis(300));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static Name absolute(String origin) throws TextParseException {
        return Name.fromString(origin.endsWith(".") ? origin : origin + ".");
    }
}
