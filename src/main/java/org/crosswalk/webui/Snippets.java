package org.crosswalk.webui;

import java.util.ArrayList;
import java.util.List;

/**
 * A search passage as search.rq returns it — matched words between {@code <em>} and {@code </em>} —
 * cut into runs, so the template prints every run as escaped text and marks the matched ones with
 * {@code <mark>}: a requirement text containing markup can never become markup on the page.
 */
final class Snippets {
    record Run(String text, boolean match) {}

    private Snippets() {}

    static List<Run> runs(String passage) {
        List<Run> out = new ArrayList<>();
        if (passage == null) return out;
        int at = 0;
        while (at < passage.length()) {
            int start = passage.indexOf("<em>", at);
            int end = start < 0 ? -1 : passage.indexOf("</em>", start + 4);
            if (start < 0 || end < 0) {
                out.add(new Run(passage.substring(at), false));
                break;
            }
            if (start > at) out.add(new Run(passage.substring(at, start), false));
            out.add(new Run(passage.substring(start + 4, end), true));
            at = end + 5;
        }
        return out;
    }
}
