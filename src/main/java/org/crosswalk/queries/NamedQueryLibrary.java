package org.crosswalk.queries;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.crosswalk.graph.DataValidationException;

/**
 * The named queries of {@code queries/}, read and checked once at start: each must parse and declare
 * its parameters, title and purpose in the header comment, so a broken query file stops the start
 * (like broken data) instead of failing on its first call.
 */
public final class NamedQueryLibrary {
    private static final Pattern PARAM = Pattern.compile(
            "#\\s*param:\\s*(\\w+)\\s*:\\s*([\\w-]+)\\s*=\\s*(.*?)\\s*\\|\\s*(.*)");
    private static final Pattern FIELD = Pattern.compile("#\\s*(title|answers|example|slice):\\s*(.*)");

    private final Map<String, NamedQuery> queries;

    private NamedQueryLibrary(Map<String, NamedQuery> queries) {
        this.queries = queries;
    }

    public static NamedQueryLibrary load(Path dir) {
        Map<String, NamedQuery> queries = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".rq")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the named queries in " + dir, e);
        }
        for (Path file : files) {
            String name = file.getFileName().toString().replaceFirst("\\.rq$", "");
            try {
                queries.put(name, parse(name, Files.readString(file), "queries/" + file.getFileName(), problems));
            } catch (IOException e) {
                problems.add("queries/" + file.getFileName() + ":1: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) throw new DataValidationException(problems);
        return new NamedQueryLibrary(queries);
    }

    static NamedQuery parse(String name, String text, String where, List<String> problems) {
        Map<String, StringBuilder> fields = new LinkedHashMap<>();
        List<QueryParameter> params = new ArrayList<>();
        String current = null;
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (!line.startsWith("#")) break;
            Matcher p = PARAM.matcher(line);
            Matcher f = FIELD.matcher(line);
            if (p.matches()) {
                current = null;
                Optional<ParameterType> type = ParameterType.fromToken(p.group(2));
                if (type.isEmpty()) {
                    problems.add(where + ":" + (i + 1) + ": unknown parameter type '" + p.group(2) + "'");
                    continue;
                }
                params.add(new QueryParameter(p.group(1), type.get(), p.group(3), p.group(4)));
            } else if (f.matches()) {
                current = f.group(1);
                fields.put(current, new StringBuilder(f.group(2).strip()));
            } else if (current != null && line.startsWith("#  ")) {
                fields.get(current).append(' ').append(line.substring(1).strip());
            } else {
                current = null;
            }
        }
        for (String required : List.of("title", "answers", "example")) {
            if (!fields.containsKey(required)) problems.add(where + ":1: the header needs a '# " + required + ":' line");
        }
        Query query = null;
        try {
            query = QueryFactory.create(text);
        } catch (QueryParseException e) {
            problems.add(where + ":" + e.getLine() + ": " + e.getMessage());
        }
        String slice = str(fields, "slice");
        if (!slice.isEmpty() && params.stream().noneMatch(q -> q.name().equals(slice))) {
            problems.add(where + ":1: '# slice: " + slice + "' names no parameter of the query");
        }
        return new NamedQuery(name, str(fields, "title"), str(fields, "answers"), List.copyOf(params),
                str(fields, "example"), slice.isEmpty() ? null : slice, text, query);
    }

    private static String str(Map<String, StringBuilder> fields, String key) {
        return fields.containsKey(key) ? fields.get(key).toString() : "";
    }

    public Optional<NamedQuery> get(String name) {
        return Optional.ofNullable(queries.get(name));
    }

    /** The query of that name; the REST layer only asks for the queries it ships with. */
    public NamedQuery require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("Named query missing: queries/" + name + ".rq"));
    }

    public List<NamedQuery> all() {
        return List.copyOf(queries.values());
    }
}
