package org.crosswalk.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the simplest catalogue people keep in a spreadsheet: a CSV with a header naming the columns
 * {@code id}, {@code parent_id}, {@code title}, {@code text} (any order; "parent id"/"parent" accepted),
 * one requirement a row, parents before or after their children. Rows that have children become control
 * themes, the others controls. Problems are located "file:line".
 */
final class CsvCatalogueReader {

    private CsvCatalogueReader() {}

    static List<ImportedFramework.Node> read(InputStream in, String file, List<String> problems) {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        List<String[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> columns = new HashMap<>();
            parser.getHeaderMap().forEach((name, i) -> columns.put(column(name), i));
            for (String required : List.of("id", "parent_id", "title", "text")) {
                if (!columns.containsKey(required)) {
                    problems.add(file + ":1: the header must name the columns id, parent_id, title, text; '" + required
                            + "' is missing (found: " + String.join(", ", parser.getHeaderNames()) + ")");
                }
            }
            if (!problems.isEmpty()) return List.of();
            Iterator<CSVRecord> it = parser.iterator();
            while (true) {
                long before = parser.getCurrentLineNumber();
                CSVRecord r;
                try {
                    if (!it.hasNext()) break;
                    r = it.next();
                } catch (UncheckedIOException e) {
                    problems.add(file + ":" + (before + 1) + ": not valid CSV: " + e.getCause().getMessage());
                    return List.of();
                }
                int line = (int) before + 1;
                if (r.size() != parser.getHeaderNames().size()) {
                    problems.add(file + ":" + line + ": " + r.size() + " columns where the header has " + parser.getHeaderNames().size());
                    continue;
                }
                rows.add(new String[] {r.get(columns.get("id")), r.get(columns.get("parent_id")),
                        r.get(columns.get("title")), r.get(columns.get("text"))});
                lines.add(line);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException e) {
            problems.add(file + ":1: not a CSV file with a header line: " + e.getMessage());
            return List.of();
        }
        Set<String> parents = new HashSet<>();
        for (String[] r : rows) if (!r[1].isEmpty()) parents.add(r[1]);
        List<ImportedFramework.Node> nodes = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            String where = file + ":" + lines.get(i);
            if (r[0].isEmpty()) {
                problems.add(where + ": id is empty");
                continue;
            }
            if (r[2].isEmpty() && r[3].isEmpty()) problems.add(where + ": " + r[0] + " has neither a title nor a text");
            nodes.add(new ImportedFramework.Node(r[0], r[0], r[2].isEmpty() ? null : r[2], r[3].isEmpty() ? null : r[3],
                    r[1].isEmpty() ? null : r[1], parents.contains(r[0]) ? "ControlTheme" : "Control", where));
        }
        return nodes;
    }

    private static String column(String header) {
        String h = header.strip().toLowerCase(Locale.ROOT).replace('\uFEFF', ' ').strip().replaceAll("[\\s-]+", "_");
        return h.equals("parent") ? "parent_id" : h;
    }
}
