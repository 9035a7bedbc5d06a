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
}
