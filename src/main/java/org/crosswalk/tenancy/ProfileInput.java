package org.crosswalk.tenancy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.crosswalk.answers.HoldingsCsv;
import org.crosswalk.answers.InvalidInputException;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.answers.UnknownIdException;

/**
 * Turns what a caller sends — JSON statements, or the CSV / XLSX sheet GRC tools export (columns
 * framework, requirement, status, and optionally note, owner, date) — into checked statements. Every
 * row is checked before anything is stored, and every bad row is reported, not just the first.
 * Statuses: satisfied, partial, planned, not-applicable; the synonyms the stateless endpoints accept
 * are read the same way (implemented/compliant/yes → satisfied, in-progress → partial, n/a →
 * not-applicable, not-satisfied/not-implemented/none/no → planned: not held yet).
 */
public final class ProfileInput {
    private static final Set<String> FULL = Set.of("satisfied", "implemented", "compliant", "full", "yes", "true", "held");
    private static final Set<String> PARTIAL = Set.of("partial", "partially", "partially-satisfied", "in-progress");
    private static final Set<String> PLANNED = Set.of("planned", "not-satisfied", "not-implemented", "none", "no", "false");
    private static final Set<String> NOT_APPLICABLE = Set.of("not-applicable", "n/a", "na");

    /** A statement as sent in JSON: exactly one of requirement and evidence. */
    public record Row(String requirement, String evidence, String status, String note, String owner, String date) {}

    private final RequirementIndex index;
    private final int maxStatements;

    public ProfileInput(RequirementIndex index, int maxStatements) {
        this.index = index;
        this.maxStatements = maxStatements;
    }

    /** Too many statements for one profile (crosswalk.profiles.max-statements): 413. */
    public static class TooManyStatements extends RuntimeException {
        public TooManyStatements(int given, int max) {
            super("The profile has " + given + " statements; the limit is " + max + " (crosswalk.profiles.max-statements)");
        }
    }

    public List<ProfileStatement> fromRows(List<Row> rows, int firstRowNumber) {
        if (rows == null) rows = List.of();
        if (rows.size() > maxStatements) throw new TooManyStatements(rows.size(), maxStatements);
        List<ProfileStatement> out = new ArrayList<>();
        List<InvalidProfileException.RowProblem> problems = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            int rowNumber = firstRowNumber + i;
            Row r = rows.get(i);
            ProfileStatement s = check(r, rowNumber, problems);
            if (s == null) continue;
            Integer earlier = seen.putIfAbsent(s.ref(), rowNumber);
            if (earlier != null) {
                problems.add(new InvalidProfileException.RowProblem(rowNumber, s.ref(),
                        "listed again (first at row " + earlier + "): a profile states one status per requirement", List.of()));
                continue;
            }
            out.add(s);
        }
        if (!problems.isEmpty()) throw new InvalidProfileException(problems);
        return out;
    }

    private ProfileStatement check(Row r, int row, List<InvalidProfileException.RowProblem> problems) {
        boolean req = r.requirement() != null && !r.requirement().isBlank();
        boolean ev = r.evidence() != null && !r.evidence().isBlank();
        String given = req ? r.requirement() : ev ? r.evidence() : "";
        if (req == ev) {
            problems.add(new InvalidProfileException.RowProblem(row, given, "give exactly one of requirement and evidence", List.of()));
            return null;
        }
        String status = status(r.status());
        if (status == null) {
            problems.add(new InvalidProfileException.RowProblem(row, given, "status '" + r.status()
                    + "' is not one of satisfied, partial, planned, not-applicable", List.of()));
        }
        String date = blankToNull(r.date());
        if (date != null) {
            try {
                LocalDate.parse(date);
            } catch (DateTimeParseException e) {
                problems.add(new InvalidProfileException.RowProblem(row, given, "date '" + date + "' is not YYYY-MM-DD", List.of()));
                date = null;
            }
        }
        String ref, about;
        try {
            if (req) {
                RequirementIndex.Requirement found = index.requirement(null, r.requirement());
                ref = found.framework() + ":" + found.localId();
                about = found.iri();
            } else {
                RequirementIndex.Code found = index.evidence(r.evidence());
                ref = "evidence:" + found.code();
                about = found.iri();
            }
        } catch (UnknownIdException e) {
            problems.add(new InvalidProfileException.RowProblem(row, given, "unknown " + e.kind(), e.closest()));
            return null;
        } catch (RuntimeException e) {
            problems.add(new InvalidProfileException.RowProblem(row, given, e.getMessage(), List.of()));
            return null;
        }
        if (status == null) return null;
        return new ProfileStatement(ref, about, status, blankToNull(r.note()), blankToNull(r.owner()), date);
    }

    /** The canonical ref of a requirement ({@code framework:id}, any written form) or of {@code evidence:id}. */
    public String ref(String given) {
        if (given.startsWith("evidence:")) return "evidence:" + index.evidence(given.substring("evidence:".length())).code();
        RequirementIndex.Requirement r = index.requirement(null, given);
        return r.framework() + ":" + r.localId();
    }

    static String status(String given) {
        if (given == null) return null;
        String s = given.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
        if (FULL.contains(s)) return "satisfied";
        if (PARTIAL.contains(s)) return "partial";
        if (PLANNED.contains(s)) return "planned";
        if (NOT_APPLICABLE.contains(s)) return "not-applicable";
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ------------------------------------------------------------------ CSV and XLSX

    /** The GRC export as CSV: a header naming framework, requirement, status (note, owner, date optional). */
    public List<ProfileStatement> fromCsv(String body) {
        if (body.startsWith("\uFEFF")) body = body.substring(1);
        List<String> lines = body.lines().toList();
        List<List<String>> table = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            table.add(HoldingsCsv.split(lines.get(i), i + 1));
            lineNumbers.add(i + 1);
        }
        return fromTable(table, lineNumbers);
    }

    /** The same table as the first sheet of an XLSX workbook. */
    public List<ProfileStatement> fromXlsx(byte[] body) {
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        List<List<String>> table = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(body))) {
            Sheet sheet = wb.getSheetAt(0);
            for (SheetRow r : rows(sheet)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < r.width; c++) {
                    Cell cell = r.row.getCell(c);
                    cells.add(cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                            && org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)
                            ? cell.getLocalDateTimeCellValue().toLocalDate().toString() : fmt.formatCellValue(cell));
                }
                if (cells.stream().allMatch(String::isBlank)) continue;
                table.add(cells);
                lineNumbers.add(r.row.getRowNum() + 1);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidProfileException || e instanceof TooManyStatements) throw (RuntimeException) e;
            throw new InvalidInputException("Not a readable XLSX workbook: " + e.getMessage(), null, null);
        }
        return fromTable(table, lineNumbers);
    }

    private record SheetRow(org.apache.poi.ss.usermodel.Row row, int width) {}

    /** The sheet's rows, each as wide as the widest, so a blank trailing cell is still a column. */
    private static List<SheetRow> rows(Sheet sheet) {
        int width = 0;
        for (org.apache.poi.ss.usermodel.Row r : sheet) width = Math.max(width, r.getLastCellNum());
        List<SheetRow> out = new ArrayList<>();
        for (org.apache.poi.ss.usermodel.Row r : sheet) out.add(new SheetRow(r, width));
        return out;
    }

    private List<ProfileStatement> fromTable(List<List<String>> table, List<Integer> lineNumbers) {
        if (table.isEmpty()) throw new InvalidInputException("Empty profile: expected a header framework,requirement,status", 1, null);
        List<String> header = table.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        int fw = header.indexOf("framework"), req = header.indexOf("requirement"), st = header.indexOf("status");
        int note = header.indexOf("note"), owner = header.indexOf("owner"), date = header.indexOf("date");
        if (fw < 0 || req < 0 || st < 0) {
            throw new InvalidInputException("The header must name the columns framework, requirement and status; found " + header,
                    lineNumbers.get(0), null);
        }
        if (table.size() - 1 > maxStatements) throw new TooManyStatements(table.size() - 1, maxStatements);
        List<InvalidProfileException.RowProblem> problems = new ArrayList<>();
        List<ProfileStatement> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 1; i < table.size(); i++) {
            List<String> c = table.get(i);
            int line = lineNumbers.get(i);
            if (c.size() < header.size()) {
                problems.add(new InvalidProfileException.RowProblem(line, String.join(",", c),
                        "has " + c.size() + " columns, the header has " + header.size(), List.of()));
                continue;
            }
            String framework = c.get(fw).strip(), id = c.get(req).strip();
            Row r = framework.equalsIgnoreCase("evidence")
                    ? new Row(null, id, c.get(st), cell(c, note), cell(c, owner), cell(c, date))
                    : new Row(framework.isEmpty() || id.isEmpty() ? "" : framework + ":" + id, null, c.get(st), cell(c, note), cell(c, owner), cell(c, date));
            ProfileStatement s = check(r, line, problems);
            if (s == null) continue;
            Integer earlier = seen.putIfAbsent(s.ref(), line);
            if (earlier != null) {
                problems.add(new InvalidProfileException.RowProblem(line, s.ref(),
                        "listed again (first at line " + earlier + "): a profile states one status per requirement", List.of()));
                continue;
            }
            out.add(s);
        }
        if (!problems.isEmpty()) throw new InvalidProfileException(problems);
        return out;
    }

    private static String cell(List<String> c, int at) {
        return at < 0 ? null : c.get(at);
    }
}
