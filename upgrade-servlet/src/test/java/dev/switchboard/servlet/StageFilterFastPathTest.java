package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockFilterConfig;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;

import dev.switchboard.http.NegotiationLimits;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A request without {@code Upgrade} passes a filter whose stages all let it by without an
 * exchange, and a filter declared one by one leaves its exchange on the request only when it
 * holds something the next filter could not read for the price of a look-up.
 */
class StageFilterFastPathTest {

    private final List<String> ran = new ArrayList<>();

    private Stage stage(String name, boolean passes, boolean records) {
        return new Stage() {
            @Override
            public void run(Exchange exchange, Next next) throws IOException, ServletException {
                ran.add(name);
                exchange.upgrade();
                if (records) {
                    exchange.put(new Exchange.Key<>("mark", String.class), name);
                }
                next.proceed();
            }

            @Override
            public boolean passesRequestsWithoutUpgrade() {
                return passes;
            }
        };
    }

    private StageFilter filter(boolean shared, Stage... stages) throws Exception {
        StageFilter filter = new StageFilter(shared) {
            @Override
            protected Stages createStages(FilterConfig config, Settings settings) {
                Stages all = new Stages(NegotiationLimits.DEFAULT);
                for (Stage s : stages) {
                    all.add(Phase.NEGOTIATION, s);
                }
                return all;
            }
        };
        filter.init(new MockFilterConfig(new MockServletContext(), "stages"));
        return filter;
    }

    private static MockHttpServletRequest request(String upgrade) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/page");
        if (upgrade != null) {
            request.addHeader("Upgrade", upgrade);
            request.addHeader("Connection", "upgrade");
        }
        return request;
    }

    /** A response none of these stages writes to: any call fails the test. */
    private static HttpServletResponse response() {
        return (HttpServletResponse) Proxy.newProxyInstance(StageFilterFastPathTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> {
                    throw new AssertionError("the response was not expected to be used: " + method.getName());
                });
    }

    @Test
    void aRequestWithoutUpgradeSkipsStagesThatAllLetItBy() throws Exception {
        MockFilterChain chain = new MockFilterChain();
        MockHttpServletRequest request = request(null);

        filter(true, stage("guard", true, false), stage("negotiation", true, false))
                .doFilter(request, response(), chain);

        assertThat(ran).isEmpty();
        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(request.getAttribute(Exchange.ATTRIBUTE)).isNull();
    }

    @Test
    void oneStageThatActsOnEveryRequestMakesEveryStageRun() throws Exception {
        filter(false, stage("transport", false, false), stage("negotiation", true, false))
                .doFilter(request(null), response(), new MockFilterChain());

        assertThat(ran).containsExactly("transport", "negotiation");
    }

    @Test
    void aRequestWithUpgradeRunsTheStagesAndHandsTheExchangeOn() throws Exception {
        MockHttpServletRequest request = request("echo/1");

        filter(true, stage("negotiation", true, false)).doFilter(request, response(),
                new MockFilterChain());

        assertThat(ran).containsExactly("negotiation");
        assertThat(request.getAttribute(Exchange.ATTRIBUTE)).isInstanceOf(Exchange.class);
    }

    @Test
    void anExchangeWithNothingButAnAbsentFieldIsNotHandedOn() throws Exception {
        MockHttpServletRequest request = request(null);

        filter(true, stage("transport", false, false)).doFilter(request, response(),
                new MockFilterChain());

        assertThat(request.getAttribute(Exchange.ATTRIBUTE)).isNull();
    }

    @Test
    void anExchangeAStageRecordedInIsHandedOnToTheNextFilter() throws Exception {
        MockHttpServletRequest request = request(null);

        filter(true, stage("transport", false, true)).doFilter(request, response(),
                new MockFilterChain());

        assertThat(request.getAttribute(Exchange.ATTRIBUTE)).isInstanceOf(Exchange.class);
    }
}
