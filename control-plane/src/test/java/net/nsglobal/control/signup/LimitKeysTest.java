package net.nsglobal.control.signup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import net.nsglobal.control.config.ControlPlaneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the limits count: client networks, registrable domains (Public Suffix List) and mailboxes. */
class LimitKeysTest {

    @Test
    void clientsAreTheirNetworks() {
        assertThat(LimitKeys.client("198.51.100.7")).containsExactly("net:198.51.100.0/24");
        assertThat(LimitKeys.client("::ffff:198.51.100.200")).containsExactly("net:198.51.100.0/24");
        assertThat(LimitKeys.client("2001:db8:1:2:aaaa::1"))
                .containsExactly("net:2001:db8:1:2::/64", "site:2001:db8:1::/48");
        assertThat(LimitKeys.client("2001:db8:1:2:ffff:ffff:ffff:ffff")).isEqualTo(LimitKeys.client("2001:db8:1:2::9"));
        assertThat(LimitKeys.client("[2001:db8:1:3::1]")).contains("site:2001:db8:1::/48");
    }

    @ParameterizedTest
    @CsvSource({
            "example.com, example.com", "shop.example.com, example.com", "z17.attacker.example.com, example.com",
            "a.b.example.co.uk, example.co.uk", "one.github.io, one.github.io", "x.one.github.io, one.github.io",
            "z1.attacker.test, attacker.test", "knot-shop.test, knot-shop.test", "co.uk, co.uk", "test, test",
            "_x.attacker.example, attacker.example"})
    void domainsAreTheirRegistrableDomain(String domain, String registrable) {
        assertThat(LimitKeys.registrableDomain(domain)).isEqualTo(registrable);
    }

    @ParameterizedTest
    @CsvSource({"Owner@Example.com, owner@example.com", "owner+zone1@example.com, owner@example.com",
            "OWNER+a+b@example.com, owner@example.com", "john.doe@example.com, john.doe@example.com"})
    void mailboxesAreOnePersonEach(String mailbox, String key) {
        assertThat(LimitKeys.mailbox(mailbox)).isEqualTo(key);
    }

    /** One IPv6 /64 is one client, and one /48 a few more: varying the low bits buys nothing. */
    @Test
    void anIpv6PrefixIsOneClient() throws Exception {
        ControlPlaneConfig.Limits l = ControlPlaneConfig.Limits.parse("{per-client-ip: 5, per-client-site: 12, tracked-keys: 1000}");
        SignupLimits limits = new SignupLimits(l, null, Clock.systemUTC());
        for (int i = 1; i <= 5; i++) assertThat(limits.admitClient("2001:db8:7:1::" + Integer.toHexString(i), false)).isTrue();
        assertThat(limits.admitClient("2001:db8:7:1:dead:beef:0:1", false)).as("6th from one /64").isFalse();
        List<Boolean> others = new java.util.ArrayList<>();
        for (int net = 2; net <= 4; net++) {
            for (int i = 1; i <= 5; i++) others.add(limits.admitClient("2001:db8:7:" + net + "::" + i, false));
        }
        assertThat(others.stream().filter(b -> b).count()).as("one /48 allows 12 in all").isEqualTo(12 - 5);
        assertThat(limits.admitClient("2001:db8:7:1::1", true)).as("removals are counted apart").isTrue();
    }
}
