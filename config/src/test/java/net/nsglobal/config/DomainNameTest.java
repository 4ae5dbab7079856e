package net.nsglobal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** Typed domain names: relative and absolute spellings are one name; a bad one is refused naming the text. */
class DomainNameTest {
    @Test
    void relativeAndAbsoluteSpellingsAreTheSameAbsoluteName() {
        assertThat(DomainName.parse("Example.COM")).isEqualTo(Name.fromConstantString("example.com."));
        assertThat(DomainName.parse(" example.com. ")).isEqualTo(Name.fromConstantString("example.com."));
        assertThat(DomainName.parse("example.com").isAbsolute()).isTrue();
    }

    @Test
    void aBadNameIsRefusedWithTheTextAndTheReason() {
        String longLabel = "a".repeat(64) + ".example";
        assertThatThrownBy(() -> DomainName.parse(longLabel)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid domain name '" + longLabel + "'");
        assertThatThrownBy(() -> DomainName.parse("a..b")).hasMessageContaining("'a..b'");
        assertThatThrownBy(() -> DomainName.parse("")).hasMessageContaining("empty");
    }
}
