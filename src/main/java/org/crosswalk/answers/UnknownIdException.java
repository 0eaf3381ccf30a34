package org.crosswalk.answers;

import java.util.List;

/**
 * A caller named something that is not in the graph; carries the closest valid ids for the error.
 * {@link #thing()} says what was looked for, for code that decides on it (a look-up of an unknown
 * requirement is 404, an unknown framework in the same call 422); {@link #kind()} says it in words, for
 * people (the problem's title, the CLI's message).
 */
public class UnknownIdException extends RuntimeException {
    /** What kind of id was not found. */
    public enum Thing {
        FRAMEWORK("framework"), REQUIREMENT("requirement"), EVIDENCE_TYPE("evidence type"), ROLE("role"),
        SYSTEM_CLASS("system class"), MAPPING_SET("mapping set"), NAMED_QUERY("named query"),
        QUERY_PARAMETER("parameter"), FILE("file");

        private final String words;

        Thing(String words) { this.words = words; }

        public String words() { return words; }
    }

    private final Thing thing;
    private final String kind;
    private final String framework;
    private final String given;
    private final List<String> closest;

    private UnknownIdException(Thing thing, String kind, String framework, String given, List<String> closest) {
        super("Unknown " + kind + " '" + given + "'" + (closest.isEmpty() ? "" : "; closest: " + String.join(", ", closest)));
        this.thing = thing;
        this.kind = kind;
        this.framework = framework;
        this.given = given;
        this.closest = List.copyOf(closest);
    }

    public UnknownIdException(Thing thing, String given, List<String> closest) {
        this(thing, thing.words(), null, given, closest);
    }

    /** With words that say more than the thing's own: "parameter of coverage", "export file". */
    public static UnknownIdException described(Thing thing, String words, String given, List<String> closest) {
        return new UnknownIdException(thing, words, null, given, closest);
    }

    /** A requirement looked for in one framework: {@link #framework()} names it. */
    public static UnknownIdException requirementOf(String framework, String given, List<String> closest) {
        return new UnknownIdException(Thing.REQUIREMENT, "requirement of " + framework, framework, given, closest);
    }

    public Thing thing() { return thing; }
    /** What was looked for, in words ("requirement of iso42001", "parameter of coverage"). */
    public String kind() { return kind; }
    /** The framework a requirement was looked for in; null when none was (or the thing is not a requirement). */
    public String framework() { return framework; }
    public String given() { return given; }
    public List<String> closest() { return closest; }
}
