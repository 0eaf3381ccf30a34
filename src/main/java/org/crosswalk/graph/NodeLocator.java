package org.crosswalk.graph;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.riot.system.PrefixMap;

/**
 * Remembers where each subject was written, so a SHACL violation on a node can be reported as
 * file:line. Jena's parsers do not hand line numbers to the graph, so for Turtle we look for the
 * line that starts with the subject's prefixed name or IRI — how every catalogue here is laid out.
 */
final class NodeLocator {
    private final Map<String, String> locations = new HashMap<>();

    void indexTurtle(Path file, String displayName, PrefixMap prefixes) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isEmpty() || Character.isWhitespace(line.charAt(0)) || line.startsWith("@")
                    || line.startsWith("#") || line.regionMatches(true, 0, "prefix", 0, 6)) continue;
            int end = 0;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end))) end++;
            String token = line.substring(0, end);
            String iri = token.startsWith("<") && token.endsWith(">") ? token.substring(1, token.length() - 1)
                    : prefixes.expand(token);
            if (iri != null) locations.putIfAbsent(iri, displayName + ":" + (i + 1));
        }
    }

    void put(String iri, String location) {
        locations.putIfAbsent(iri, location);
    }

    String locate(String iri, String fallback) {
        return locations.getOrDefault(iri, fallback);
    }
}
