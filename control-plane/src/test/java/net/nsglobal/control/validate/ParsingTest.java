package net.nsglobal.control.validate;

import net.nsglobal.config.Cidr;

import net.nsglobal.dns.config.AddressPolicy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

class ParsingTest {
    @Test
    void domainsAreNormalisedAndIdnBecomesPunycode() throws Exception {
        assertThat(DomainName.normalise("  Example.COM. ")).isEqualTo("example.com");
        assertThat(DomainName.normalise("bücher.example")).isEqualTo("xn--bcher-kva.example");
        assertThat(DomainName.normalise("münchen.de")).isEqualTo("xn--mnchen-3ya.de");
        assertThat(DomainName.normalise("例え.テスト")).isEqualTo("xn--r8jz45g.xn--zckzah");
        assertThat(DomainName.display("xn--bcher-kva.example")).isEqualTo("bücher.example");
        for (String bad : Arrays.asList("", " ", "com", "a..b", "-a.com", "a-.com", "a_b.com", "1.2.3.4", "exa mple.com",
                "x".repeat(64) + ".com", ("a".repeat(60) + ".").repeat(5) + "com", null)) {
            assertThatThrownBy(() -> DomainName.normalise(bad)).as(String.valueOf(bad)).isInstanceOf(DomainName.Invalid.class);
        }
    }

    @Test
    void primariesTakeAnOptionalPort() throws Exception {
        assertThat(PrimaryAddress.parse("198.51.100.7").toString()).isEqualTo("198.51.100.7:53");
        assertThat(PrimaryAddress.parse(" 198.51.100.7:5353 ").toString()).isEqualTo("198.51.100.7:5353");
        assertThat(PrimaryAddress.parse("2001:db8::7").toString()).isEqualTo("[2001:db8:0:0:0:0:0:7]:53");
        assertThat(PrimaryAddress.parse("[2001:db8::7]:5353").port()).isEqualTo(5353);
        for (String bad : List.of("ns1.example.com", "198.51.100.7:0", "198.51.100.7:70000", "198.51.100.7:x",
                "[2001:db8::7", "[2001:db8::7]5353", "256.1.1.1", "1.2.3", "")) {
            assertThatThrownBy(() -> PrimaryAddress.parse(bad)).as(bad).isInstanceOf(PrimaryAddress.Invalid.class);
        }
    }

    @Test
    void rnameDecodingFollowsRfc1035Section8() throws Exception {
        assertThat(Rname.toMailbox(Name.fromString("john\\.doe.example.com."))).contains("john.doe@example.com");
        assertThat(Rname.toMailbox(Name.fromString("hostmaster.example.com."))).contains("hostmaster@example.com");
        assertThat(Rname.toMailbox(Name.fromString("Dns-Admin.Sub.Example.COM."))).contains("Dns-Admin@sub.example.com");
        assertThat(Rname.toMailbox(Name.fromString("a.b.c.example."))).contains("a@b.c.example");
        assertThat(Rname.toMailbox(Name.fromString("root."))).isEmpty();
        assertThat(Rname.toMailbox(Name.fromString("hostmaster.localhost."))).isEmpty();
        assertThat(Rname.toMailbox(Name.fromString("bad\\032space.example.com."))).isEmpty();
        assertThat(Rname.toMailbox(Name.fromString("a\\@b.example.com."))).isEmpty();
        assertThat(Rname.mask("john.doe@example.com")).isEqualTo("j…e@example.com");
        assertThat(Rname.mask("jd@example.com")).isEqualTo("j…@example.com");
    }

    @Test
    void signupInputReportsEveryFieldAndDuplicates() {
        SignupInput in = new SignupInput(new AddressPolicy(List.of(Cidr.of("127.0.0.0/8")), List.of()));
        SignupInput.Result r = in.check("example.com", List.of("127.0.0.1", "127.0.0.1:53", "[::1]:53", ""), "", "", "");
        assertThat(r.ok()).isFalse();
        assertThat(r.errors()).containsOnlyKeys("primaries[1]", "primaries[2]");
        assertThat(r.errors().get("primaries[1]")).contains("listed twice");
        assertThat(r.errors().get("primaries[2]")).contains("loopback");

        assertThat(in.check("example.com", List.of("", ""), null, null, null).errors()).containsKey("primaries[0]");
        SignupInput.Result ok = in.check("EXAMPLE.com.", List.of("127.0.0.1:5300", "127.0.0.2:5300"), "key.", "HMAC-SHA512",
                "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ==");
        assertThat(ok.ok()).isTrue();
        assertThat(ok.valid().domain()).isEqualTo("example.com");
        assertThat(ok.valid().tsig()).isEqualTo(new TsigInput("key", "hmac-sha512", "c2VjcmV0LWtleS1mb3ItdGVzdHMtb25seQ=="));
        assertThat(in.check("example.com", List.of("127.0.0.1"), "k", "hmac-md5", "x").errors())
                .containsOnlyKeys("tsig.algorithm");
        assertThat(in.check("example.com", List.of("127.0.0.1"), "k", "", "c2hvcnQ=").errors())
                .containsOnlyKeys("tsig.secret");
    }
}
