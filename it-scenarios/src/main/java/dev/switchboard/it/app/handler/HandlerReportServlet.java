package dev.switchboard.it.app.handler;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /report?id=<n>}: what the handler of connection {@code n} went through, as
 * {@code name=value} lines ({@code closed=1}, {@code inputClosed=0}, {@code timeouts=IDLE},
 * {@code cause=none}); 404 for an unknown id. Every other path answers 200 {@code ok}.
 */
public class HandlerReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        if (!"/report".equals(request.getServletPath())) {
            response.getOutputStream().write("ok\n".getBytes(StandardCharsets.UTF_8));
            return;
        }
        String report;
        try {
            report = HandlerEvents.report(Integer.parseInt(request.getParameter("id")));
        } catch (NumberFormatException e) {
            report = null;
        }
        if (report == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.getOutputStream().write(report.getBytes(StandardCharsets.UTF_8));
    }
}
