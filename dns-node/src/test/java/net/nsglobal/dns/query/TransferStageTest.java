package net.nsglobal.dns.query;

import net.nsglobal.dns.config.Identity;

import static net.nsglobal.dns.query.Fixtures.raw;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/** Which queries reach the transfer-out handler: AXFR/IXFR, and SOA queries signed with TSIG (RFC 8945 §5.3). */
class TransferStageTest {
    private final AtomicInteger handled = new AtomicInteger();
    private final Stage xfrOut = ctx -> {
        handled.incrementAndGet();
        return ctx.respond(new byte[] {0, 0, (byte) 0x84, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 0);
    };
    private final Pipeline pipeline = Pipeline.standard(Fixtures.store(), Identity.of("x"), null, xfrOut);

    private static byte[] soaQuery(boolean signed) throws Exception {
        Message m = Message.newQuery(Record.newRecord(Name.fromString("plain.test."), Type.SOA, DClass.IN));
        if (signed) {
            m.setTSIG(new TSIG(TSIG.HMAC_SHA256, "edge-key.", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0"));
        }
        return m.toWire(65535);
    }

    @Test
    void signedSoaQueryGoesToTheTransferHandler() throws Exception {
        assertThat(raw(pipeline, soaQuery(true), Transport.UDP)).hasSize(12);
        assertThat(handled).hasValue(1);
    }

    @Test
    void plainSoaQueryIsAnsweredFromTheZone() throws Exception {
        byte[] answer = raw(pipeline, soaQuery(false), Transport.UDP);
        assertThat(new Message(answer).getSection(org.xbill.DNS.Section.ANSWER)).hasSize(1);
        assertThat(handled).hasValue(0);
    }
}
