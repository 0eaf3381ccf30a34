package org.crosswalk.answers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;


/**
 * The organisation profile as GRC tools export it: CSV with the columns framework,requirement,status
 * (header required, any column order). A row with framework "evidence" declares an evidence type held.
 * Statuses: satisfied/implemented/compliant/full/yes → satisfied; partial/partially/in-progress →
 * partially satisfied; not-satisfied/not-implemented/planned/none/no/n/a → not held. Anything else is
 * an error naming the line, and nothing is computed.
 */
public final class HoldingsCsv {
    private static final Set<String> FULL = Set.of("satisfied", "implemented", "compliant", "full", "yes", "true", "held");
    private static final Set<String> PARTIAL = Set.of("partial", "partially", "partially-satisfied", "in-progress");
    private static final Set<String> NOT = Set.of("not-satisfied", "not-implemented", "planned", "none", "no", "false", "n/a", "");
    private static final String SATISFIED = "satisfied", PARTIALLY = "partial", NOT_SATISFIED = "not satisfied";

    private HoldingsCsv() {}

    /** What a line said about a requirement, to catch a later line that says otherwise. */
    private record Claim(String status, int line) {}

    public static Holdings parse(String body, String source) {
        // Spreadsheet programs save "CSV UTF-8" with a byte-order mark; it is not part of the first column's name.
        if (body.startsWith("\uFEFF")) body = body.substring(1);
        List<String> lines = body.lines().toList();
        int headerAt = 0;
        while (headerAt < lines.size() && lines.get(headerAt).isBlank()) headerAt++;
        if (headerAt == lines.size()) throw new InvalidInputException("Empty CSV: expected a header framework,requirement,status", 1, null);
        List<String> header = split(lines.get(headerAt), headerAt + 1).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int fw = header.indexOf("framework"), req = header.indexOf("requirement"), st = header.indexOf("status");
        if (fw < 0 || req < 0 || st < 0) {
            throw new InvalidInputException("CSV header must name the columns framework, requirement and status; found "
                    + header, headerAt + 1, null);
        }
        List<String> satisfied = new ArrayList<>(), partial = new ArrayList<>(), evidence = new ArrayList<>();
        Map<String, Claim> claims = new HashMap<>();
        for (int i = headerAt + 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            List<String> cells = split(lines.get(i), i + 1);
            if (cells.size() != header.size()) {
                throw new InvalidInputException("Line " + (i + 1) + " has " + cells.size() + " columns, the header has "
                        + header.size(), i + 1, null);
            }
            String framework = cells.get(fw).strip(), requirement = cells.get(req).strip();
            String status = cells.get(st).strip().toLowerCase(Locale.ROOT).replace(' ', '-');
            if (framework.isEmpty() || requirement.isEmpty()) {
                throw new InvalidInputException("Line " + (i + 1) + ": framework and requirement are required", i + 1, null);
            }
            boolean isEvidence = framework.equals("evidence");
            // One reading of the status, used both to catch contradictions and to sort the row.
            String claim = FULL.contains(status) ? SATISFIED
                    : PARTIAL.contains(status) && !isEvidence ? PARTIALLY
                    : NOT.contains(status) ? NOT_SATISFIED : null;
            if (claim == null) {
                throw new InvalidInputException("Line " + (i + 1) + ": status '" + cells.get(st).strip()
                        + "' is not one of satisfied, partial, not-satisfied (or their synonyms)", i + 1, "status");
            }
            Claim earlier = claims.putIfAbsent(framework.toLowerCase(Locale.ROOT) + ":" + requirement, new Claim(claim, i + 1));
            if (earlier != null && !earlier.status().equals(claim)) {
                throw new InvalidInputException("Line " + (i + 1) + " says " + framework + " " + requirement + " is " + claim
                        + ", line " + earlier.line() + " says " + earlier.status() + ": a profile states one status per requirement",
                        i + 1, "status");
            }
            if (claim.equals(SATISFIED)) {
                if (isEvidence) evidence.add(requirement);
                else satisfied.add(framework + ":" + requirement);
            } else if (claim.equals(PARTIALLY)) {
                partial.add(framework + ":" + requirement);
            }
        }
        return new Holdings(source, satisfied, partial, evidence);
    }

    /** One CSV record (RFC 4180 quoting, no embedded newlines). */
    public static List<String> split(String line, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new InvalidInputException("Line " + lineNumber + ": a quoted field is not closed", lineNumber, null);
        cells.add(cur.toString());
        return cells;
    }
}
