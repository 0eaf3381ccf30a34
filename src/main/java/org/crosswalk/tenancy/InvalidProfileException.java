package org.crosswalk.tenancy;

import java.util.List;

/**
 * A profile with rows that cannot be stored, every one of them listed (row or line, the id as given,
 * what is wrong, the closest valid ids): nothing of it is stored. REST answers 422 problem+json.
 */
public class InvalidProfileException extends RuntimeException {
    /** {@code row}: 1-based line of a CSV/XLSX file or index in a JSON statements array. */
    public record RowProblem(int row, String id, String problem, List<String> closest) {}

    private final List<RowProblem> problems;

    public InvalidProfileException(List<RowProblem> problems) {
        super(problems.size() + " row(s) of the profile cannot be stored: "
                + problems.stream().limit(5).map(p -> "row " + p.row() + " '" + p.id() + "': " + p.problem())
                        .reduce((a, b) -> a + "; " + b).orElse("")
                + (problems.size() > 5 ? "; …" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<RowProblem> problems() { return problems; }
}
