package dev.switchboard.boot.app;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Boot application with a resource under /secure/ and one outside it, and no Switchboard code. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(TestApplication.Pages.class)
public class TestApplication {

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
