package org.crosswalk.graph;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.jena.vocabulary.SKOS;
import org.incenp.obofoundry.sssom.ExtraMetadataPolicy;
import org.incenp.obofoundry.sssom.SSSOMFormatException;
import org.incenp.obofoundry.sssom.TSVReader;
import org.incenp.obofoundry.sssom.model.ExtensionValue;
import org.incenp.obofoundry.sssom.model.Mapping;
import org.incenp.obofoundry.sssom.model.MappingSet;
import org.incenp.obofoundry.sssom.model.PredicateModifier;

/**
 * Reads one SSSOM TSV mapping set with sssom-java and checks each row against DESIGN.md's mapping
 * rules (relation, predicate, modifier, rationale, strength, reason). Problems are reported as
 * "file:row: message", row being the line number in the file.
 */
public final class MappingSetReader {

    /** A parsed mapping set: its metadata as sssom-java read it and the rows as mapping records. */
    public record Result(MappingSet set, List<MappingRecord> mappings) {}

    private static final Set<String> RATIONALES = Set.of("syntactic", "semantic", "functional");

    private MappingSetReader() {}

    public static Result read(Path file, String displayName, List<String> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            problems.add(displayName + ":1: cannot be read: " + e.getMessage());
            return new Result(null, List.of());
        }
        return read(lines, displayName, problems);
    }

    /**
     * Reads a mapping set from its lines. Rows are checked one by one before sssom-java sees them: a row
     * whose column count differs from the header's (a value removed, so later values shift) is reported at
     * its own line and left out, and a row sssom-java cannot parse is located by parsing it alone, so one
     * bad row never hides the others nor stops the reading with an unlocated exception.
     */
    public static Result read(List<String> lines, String displayName, List<String> problems) {
        List<String> found = new ArrayList<>();
        Result result = readRows(lines, displayName, found);
        // In file order, whichever check found them, so a curator walks the file once.
        found.sort(java.util.Comparator.comparingInt(MappingSetReader::lineOf));
        problems.addAll(found);
        return result;
    }

    private static int lineOf(String problem) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^[^:]*:(\\d+):").matcher(problem);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static Result readRows(List<String> lines, String displayName, List<String> problems) {
        int headerLine = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#") || line.isBlank()) continue;
            headerLine = i;
            break;
        }
        if (headerLine < 0) {
            problems.add(displayName + ":" + Math.max(1, lines.size()) + ": no column header line (subject_id, predicate_id, ...)");
            return new Result(null, List.of());
        }
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < headerLine; i++) {
            if (lines.get(i).startsWith("#")) head.append(lines.get(i)).append('\n');
        }
        String[] columns = lines.get(headerLine).split("\t", -1);
        head.append(lines.get(headerLine)).append('\n');
        String header = head.toString();
        try {
            parse(header);
        } catch (SSSOMFormatException | IOException | RuntimeException e) {
            problems.add(displayName + ":" + (headerLine + 1) + ": the metadata header or column line is not valid SSSOM: " + message(e));
            return new Result(null, List.of());
        }

        List<Integer> rowLines = new ArrayList<>();
        for (int i = headerLine + 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) continue;
            int count = line.split("\t", -1).length;
            if (count != columns.length) {
                problems.add(displayName + ":" + (i + 1) + ": " + count + " column" + (count == 1 ? "" : "s")
                        + " where the header has " + columns.length
                        + ": a value is missing or extra, so the values after it are in the wrong columns");
                continue;
            }
            rowLines.add(i);
        }
        MappingSet set;
        try {
            set = parse(header + joined(lines, rowLines));
        } catch (SSSOMFormatException | IOException | RuntimeException whole) {
            // Find the rows sssom-java refuses, each parsed on its own, and read the rest together.
            List<Integer> good = new ArrayList<>();
            for (int line : rowLines) {
                try {
                    parse(header + lines.get(line) + "\n");
                    good.add(line);
                } catch (SSSOMFormatException | IOException | RuntimeException e) {
                    problems.add(displayName + ":" + (line + 1) + ": " + message(e));
                }
            }
            rowLines = good;
            try {
                set = parse(header + joined(lines, rowLines));
            } catch (SSSOMFormatException | IOException | RuntimeException e) {
                problems.add(displayName + ":" + (headerLine + 1) + ": not a valid SSSOM TSV file: " + message(e));
                return new Result(null, List.of());
            }
        }
        if (set.getMappingSetId() == null) problems.add(displayName + ":1: mapping_set_id is missing");
        if (set.getLicense() == null) problems.add(displayName + ":1: license is missing");

        List<Mapping> rows = set.getMappings();
        List<MappingRecord> records = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String where = displayName + ":" + (i < rowLines.size() ? rowLines.get(i) + 1 : "?");
            MappingRecord record = toRecord(rows.get(i), set, where, problems);
            if (record == null) continue;
            if (!seen.add(record.iri())) {
                problems.add(where + ": duplicate of an earlier row (same subject, predicate, modifier, object)");
                continue;
            }
            records.add(record);
        }
        return new Result(set, records);
    }

    private static MappingSet parse(String text) throws SSSOMFormatException, IOException {
        TSVReader reader = new TSVReader(new StringReader(text));
        reader.setExtraMetadataPolicy(ExtraMetadataPolicy.DEFINED);
        // Keep set-level slots (subject_source, object_source, mapping_date) on the set: sssom-java would
        // otherwise push them down into every mapping and leave the set without them.
        reader.setPropagationEnabled(false);
        return reader.read();
    }

    private static String joined(List<String> lines, List<Integer> which) {
        StringBuilder sb = new StringBuilder();
        for (int i : which) sb.append(lines.get(i)).append('\n');
        return sb.toString();
    }

    /** The exception's own message, without the class names sssom-java and java.time put in front. */
    private static String message(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.time.format.DateTimeParseException) return "a date column holds '"
                + ((java.time.format.DateTimeParseException) e).getParsedString() + "', which is not a date (YYYY-MM-DD)";
        return m.replaceAll("\\s+", " ").strip();
    }

    private static MappingRecord toRecord(Mapping m, MappingSet set, String where, List<String> problems) {
        int before = problems.size();
        String relationCode = extension(m, "relation");
        Relation relation = relationCode == null ? null : Relation.fromCode(relationCode).orElse(null);
        if (relation == null) {
            problems.add(where + ": ext_relation '" + relationCode
                    + "' is not one of equal, subset-of, superset-of, intersects-with, no-relationship");
        }
        String rationale = extension(m, "rationale");
        if (rationale == null || !RATIONALES.contains(rationale)) {
            problems.add(where + ": ext_rationale '" + rationale + "' is not one of syntactic, semantic, functional");
        }
        Integer strength = null;
        String strengthText = extension(m, "strength");
        try {
            strength = strengthText == null ? null : Integer.valueOf(strengthText);
        } catch (NumberFormatException e) {
            // reported below
        }
        if (strength == null) {
            problems.add(where + ": ext_strength '" + strengthText + "' is not an integer 0-10");
        } else if (relation != null && !relation.allowsStrength(strength)) {
            problems.add(where + ": ext_strength " + strength + " does not fit " + relation.code
                    + " (equal = 10, no-relationship = 0, otherwise 1-9)");
        }
        boolean negated = m.getPredicateModifier() == PredicateModifier.NOT;
        if (relation != null) {
            if (negated != (relation == Relation.NO_RELATIONSHIP)) {
                problems.add(where + ": predicate_modifier Not is required exactly for no-relationship");
            }
            if (!relation.skosPredicate.getURI().equals(m.getPredicateId())) {
                problems.add(where + ": predicate_id " + shortSkos(m.getPredicateId()) + " does not agree with "
                        + relation.code + " (expected " + shortSkos(relation.skosPredicate.getURI()) + ")");
            }
        }
        if (m.getComment() == null || m.getComment().isBlank()) {
            problems.add(where + ": comment (the one-sentence reason) is missing");
        }
        if (m.getMappingJustification() == null) {
            problems.add(where + ": mapping_justification is missing");
        }
        if (m.getSubjectId() == null || m.getObjectId() == null) {
            problems.add(where + ": subject_id and object_id are required");
        }
        if (problems.size() > before) return null;

        List<String> authors = m.getAuthorId() != null ? m.getAuthorId() : List.of();
        String date = m.getMappingDate() != null ? m.getMappingDate().toString()
                : set.getMappingDate() != null ? set.getMappingDate().toString() : null;
        return new MappingRecord(m.getSubjectId(), relation, m.getObjectId(), m.getMappingJustification(),
                rationale, strength, m.getComment().strip(), authors.isEmpty() ? null : authors.get(0), date,
                m.getSeeAlso() != null ? m.getSeeAlso() : List.of(), set.getMappingSetId(), where, List.of(), null);
    }

    /** Value of the ext_&lt;name&gt; slot, whether sssom-java keyed it by property IRI or by slot name. */
    private static String extension(Mapping m, String name) {
        Map<String, ExtensionValue> ext = m.getExtensions();
        if (ext == null) return null;
        ExtensionValue v = ext.get(Vocab.CW + name);
        if (v == null) v = ext.get("ext_" + name);
        return v == null || v.getValue() == null ? null : v.getValue().toString().strip();
    }

    private static String shortSkos(String iri) {
        return iri == null ? "(none)" : iri.replace(SKOS.uri, "skos:");
    }
}
