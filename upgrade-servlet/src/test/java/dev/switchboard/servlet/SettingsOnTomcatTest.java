package dev.switchboard.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;

/**
 * Settings over a real container's configuration: a filter's init-params first, then the
 * context-params of web.xml. Tomcat runs without a connector: filters are initialised when
 * the context starts, which is all this needs.
 */
class SettingsOnTomcatTest {

    private static final AtomicReference<FilterConfig> FILTER_CONFIG = new AtomicReference<>();
    private static Tomcat tomcat;
    private static Context context;

    /** Keeps the config the container hands to a filter. */
    public static final class Probe implements Filter {
        @Override
        public void init(FilterConfig config) {
            FILTER_CONFIG.set(config);
        }

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) {
        }
    }

    @BeforeAll
    static void startAContextWithParameters() throws IOException, LifecycleException {
        Path base = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "settings-tomcat");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        context = tomcat.addContext("", base.toString());
        context.addParameter("switchboard.idleTimeout", "9s");
        context.addParameter("switchboard.jmx", "false");
        context.addParameter("switchboard.advertise", "echo/1");

        FilterDef def = new FilterDef();
        def.setFilterName("probe");
        def.setFilterClass(Probe.class.getName());
        def.addInitParameter("switchboard.jmx", "true");
        def.addInitParameter("switchboard.protocols", " ");
        def.addInitParameter("switchboard.advertise", "");
        context.addFilterDef(def);
        FilterMap map = new FilterMap();
        map.setFilterName("probe");
        map.addURLPattern("/*");
        context.addFilterMap(map);
        tomcat.start();
    }

    @AfterAll
    static void stop() throws LifecycleException {
        tomcat.stop();
        tomcat.destroy();
    }

    @Test
    void aFiltersInitParamWinsOverTheContextParam() {
        assertThat(Settings.of(FILTER_CONFIG.get()).getBoolean("switchboard.jmx", false)).isTrue();
    }

    @Test
    void aFilterFallsBackToTheContextParam() {
        assertThat(Settings.of(FILTER_CONFIG.get()).get("switchboard.idleTimeout")).contains("9s");
    }

    @Test
    void aBlankInitParamCountsAsAbsent() {
        assertThat(Settings.of(FILTER_CONFIG.get()).getList("switchboard.protocols")).isEmpty();
    }

    @Test
    void aBlankInitParamDoesNotHideTheContextParam() {
        assertThat(Settings.of(FILTER_CONFIG.get()).get("switchboard.advertise")).contains("echo/1");
    }

    @Test
    void aParameterSetNowhereIsAbsent() {
        assertThat(Settings.of(FILTER_CONFIG.get()).get("switchboard.maxContentLength")).isEmpty();
    }

    @Test
    void theContextAloneReadsContextParams() {
        Settings settings = Settings.of(context.getServletContext());

        assertThat(settings.getBoolean("switchboard.jmx", true)).isFalse();
        assertThat(settings.get("switchboard.protocols")).isEmpty();
    }
}
