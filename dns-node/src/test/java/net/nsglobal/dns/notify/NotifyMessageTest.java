package net.nsglobal.dns.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.nsglobal.dns.config.TsigKey;
import net.nsglobal.dns.zone.Zone;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The NOTIFY message as RFC 1996 §3.7 has it, and signed so that the receiver's key verifies it (RFC 8945). */
class NotifyMessageTest {
    static final TsigKey KEY = TsigKey.of("nk", "hmac-sha256", "bm90aWZ5bm90aWZ5bm90aWZ5bm90aWZ5bm90aWZ5MTI=");

    static Zone zone() throws Exception {
        List<Record> rs = new ArrayList<>();
        String text = "@ 60 SOA ns.example. h.example. 42 60 60 600 60\n@ 60 NS ns.example.\n";
        try (Master m = new Master(new java.io.ByteArrayInputStream(text.getBytes()), Name.fromString("example."))) {
            for (Record r = m.nextRecord(); r != null; r = m.nextRecord()) rs.add(r);
        }
        return Zone.compile(Name.fromString("example."), rs);
    }

    @Test
    void opcodeNotifyAuthoritativeQuestionSoaAndTheNewSoaAsAnswer() throws Exception {
        Message m = new Message(NotifyMessage.of(zone()).toWire());
        assertThat(m.getHeader().getOpcode()).isEqualTo(Opcode.NOTIFY);
        assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(m.getHeader().getFlag(Flags.QR)).isFalse();
        assertThat(m.getHeader().getFlag(Flags.RD)).isFalse();
        assertThat(m.getQuestion().getName()).isEqualTo(Name.fromString("example."));
        assertThat(m.getQuestion().getType()).isEqualTo(Type.SOA);
        assertThat(m.getSection(Section.ANSWER)).singleElement().satisfies(r -> {
            assertThat(r.getType()).isEqualTo(Type.SOA);
            assertThat(((org.xbill.DNS.SOARecord) r).getSerial()).isEqualTo(42);
        });
    }

    @Test
    void signedWithTheKeyAndTheIdGiven() throws Exception {
        byte[] wire = NotifyMessage.of(4711, zone(), KEY).toWire();
        Message m = new Message(wire);
        assertThat(m.getHeader().getID()).isEqualTo(4711);
        assertThat(m.getTSIG()).isNotNull();
        assertThat(KEY.toTsig().verify(m, wire, null)).isEqualTo(Rcode.NOERROR);
        assertThat(new Message(NotifyMessage.of(1, zone(), null).toWire()).getTSIG()).isNull();
    }
}
