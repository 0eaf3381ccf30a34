package org.crosswalk.webui;

/** Errors that are the visitor's input, told in the visitor's terms. */
final class Problems {
    private Problems() {}

    /** The reason jena-text could not read the search text, or null when the failure is something else. */
    static String searchTextProblem(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.jena.query.text.TextIndexParseException
                    || t.getClass().getName().startsWith("org.apache.lucene.queryparser")) {
                String m = t.getMessage() == null ? "" : t.getMessage().replace("Text search parse error:", "").strip();
                return "The search text is not a valid search: " + m.lines().findFirst().orElse("")
                        + " Search for words, \"a phrase\", prefix* or AND/OR.";
            }
        }
        return null;
    }
}
