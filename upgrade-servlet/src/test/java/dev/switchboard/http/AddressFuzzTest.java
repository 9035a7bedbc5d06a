package dev.switchboard.http;

import static dev.switchboard.http.WireFuzzing.assertRefusal;
import static dev.switchboard.http.WireFuzzing.lines;
import static dev.switchboard.http.WireFuzzing.parsedOrNull;
import static dev.switchboard.http.WireFuzzing.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzz targets for addresses, authorities and the forwarded-client resolver. Without
 * {@code JAZZER_FUZZ} each runs once per file of
 * {@code src/test/resources/dev/switchboard/http/AddressFuzzTestInputs/<method>/} in every
 * build; docs/fuzzing.md tells how to fuzz for real. Inputs are ISO-8859-1 text.
 */
class AddressFuzzTest {

    private static final AddressSet TRUSTED = AddressSet.parse("10.0.0.0/8, 2001:db8::/32, fe80::%eth0/64, ::ffff:192.0.2.0/120");

    @FuzzTest
    void ipAddress(byte[] input) {
        IpAddress address = parsedOrNull(text(input), IpAddress::parse);
        if (address != null) {
            assertThat(IpAddress.parse(address.toString())).isEqualTo(address);
            assertThat(TRUSTED.contains(address)).isEqualTo(TRUSTED.containsLiteral(text(input)));
        }
    }

    @FuzzTest
    void addressSet(byte[] input) {
        AddressSet set = parsedOrNull(text(input), AddressSet::parse);
        if (set != null) {
            assertThat(AddressSet.parse(set.toString())).isEqualTo(set);
            for (AddressBlock block : set.blocks()) {
                assertThat(block.contains(block.network())).isTrue();
            }
        }
    }

    @FuzzTest
    void authority(byte[] input) {
        Authority authority = parsedOrNull(text(input), Authority::parse);
        if (authority != null) {
            assertThat(Authority.parse(authority.toString())).isEqualTo(authority);
            assertThat(authority.toString()).matches("[\\x21-\\x7e]+");
        }
    }

    @FuzzTest
    void forwardedNode(byte[] input) {
        ForwardedNode node = parsedOrNull(text(input), ForwardedNode::parse);
        if (node != null) {
            assertThat(ForwardedNode.parse(node.toString()).toString()).isEqualTo(node.toString());
        }
    }

    /**
     * A request as the resolver sees it: the first line is the peer's address, each further
     * line a field, {@code Name: value}; resolved believing each field family in turn.
     */
    @FuzzTest
    void forwardedClient(byte[] input) {
        List<String> lines = lines(input);
        TestHead head = TestHead.of("HTTP/1.1");
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                head.field(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        for (ForwardedFields fields : ForwardedFields.values()) {
            ForwardedClientResolver resolver = new ForwardedClientResolver(TRUSTED, fields);
            try {
                ForwardedClient client = resolver.resolve(head, lines.get(0), 4711);
                assertThat(client.scheme()).isIn("http", "https");
                assertThat(client.serverPort()).isBetween(1, 65535);
                if (client.source() == ForwardedClient.Source.CONNECTION) {
                    assertThat(client.trustedHops()).isZero();
                }
            } catch (FieldSyntaxException e) {
                assertThat(e.status()).isEqualTo(400);
                assertThat(TRUSTED.containsLiteral(lines.get(0))).isTrue();
                assertRefusal(e);
            }
        }
    }
}
