package org.crosswalk.graph;

import java.util.List;

/**
 * The data files are not loadable. Each problem is one line "file:line: message" (line = row for TSV),
 * so a curator can jump to it. Nothing has been written to the store when this is thrown.
 */
public class DataValidationException extends RuntimeException {
    private final List<String> problems;

    public DataValidationException(List<String> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        int shown = Math.min(problems.size(), 50);
        StringBuilder sb = new StringBuilder("Invalid data (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):");
        for (int i = 0; i < shown; i++) sb.append("\n  ").append(problems.get(i));
        if (shown < problems.size()) sb.append("\n  ... and ").append(problems.size() - shown).append(" more");
        return sb.toString();
    }
}
