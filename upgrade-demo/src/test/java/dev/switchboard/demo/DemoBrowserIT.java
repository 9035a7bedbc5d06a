package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo page in a real browser: Debian's Chromium, headless, driven by {@code playwright-core}
 * from npm ({@code src/test/browser/demo-page.mjs}). Two tabs chat with each other; the page must
 * show the negotiated {@code chat.v2} and {@code permessage-deflate}; the screenshot is kept in
 * {@code target/browser/demo.png}. {@code .ci/install-tools} installs Chromium and Node.js.
 */
class DemoBrowserIT {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final List<String> PROJECT_FILES = List.of("package.json", "package-lock.json", "demo-page.mjs");

    private static Path work;

    @BeforeAll
    static void installPlaywright() throws Exception {
        assertThat(CHROMIUM).as("Chromium (run .ci/install-tools)").isExecutable();
        Path sources = Path.of(System.getProperty("switchboard.demo.browser.sources"));
        work = Files.createDirectories(Path.of(System.getProperty("switchboard.demo.browser.work")));
        boolean lockChanged = !Files.exists(work.resolve("package-lock.json"))
                || Files.mismatch(sources.resolve("package-lock.json"), work.resolve("package-lock.json")) != -1;
        for (String file : PROJECT_FILES) {
            Files.copy(sources.resolve(file), work.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (lockChanged || !Files.isDirectory(work.resolve("node_modules/playwright-core"))) {
            // playwright-core never downloads a browser; the variable keeps any other package from trying.
            Run npm = Run.of(work, 600, "npm", "ci", "--no-audit", "--no-fund");
            assertThat(npm.exitCode).as("npm ci in %s:%n%s", work, npm.output).isZero();
        }
    }

    @Test
    @DisplayName("two Chromium tabs chat over /ws/chat and the page shows chat.v2 and permessage-deflate")
    void pageInChromium() throws Exception {
        DemoProcess demo = DemoProcess.shared();
        Files.deleteIfExists(work.resolve("demo.png"));
        Run node = Run.of(work, 300, "node", "demo-page.mjs", demo.http("/").toString(), work.toString());
        System.out.println(node.output);
        assertThat(node.exitCode).as("the browser checks:%n%s", node.output).isZero();
        assertThat(node.output).contains("7 passed, 0 failed");
        assertThat(work.resolve("demo.png")).isNotEmptyFile();
    }

    /** A finished child process: exit code and everything it printed. */
    private record Run(int exitCode, String output) {
        static Run of(Path dir, long timeoutSeconds, String... command) throws IOException, InterruptedException {
            ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
            builder.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            builder.environment().put("CHROMIUM", CHROMIUM.toString());
            Path log = Files.createTempFile(dir, command[0], ".log");
            Process p = builder.redirectOutput(log.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                return new Run(-1, Files.readString(log, StandardCharsets.UTF_8) + "\n(killed after "
                        + timeoutSeconds + " s)");
            }
            return new Run(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        }
    }
}
