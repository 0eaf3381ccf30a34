package org.crosswalk.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of an OSCAL 1.x catalog an import needs, the same whether it was read from JSON or XML:
 * groups and controls (nested), their labels, parameters and statement parts. It renders each control's
 * statement as readable text, parameters written the way NIST prints them ("[Assignment: …]",
 * "[Selection (one or more): …]").
 */
final class OscalCatalog {

    /** OSCAL versions whose catalog model this reader knows (1.0.x to 1.2.x share it). */
    static final Pattern SUPPORTED_VERSION = Pattern.compile("^1\\.[0-2]\\.\\d+.*");

    record Param(String id, String label, String howMany, List<String> choices) {}

    /** A statement part: its label ("a.", "1.") and prose (inserts in the JSON form), and its sub-parts. */
    record Part(String label, String prose, List<Part> parts) {}

    /** A group or a control, with the controls (or groups) nested in it. */
    record Element(boolean group, String id, String title, String label, Part statement, List<Element> children, String where) {}

    final String uuid;
    final String title;
    final String oscalVersion;
    final List<Element> top;
    final Map<String, Param> params;

    OscalCatalog(String uuid, String title, String oscalVersion, List<Element> top, Map<String, Param> params) {
        this.uuid = uuid;
        this.title = title;
        this.oscalVersion = oscalVersion;
        this.top = top;
        this.params = params;
    }

    private static final Pattern INSERT = Pattern.compile("\\{\\{\\s*insert:\\s*param,\\s*([^\\s}]+)\\s*}}");

    /** The catalog as a flat list of nodes, parents first: groups are control themes, controls controls. */
    List<ImportedFramework.Node> nodes() {
        List<ImportedFramework.Node> out = new ArrayList<>();
        for (Element e : top) add(e, null, out);
        return out;
    }

    private void add(Element e, String parent, List<ImportedFramework.Node> out) {
        String text = e.statement() == null ? null : render(e.statement(), 0).strip();
        out.add(new ImportedFramework.Node(e.id(), e.label() != null ? e.label() : e.id(), e.title(),
                text == null || text.isEmpty() ? null : text, parent, e.group() ? "ControlTheme" : "Control", e.where()));
        for (Element c : e.children()) add(c, e.id(), out);
    }

    private String render(Part p, int depth) {
        StringBuilder sb = new StringBuilder();
        String line = ((p.label() != null ? p.label() + " " : "") + (p.prose() != null ? substitute(p.prose(), 0) : "")).strip();
        if (!line.isEmpty()) sb.append("  ".repeat(Math.max(0, depth - 1))).append(line).append('\n');
        for (Part c : p.parts()) sb.append(render(c, depth + 1));
        return sb.toString();
    }

    /** Replaces parameter inserts by their NIST rendering; a selection's choices may insert parameters too. */
    String substitute(String prose, int depth) {
        Matcher m = INSERT.matcher(prose);
        StringBuilder sb = new StringBuilder();
        while (m.find()) m.appendReplacement(sb, Matcher.quoteReplacement(param(m.group(1), depth)));
        m.appendTail(sb);
        return sb.toString().replaceAll("[ \\t]+", " ");
    }

    private String param(String id, int depth) {
        Param p = params.get(id);
        if (p == null || depth > 5) return "[Assignment: " + id + "]";
        if (p.choices() != null && !p.choices().isEmpty()) {
            List<String> choices = p.choices().stream().map(c -> substitute(c, depth + 1)).toList();
            String how = p.howMany() == null ? "" : " (" + p.howMany().replace('-', ' ') + ")";
            return "[Selection" + how + ": " + String.join("; ", choices) + "]";
        }
        return "[Assignment: " + (p.label() != null ? p.label() : id) + "]";
    }
}
