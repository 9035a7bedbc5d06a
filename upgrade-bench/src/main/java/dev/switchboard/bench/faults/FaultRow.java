package dev.switchboard.bench.faults;

import java.util.Locale;

/** One fault run: what was sent, what must arrive, what arrived, the most held in between, descriptors before and after. */
record FaultRow(String path, String fault, long sent, String mustArrive, long arrived, boolean intact, String held,
        boolean closed, long fdsBefore, long fdsAfter) {

    static String header() {
        return """
                | path | fault | bytes sent | must arrive | bytes arrived | in order | most held by the server | other side closed | fds before / after |
                |---|---|---:|---|---:|---|---|---|---|
                """;
    }

    String markdown() {
        return String.format(Locale.ROOT, "| %s | %s | %,d | %s | %,d | %s | %s | %s | %d / %d |%n", path, fault, sent,
                mustArrive, arrived, intact ? "yes" : "**no**", held, closed ? "yes" : "**no**", fdsBefore, fdsAfter);
    }
}
