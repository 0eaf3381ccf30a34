package org.crosswalk.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.crosswalk.answers.Tabular;

/**
 * Any list answer (crosswalk, coverage, gaps) as CSV (RFC 4180) or as an XLSX workbook with one sheet
 * per table — a coverage report gets one sheet per target framework. The header row is the answer's own
 * column names, bold, frozen and filterable, so a person can read it as is.
 */
public final class TableExport {
    /** One sheet of a workbook: a name (Excel allows 31 characters) and its table. */
    public record Sheet(String name, Tabular table) {}

    private static final int MAX_COLUMN_CHARS = 80;
    /**
     * Columns that hold quantities, written as numbers so a spreadsheet can sum and sort them. Decided by
     * column, not by value: an id such as clause "4" or "6.1" stays text.
     */
    private static final java.util.Set<String> NUMERIC = java.util.Set.of("strength", "score", "rank", "frameworks",
            "requirements", "leaves", "curated_mappings", "derived_mappings", "leaves_full", "leaves_partial",
            "leaves_none", "leaves_total", "full", "partial", "none", "total", "percent_full", "gaps", "not_yet_applicable");

    private TableExport() {}

    public static void csv(Tabular table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        csvRow(w, table.csvHeader());
        for (List<String> row : table.csvRows()) csvRow(w, row);
        w.flush();
    }

    public static void csvRow(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) w.write(',');
            String c = cells.get(i) == null ? "" : cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                w.write('"');
                w.write(c.replace("\"", "\"\""));
                w.write('"');
            } else {
                w.write(c);
            }
        }
        w.write("\r\n");
    }

    /**
     * POI writes the default cell format but not the named cell style "Normal" that points at it, which
     * spreadsheet readers expect (openpyxl warns "Workbook contains no default style" and substitutes its
     * own). The schema class for it is not in poi-ooxml-lite, so the written package gets it in
     * xl/styles.xml, where the schema puts it (right after cellXfs), as Excel writes it: builtinId 0 on the
     * first cell style format. Every other part is copied as it is.
     */
    static byte[] withDefaultCellStyle(byte[] xlsx) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(xlsx.length + 256);
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
                var zip = new java.util.zip.ZipOutputStream(out)) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals("xl/styles.xml")) {
                    String xml = new String(content, StandardCharsets.UTF_8);
                    if (!xml.contains("<cellStyles") && xml.contains("</cellXfs>")) {
                        xml = xml.replace("</cellXfs>", "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>");
                    }
                    content = xml.getBytes(StandardCharsets.UTF_8);
                }
                var copy = new java.util.zip.ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                zip.putNextEntry(copy);
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A whole number or decimal, written as a number cell in the columns listed in NUMERIC. */
    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("-?\\d{1,9}(\\.\\d+)?");

    /**
     * Streaming workbook (SXSSF, POI's own): rows go to a temporary file as they are written instead of
     * being kept as an XML object tree, which was two thirds of a three-sheet coverage export (about
     * 240 of 350 ms). Strings are written inline, which every reader accepts.
     */
    public static void xlsx(List<Sheet> sheets, OutputStream out) throws IOException {
        SXSSFWorkbook book = new SXSSFWorkbook(200);
        // POI's default (AsNeeded) writes Zip64 data descriptors that java.util.zip cannot read back
        // (withDefaultCellStyle below); a workbook of a few hundred rows is far from Zip64's limits.
        book.setZip64Mode(org.apache.commons.compress.archivers.zip.Zip64Mode.Never);
        try {
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = book.createCellStyle();
            wrap.setWrapText(false);
            for (Sheet s : sheets) {
                org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet(WorkbookUtil.createSafeSheetName(s.name()));
                List<String> header = s.table().csvHeader();
                int[] widths = new int[header.size()];
                Row top = sheet.createRow(0);
                for (int c = 0; c < header.size(); c++) {
                    top.createCell(c).setCellValue(header.get(c));
                    top.getCell(c).setCellStyle(bold);
                    widths[c] = header.get(c).length();
                }
                int r = 1;
                for (List<String> row : s.table().csvRows()) {
                    Row line = sheet.createRow(r++);
                    for (int c = 0; c < row.size(); c++) {
                        String v = row.get(c) == null ? "" : row.get(c);
                        if (c < header.size() && NUMERIC.contains(header.get(c)) && NUMBER.matcher(v).matches()) {
                            line.createCell(c).setCellValue(Double.parseDouble(v));
                        } else {
                            line.createCell(c).setCellValue(v);
                        }
                        if (c < widths.length) widths[c] = Math.max(widths[c], Math.min(v.length(), MAX_COLUMN_CHARS));
                    }
                }
                for (int c = 0; c < widths.length; c++) sheet.setColumnWidth(c, (widths[c] + 2) * 256);
                sheet.createFreezePane(0, 1);
                if (!header.isEmpty()) sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, r - 1), 0, header.size() - 1));
            }
            java.io.ByteArrayOutputStream written = new java.io.ByteArrayOutputStream();
            book.write(written);
            out.write(withDefaultCellStyle(written.toByteArray()));
        } finally {
            book.dispose(); // its temporary files
            book.close();
        }
        out.flush();
    }
}
