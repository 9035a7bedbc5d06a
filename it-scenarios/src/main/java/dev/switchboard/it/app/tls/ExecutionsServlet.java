package dev.switchboard.it.app.tls;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Answers with how many times {@link TransportServlet} has run: {@code executions: 3}. */
public class ExecutionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().print("executions: " + TransportServlet.EXECUTIONS.get() + "\n");
    }
}
