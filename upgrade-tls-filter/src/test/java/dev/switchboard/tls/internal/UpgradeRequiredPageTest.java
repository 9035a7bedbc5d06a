package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UpgradeRequiredPageTest {

    private static final String UPGRADE = "TLS/1.3, TLS/1.2, HTTP/1.1";

    @Test
    void theHtmlPageEscapesTheUrl() {
        String page = UpgradeRequiredPage.render(ResponseFormat.HTML, "https://h/<script>\"x'&", UPGRADE);
        assertThat(page).contains("https://h/&lt;script&gt;&quot;x&#39;&amp;").doesNotContain("<script>");
    }

    @Test
    void theJsonBodyEscapesTheUrlAndNamesTheUpgrade() {
        String body = UpgradeRequiredPage.render(ResponseFormat.JSON, "https://h/\"</x>", UPGRADE);
        assertThat(body).isEqualTo("{\"status\":426,\"error\":\"Upgrade Required\",\"reason\":"
                + "\"This resource requires TLS. Use https://h/\\\"\\u003c/x\\u003e instead\","
                + "\"location\":\"https://h/\\\"\\u003c/x\\u003e\",\"upgrade\":\"TLS/1.3, TLS/1.2, HTTP/1.1\"}\n");
    }

    @Test
    void thePlainTextBodySaysWhyAndWhatElseToDo() {
        assertThat(UpgradeRequiredPage.render(ResponseFormat.TEXT, "https://h/p", UPGRADE)).isEqualTo(
                "This resource requires TLS. Use https://h/p instead,\n"
                        + "or upgrade this connection in place (RFC 2817): send the request again with\n"
                        + "  Upgrade: TLS/1.3, TLS/1.2, HTTP/1.1\n  Connection: upgrade\n");
    }

    @Test
    void withoutAnUpgradeInPlaceThePlainTextBodyNamesTheHttpsUrlAlone() {
        assertThat(UpgradeRequiredPage.render(ResponseFormat.TEXT, "https://h/p", null))
                .isEqualTo("This resource requires TLS. Use https://h/p instead.\n");
    }

    @Test
    void withoutAnUpgradeInPlaceTheHtmlPageSaysNothingOfRfc2817() {
        assertThat(UpgradeRequiredPage.render(ResponseFormat.HTML, "https://h/p", null))
                .contains("<a href=\"https://h/p\">").doesNotContain("RFC 2817").doesNotContain("Upgrade:");
    }

    @Test
    void withoutAnUpgradeInPlaceTheJsonBodyHasNoUpgrade() {
        assertThat(UpgradeRequiredPage.render(ResponseFormat.JSON, "https://h/p", null)).isEqualTo(
                "{\"status\":426,\"error\":\"Upgrade Required\",\"reason\":\"This resource requires TLS. Use https://h/p"
                        + " instead\",\"location\":\"https://h/p\"}\n");
    }

    @Test
    void withTheConnectorServingOptionsStarThePlainTextBodyGivesACommandAndTheMandatoryForm() {
        assertThat(UpgradeRequiredPage.render(ResponseFormat.TEXT, "https://h/p", null, "TLS/1.3")).isEqualTo(
                "This resource requires TLS. Use https://h/p instead (for example: curl https://h/p),\n"
                        + "or upgrade a new connection to this port in place before any request (RFC 2817):\n"
                        + "  OPTIONS * HTTP/1.1\n  Upgrade: TLS/1.3\n  Connection: upgrade\n"
                        + "then, after the 101, the TLS handshake and this request over TLS on the same connection\n"
                        + "(ipptool -E and Apache HttpClient 5 with protocol upgrade enabled do this).\n");
    }

    @Test
    void withBothFormsThePlainTextBodyOffersTheOptionalFormFirst() {
        assertThat(UpgradeRequiredPage.render(ResponseFormat.TEXT, "https://h/p", UPGRADE, "TLS/1.3"))
                .startsWith("This resource requires TLS. Use https://h/p instead (for example: curl https://h/p),\n"
                        + "or upgrade this connection in place (RFC 2817): send the request again with\n"
                        + "  Upgrade: TLS/1.3, TLS/1.2, HTTP/1.1\n  Connection: upgrade\n"
                        + "or upgrade a new connection to this port in place before any request (RFC 2817):\n");
    }

    @Test
    void withTheConnectorServingOptionsStarTheHtmlPageGivesACommandAndTheMandatoryForm() {
        assertThat(UpgradeRequiredPage.render(ResponseFormat.HTML, "https://h/<p>", null, "TLS/1.3"))
                .contains("<p>From a terminal: <code>curl https://h/&lt;p&gt;</code></p>")
                .contains("<code>OPTIONS * HTTP/1.1</code> with <code>Upgrade: TLS/1.3</code>")
                .contains("<code>ipptool -E</code>")
                .doesNotContain("send the request again");
    }

    @Test
    void withTheConnectorServingOptionsStarTheJsonBodyNamesItsOffer() {
        assertThat(UpgradeRequiredPage.render(ResponseFormat.JSON, "https://h/p", null, "TLS/1.3")).isEqualTo(
                "{\"status\":426,\"error\":\"Upgrade Required\",\"reason\":\"This resource requires TLS. Use https://h/p"
                        + " instead\",\"location\":\"https://h/p\",\"connectorUpgrade\":\"TLS/1.3\"}\n");
    }

    @Test
    void withoutTheConnectorServingOptionsStarTheHtmlPageNamesNoCommand() {
        assertThat(UpgradeRequiredPage.render(ResponseFormat.HTML, "https://h/p", null, null))
                .doesNotContain("curl").doesNotContain("OPTIONS *");
    }
}
