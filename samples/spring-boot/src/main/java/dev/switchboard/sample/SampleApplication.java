package dev.switchboard.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Boot application with Switchboard. Everything Switchboard does here comes from the
 * starter on the class path and {@code application.properties}; the code is the application's
 * own: a page under {@code /secure/}, a Spring WebSocket echo handler, and {@code echo/1} as a
 * protocol bean.
 *
 * <pre>
 * java -jar switchboard-sample-spring-boot-0.1.0-SNAPSHOT-exec.jar --server.port=8080
 * </pre>
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
