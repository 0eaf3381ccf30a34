package org.crosswalk.answers;

import java.util.List;

/** A caller named something that is not in the graph; carries the closest valid ids for the error. */
public class UnknownIdException extends RuntimeException {
    private final String kind;
    private final String given;
    private final List<String> closest;

    public UnknownIdException(String kind, String given, List<String> closest) {
        super("Unknown " + kind + " '" + given + "'" + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest)));
        this.kind = kind;
        this.given = given;
        this.closest = List.copyOf(closest);
    }

    public String kind() { return kind; }
    public String given() { return given; }
    public List<String> closest() { return closest; }
}
