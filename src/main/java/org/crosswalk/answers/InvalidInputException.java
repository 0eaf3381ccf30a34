package org.crosswalk.answers;

/**
 * Input a caller sent that cannot be read (a malformed profile CSV, a missing field), with where it went
 * wrong: the REST door answers 400 with line and field, the CLI prints it and exits non-zero.
 */
public class InvalidInputException extends RuntimeException {
    private final Integer line;
    private final String field;

    public InvalidInputException(String message, Integer line, String field) {
        super(message);
        this.line = line;
        this.field = field;
    }

    public Integer line() { return line; }
    public String field() { return field; }
}
