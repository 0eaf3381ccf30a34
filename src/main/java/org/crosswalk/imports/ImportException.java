package org.crosswalk.imports;

import java.util.List;

/**
 * A catalogue that cannot be imported. Each problem names its place ("file:line: …" or
 * "file#/json/pointer: …"); nothing has been stored when this is thrown.
 */
public class ImportException extends RuntimeException {
    private final List<String> problems;

    public ImportException(List<String> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public ImportException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        int shown = Math.min(problems.size(), 20);
        StringBuilder sb = new StringBuilder("Cannot import (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + ", nothing stored):");
        for (int i = 0; i < shown; i++) sb.append("\n  ").append(problems.get(i));
        if (shown < problems.size()) sb.append("\n  ... and ").append(problems.size() - shown).append(" more");
        return sb.toString();
    }
}
