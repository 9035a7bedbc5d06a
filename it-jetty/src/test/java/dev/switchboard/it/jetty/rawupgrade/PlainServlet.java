package dev.switchboard.it.jetty.rawupgrade;

import java.io.IOException;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Answers {@code served as HTTP}, so a test sees when bytes meant for a switched protocol were taken for a request. */
public class PlainServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The body of every response. */
    public static final String BODY = "served as HTTP";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.getWriter().print(BODY);
    }
}
