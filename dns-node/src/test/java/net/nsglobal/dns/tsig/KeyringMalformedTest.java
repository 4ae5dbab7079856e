package net.nsglobal.dns.tsig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/**
 * A request dnsjava only half parses must not make TSIG verification throw. This NOTIFY (found by ServerFuzzTest) has
 * TC=1 and an additional section that does not parse: dnsjava then keeps ARCOUNT=1 with no additional record, and
 * its {@code getTSIG()} indexes the empty section. With no TSIG record present, the request is unsigned.
 */
class KeyringMalformedTest {
    private static final byte[] HALF_PARSED_NOTIFY = HexFormat.of().parseHex("f9fc2600000100000000000110686f73746e616d65"
            + "0462696e6400002b000300002904d000008000001000030000000a000801a9030405060708");

    @Test
    void aRequestWhoseAdditionalSectionDidNotParseIsUnsigned() throws Exception {
        Message m = new Message(HALF_PARSED_NOTIFY.clone());
        assertThat(m.getHeader().getCount(Section.ADDITIONAL)).isEqualTo(1);
        assertThat(m.getSection(Section.ADDITIONAL)).isEmpty();

        Keyring.Verification v = new Keyring(List.of()).verify(m, HALF_PARSED_NOTIFY.clone());
        assertThat(v.signed()).isFalse();
    }
}
