package dev.switchboard.tls.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConfidentialConstraintsTest {

    private static List<ProtectedResources.Rule> read(String body) {
        String xml = "<?xml version=\"1.0\"?>\n<web-app xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"6.0\">"
                + body + "</web-app>";
        return ConfidentialConstraints.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String constraint(String guarantee, String collection) {
        return "<security-constraint><web-resource-collection><web-resource-name>n</web-resource-name>" + collection
                + "</web-resource-collection><user-data-constraint><transport-guarantee>" + guarantee
                + "</transport-guarantee></user-data-constraint></security-constraint>";
    }

    @Test
    void confidentialAndIntegralConstraintsBecomeRules() {
        ProtectedResources resources = new ProtectedResources(read(
                constraint("CONFIDENTIAL", "<url-pattern>/a/*</url-pattern>")
                        + constraint("INTEGRAL", "<url-pattern>*.do</url-pattern>")
                        + constraint("NONE", "<url-pattern>/open/*</url-pattern>")), UrlPatterns.none());
        assertThat(resources.requireTls("GET", "/a/x")).isTrue();
        assertThat(resources.requireTls("GET", "/b/x.do")).isTrue();
        assertThat(resources.requireTls("GET", "/open/x")).isFalse();
    }

    @Test
    void httpMethodsLimitARule() {
        ProtectedResources resources = new ProtectedResources(read(constraint("CONFIDENTIAL",
                "<url-pattern>/a/*</url-pattern><http-method>POST</http-method>")), UrlPatterns.none());
        assertThat(resources.requireTls("POST", "/a/x")).isTrue();
        assertThat(resources.requireTls("GET", "/a/x")).isFalse();
    }

    @Test
    void httpMethodOmissionsExcludeMethods() {
        ProtectedResources resources = new ProtectedResources(read(constraint("CONFIDENTIAL",
                "<url-pattern>/a/*</url-pattern><http-method-omission>GET</http-method-omission>")), UrlPatterns.none());
        assertThat(resources.requireTls("GET", "/a/x")).isFalse();
        assertThat(resources.requireTls("PUT", "/a/x")).isTrue();
    }

    @Test
    void methodsCompareCaseSensitivelyAsTheContainerDoes() {
        ProtectedResources resources = new ProtectedResources(read(constraint("CONFIDENTIAL",
                "<url-pattern>/a/*</url-pattern><http-method-omission>get</http-method-omission>")), UrlPatterns.none());
        assertThat(resources.requireTls("GET", "/a/x")).isTrue();
        assertThat(resources.requireTls("get", "/a/x")).isFalse();
    }

    @Test
    void aLowerCaseHttpMethodCoversOnlyThatMethod() {
        ProtectedResources resources = new ProtectedResources(read(constraint("CONFIDENTIAL",
                "<url-pattern>/a/*</url-pattern><http-method>post</http-method>")), UrlPatterns.none());
        assertThat(resources.requireTls("post", "/a/x")).isTrue();
        assertThat(resources.requireTls("POST", "/a/x")).isFalse();
    }

    @Test
    void anExternalEntityIsNeverLoaded() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE web-app [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<web-app>" + constraint("CONFIDENTIAL", "<url-pattern>/&x;</url-pattern>") + "</web-app>";
        List<ProtectedResources.Rule> rules = ConfidentialConstraints.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertThat(rules).singleElement().satisfies(r -> assertThat(r.patterns().patterns()).containsExactly("/"));
    }
}
