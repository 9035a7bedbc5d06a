package dev.switchboard.bench.suite;

import java.util.List;

/** What a scenario contributes to the report: rows of the summary table and a section of details. */
public record Section(String title, List<Row> rows, String details) {
}
