package dev.switchboard.demo.app;

import java.io.IOException;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.servlet.UpgradeRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** {@code /stats}: this application's upgrade counters as JSON, the same numbers JMX shows. */
public class StatsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(),
                UpgradeRegistry.of(getServletContext()).statistics().toMap());
    }
}
