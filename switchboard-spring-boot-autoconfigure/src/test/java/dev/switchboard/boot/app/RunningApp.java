package dev.switchboard.boot.app;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A Boot application started in this JVM on a free port, for one test class. */
public final class RunningApp implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private RunningApp(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts {@code sources} with {@code properties} ({@code name=value}) on a free port. */
    public static RunningApp start(List<Class<?>> sources, String... properties) {
        List<String> all = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
                "logging.level.root=WARN", "logging.level.dev.switchboard=INFO"));
        all.addAll(List.of(properties));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(sources.toArray(new Class<?>[0]))
                .web(WebApplicationType.SERVLET)
                .properties(all.toArray(new String[0]))
                .run();
        return new RunningApp(context);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
