package dev.switchboard.demo.app;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.switchboard.demo.app.chat.ChatRoom;
import dev.switchboard.proxy.TunnelFilter;
import dev.switchboard.proxy.TunnelStatistics;
import dev.switchboard.servlet.UpgradeRegistry;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /stats}: this application's counters as JSON. At the top level the upgrade counters
 * ({@code UpgradeStatistics}: one entry per protocol under {@code protocols}, among them
 * {@code websocket}, {@code tls}, {@code echo/1} and {@code tunnel}), the same numbers as the
 * {@code dev.switchboard:type=UpgradeFilter} and {@code type=UpgradeProtocol} MBeans; then
 * {@code tunnel} (the {@code type=Tunnel} MBean) and {@code chat} (the demo's own room).
 */
public class StatsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UpgradeRegistry registry = UpgradeRegistry.of(getServletContext());
        Map<String, Object> stats = new LinkedHashMap<>(registry.statistics().toMap());
        if (getServletContext().getAttribute(TunnelFilter.STATISTICS_ATTRIBUTE) instanceof TunnelStatistics tunnel) {
            stats.put("tunnel", tunnel.toMap());
        }
        stats.put("chat", ChatRoom.of(getServletContext()).toMap());
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        JSON.writeValue(response.getOutputStream(), stats);
    }
}
