package dev.switchboard.boot.app;

import dev.switchboard.servlet.UpgradeProtocol;
import dev.switchboard.servlet.echo.EchoProtocol;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Boot application with a resource under /secure/ and one outside it, Spring Security asking
 * for a user everywhere, and {@code echo/1} as an {@link UpgradeProtocol} bean.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestApplication.Pages.class)
public class TestApplication {

    @Bean
    SecurityFilterChain signedInEverywhere(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().authenticated()).httpBasic(b -> { }).build();
    }

    @Bean
    UpgradeProtocol echo() {
        return new EchoProtocol();
    }

    /** Says which page it is and whether the request was secure. */
    @RestController
    public static class Pages {
        @GetMapping("/secure/page")
        public String secure(jakarta.servlet.http.HttpServletRequest request) {
            return "the protected page, secure=" + request.isSecure();
        }

        @GetMapping("/open")
        public String open() {
            return "an open page";
        }
    }
}
