package dev.switchboard.bench.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * The fault runs, tunnel and RFC 2817 bridge, each on an embedded Tomcat 11 in this JVM, printed
 * as one Markdown table: bytes sent, what must arrive, what arrived and in what order, the most
 * the server held, whether the other side was closed, and this process's open descriptors
 * before and after (its sockets at both ends included, so that after should equal before).
 *
 * <pre>
 * upgrade-bench/faults.sh            # both
 * upgrade-bench/faults.sh tunnel     # or bridge
 * </pre>
 */
public final class Faults {

    private Faults() {
    }

    public static void main(String[] args) throws Exception {
        String which = args.length > 0 ? args[0] : "all";
        List<FaultRow> rows = new ArrayList<>();
        if (!which.equals("bridge")) {
            rows.addAll(TunnelFaults.run());
        }
        if (!which.equals("tunnel")) {
            rows.addAll(BridgeFaults.run());
        }
        StringBuilder md = new StringBuilder(FaultRow.header());
        rows.forEach(r -> md.append(r.markdown()));
        System.out.println(md);
        System.exit(0);
    }
}
