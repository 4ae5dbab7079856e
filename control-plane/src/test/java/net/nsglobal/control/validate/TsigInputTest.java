package net.nsglobal.control.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.TSIG;

/** When two zones hold "the same key" (and may share its name on the collector), and how a key signs. */
class TsigInputTest {
    static final String SECRET = "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==";

    @Test
    void sameKeyMeansSameNameAlgorithmAndSecretBytes() {
        TsigInput k = TsigInput.stored("transfer-key", "hmac-sha256", SECRET);
        assertThat(k.sameKeyAs(TsigInput.stored("Transfer-Key.", "hmac-sha256", " " + SECRET + " ")))
                .as("names compare as domain names, the secret as bytes").isTrue();
        assertThat(k.sameKeyAs(TsigInput.stored("transfer-key", null, SECRET))).as("default algorithm").isTrue();
        assertThat(k.sameKeyAs(TsigInput.stored("transfer-key", "hmac-sha512", SECRET))).isFalse();
        assertThat(k.sameKeyAs(TsigInput.stored("transfer-key", "hmac-sha256", "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seA==")))
                .as("last byte differs").isFalse();
        assertThat(k.sameKeyAs(TsigInput.stored("other-key", "hmac-sha256", SECRET))).isFalse();
        assertThat(k.sameKeyAs(null)).isFalse();
        assertThat(TsigInput.stored(null, "hmac-sha256", SECRET)).as("no key").isNull();
    }

    @Test
    void signerUsesTheAbsoluteKeyNameAndAlgorithm() throws Exception {
        TSIG t = TsigInput.stored("Transfer-Key.", "hmac-sha384", SECRET).signer();
        org.xbill.DNS.Message q = org.xbill.DNS.Message.newQuery(org.xbill.DNS.Record.newRecord(
                Name.fromString("example.test."), org.xbill.DNS.Type.SOA, org.xbill.DNS.DClass.IN));
        t.apply(q, null);
        assertThat(q.getTSIG().getName()).isEqualTo(Name.fromString("transfer-key."));
        assertThat(q.getTSIG().getAlgorithm()).isEqualTo(TSIG.HMAC_SHA384);
    }
}
