package org.crosswalk.tenancy;

/** A write named a version (If-Match) that is no longer the current one: 412, nothing changed. */
public class VersionConflictException extends RuntimeException {
    private final int current;

    public VersionConflictException(String id, String expected, int current) {
        super("Profile '" + id + "' is at version " + current + ", the request was made against " + expected
                + ": read it again (GET gives the current ETag) and retry");
        this.current = current;
    }

    public int current() { return current; }
}
