package org.crosswalk.cli;

import java.util.List;

/** A plain aligned text table for the terminal; long cells are cut so a row stays on one screen line. */
final class TextTable {
    private static final int MAX = 48;

    private TextTable() {}

    static String render(List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int c = 0; c < w.length; c++) w[c] = header.get(c).length();
        for (List<String> r : rows) for (int c = 0; c < w.length && c < r.size(); c++) w[c] = Math.max(w[c], cut(r.get(c)).length());
        StringBuilder sb = new StringBuilder();
        line(sb, header, w);
        for (int c = 0; c < w.length; c++) sb.append("-".repeat(w[c])).append(c + 1 < w.length ? "  " : "\n");
        for (List<String> r : rows) line(sb, r, w);
        sb.append(rows.size()).append(rows.size() == 1 ? " row\n" : " rows\n");
        return sb.toString();
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        for (int c = 0; c < w.length; c++) {
            String v = c < cells.size() ? cut(cells.get(c)) : "";
            sb.append(v).append(" ".repeat(w[c] - v.length())).append(c + 1 < w.length ? "  " : "\n");
        }
    }

    private static String cut(String s) {
        if (s == null) return "";
        s = s.replace('\n', ' ');
        return s.length() <= MAX ? s : s.substring(0, MAX - 1) + "…";
    }
}
