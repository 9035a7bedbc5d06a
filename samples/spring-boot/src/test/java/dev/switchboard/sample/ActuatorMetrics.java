package dev.switchboard.sample;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.json.JsonParserFactory;

/**
 * One meter as {@code /actuator/metrics/<name>} shows it, read over HTTP with the JDK's client
 * and parsed with Boot's own JSON parser: {@code name}, {@code measurements} and
 * {@code availableTags}, optionally narrowed to the given tags ({@code ?tag=protocol:echo/1});
 * and the names {@code /actuator/metrics} itself lists.
 */
final class ActuatorMetrics {

    /** The first request builds the endpoint's handler: generous, for a loaded machine. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> json;

    private ActuatorMetrics(Map<String, Object> json) {
        this.json = json;
    }

    /** The names {@code /actuator/metrics} lists that start with {@code prefix}. */
    static Set<String> names(int port, String prefix) throws IOException, InterruptedException {
        Map<String, Object> json = get(port, "");
        Set<String> names = new TreeSet<>();
        for (Object name : (List<?>) json.get("names")) {
            if (name.toString().startsWith(prefix)) {
                names.add(name.toString());
            }
        }
        return names;
    }

    /**
     * @param tags {@code name:value} pairs that narrow the meter, as the endpoint's {@code tag} parameter
     * @throws IllegalStateException if the endpoint does not answer 200
     */
    static ActuatorMetrics read(int port, String meter, String... tags) throws IOException, InterruptedException {
        StringBuilder query = new StringBuilder();
        for (String tag : tags) {
            query.append(query.isEmpty() ? "?" : "&").append("tag=").append(URLEncoder.encode(tag, StandardCharsets.UTF_8));
        }
        return new ActuatorMetrics(get(port, "/" + meter + query));
    }

    private static Map<String, Object> get(int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/metrics" + path))
                        .timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/actuator/metrics" + path + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JsonParserFactory.getJsonParser().parseMap(response.body());
    }

    String name() {
        return (String) json.get("name");
    }

    /** The {@code statistic} and {@code value} of each measurement, as {@code COUNT=3.0}. */
    List<String> measurements() {
        List<String> out = new ArrayList<>();
        for (Object m : (List<?>) json.get("measurements")) {
            Map<?, ?> measurement = (Map<?, ?>) m;
            out.add(measurement.get("statistic") + "=" + ((Number) measurement.get("value")).doubleValue());
        }
        return out;
    }

    /** The values the endpoint offers for {@code tag}, empty when it offers none. */
    List<String> availableTag(String tag) {
        for (Object t : (List<?>) json.get("availableTags")) {
            Map<?, ?> available = (Map<?, ?>) t;
            if (tag.equals(available.get("tag"))) {
                return ((List<?>) available.get("values")).stream().map(String::valueOf).toList();
            }
        }
        return List.of();
    }
}
