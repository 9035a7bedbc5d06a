package dev.switchboard.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class AddressSetTest {

    private final AddressSet proxies = AddressSet.parse(" 10.0.0.0/8, 192.0.2.7 ,, 2001:db8::/32, fe80::1%eth0");

    @Test
    void holdsAnAddressInAnyOfItsBlocks() {
        assertThat(proxies.contains(IpAddress.parse("10.9.8.7"))).isTrue();
        assertThat(proxies.contains(IpAddress.parse("2001:db8::5"))).isTrue();
        assertThat(proxies.contains(IpAddress.parse("192.0.2.8"))).isFalse();
    }

    @Test
    void readsAPeerAddressInEachFormContainersReport() {
        assertThat(proxies.containsLiteral("192.0.2.7")).isTrue();
        assertThat(proxies.containsLiteral("2001:db8:0:0:0:0:0:5")).isTrue();
        assertThat(proxies.containsLiteral("[2001:db8::5]")).isTrue();
        assertThat(proxies.containsLiteral("fe80:0:0:0:0:0:0:1%eth0")).isTrue();
        assertThat(proxies.containsLiteral("::ffff:10.0.0.1")).isTrue();
    }

    @Test
    void holdsNoTextThatIsNotAnAddressAndNeverLooksANameUp() {
        assertThat(proxies.containsLiteral("localhost")).isFalse();
        assertThat(proxies.containsLiteral("abc:def")).isFalse();
        assertThat(proxies.containsLiteral("")).isFalse();
        assertThat(proxies.containsLiteral(null)).isFalse();
    }

    @Test
    void keepsBlocksInOrderOnceAndWritesThemAsASetting() {
        AddressSet set = AddressSet.parse(List.of("10.0.0.0/8", "10.1.0.0/8", "::1"));

        assertThat(set).hasToString("10.0.0.0/8, ::1");
        assertThat(set).isEqualTo(AddressSet.parse(set.toString()));
    }

    @Test
    void anEmptySettingIsTheEmptySet() {
        assertThat(AddressSet.parse(" , ")).isSameAs(AddressSet.none());
        assertThat(AddressSet.none().containsLiteral("127.0.0.1")).isFalse();
        assertThat(AddressSet.parse(Arrays.asList((String) null)).isEmpty()).isTrue();
    }

    @Test
    void namesTheItemThatIsNotABlock() {
        assertThatThrownBy(() -> AddressSet.parse("10.0.0.0/8, proxy.internal"))
                .isInstanceOf(WireFormatException.class)
                .hasMessageContaining("\"proxy.internal\"");
    }
}
