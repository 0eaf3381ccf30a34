package org.crosswalk.webui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.crosswalk.answers.Catalogue.RequirementRow;
import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.answers.Views.MappingView;
import org.crosswalk.export.Exports;
import org.crosswalk.export.Exports.PairInfo;
import org.crosswalk.webui.FrameworkOutlines.Outline;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The crosswalk between two frameworks as a heatmap: rows are the source's groups, columns the target's,
 * each cell the mappings between them (queries/crosswalk.rq) shown by their strongest relation, with its
 * symbol and count, so colour is never the only cue. A cell is a link whose query string names it; the
 * page then lists the mappings behind it with their reasons.
 */
@Controller
public class HeatmapPage {
    private final CrosswalkAnswers answers;
    private final FrameworkOutlines outlines;
    private final Exports exports;

    public HeatmapPage(CrosswalkAnswers answers, FrameworkOutlines outlines, Exports exports) {
        this.answers = answers;
        this.outlines = outlines;
        this.exports = exports;
    }

    /** NIST IR 8477 relations from strongest to weakest coverage, with the symbol the page prints. */
    enum Strength {
        EQUAL("equal", "=", "Equal"), SUPERSET("superset-of", "⊇", "Superset of"), SUBSET("subset-of", "⊆", "Subset of"),
        INTERSECTS("intersects-with", "∩", "Intersects with"), NONE("no-relationship", "∅", "No relationship");

        final String code, glyph, label;

        Strength(String code, String glyph, String label) {
            this.code = code;
            this.glyph = glyph;
            this.label = label;
        }

        static Strength of(String code) {
            for (Strength s : values()) if (s.code.equals(code)) return s;
            return NONE;
        }

        public String code() { return code; }
        public String glyph() { return glyph; }
        public String label() { return label; }
        public String css() { return "rel-" + name().toLowerCase(); }
    }

    public record Cell(RequirementRow row, RequirementRow col, int count, Strength strongest, int maxStrength, boolean selected) {
        public String css() {
            return count == 0 ? "rel-empty" : strongest.css();
        }
    }

    public record HeatRow(RequirementRow group, List<Cell> cells, int count) {}

    public record Download(String label, String format, String href) {}

    @GetMapping("/crosswalk")
    public String heatmap(@RequestParam(defaultValue = "iso42001") String source,
            @RequestParam(defaultValue = "eu-ai-act") String target, @RequestParam(defaultValue = "true") boolean derived,
            @RequestParam(required = false) String row, @RequestParam(required = false) String col, Model model,
            HttpServletResponse response) {
        model.addAttribute("frameworks", outlines.frameworks());
        model.addAttribute("source", source);
        model.addAttribute("target", target);
        model.addAttribute("derived", derived);
        model.addAttribute("legend", Strength.values());
        Outline from, to;
        try {
            from = outlines.of(source);
            to = outlines.of(target);
            if (from.id().equals(to.id())) throw new IllegalArgumentException("Choose two different frameworks.");
        } catch (UnknownIdException | IllegalArgumentException e) {
            response.setStatus(400);
            model.addAttribute("error", e.getMessage());
            return "heatmap";
        }
        model.addAttribute("sourceName", from.name());
        model.addAttribute("targetName", to.name());
        List<MappingView> mappings = answers.crosswalk(from.id(), to.id(), null, derived, 0).mappings();

        Map<String, List<MappingView>> byCell = new HashMap<>();
        for (MappingView m : mappings) {
            String key = from.groupOf().get(m.subject().iri()) + " " + to.groupOf().get(m.object().iri());
            byCell.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
        }
        RequirementRow selectedRow = group(from, row), selectedCol = group(to, col);
        if ((row != null && selectedRow == null) || (col != null && selectedCol == null)) {
            response.setStatus(404);
            model.addAttribute("error", "No such cell: " + (selectedRow == null ? "'" + row + "' is not a group of " + from.name()
                    : "'" + col + "' is not a group of " + to.name()) + ".");
        }
        List<HeatRow> rows = new ArrayList<>();
        Cell selected = null;
        for (RequirementRow r : from.groups()) {
            List<Cell> cells = new ArrayList<>();
            int rowCount = 0;
            for (RequirementRow c : to.groups()) {
                List<MappingView> in = byCell.getOrDefault(r.iri() + " " + c.iri(), List.of());
                Strength best = Strength.NONE;
                int max = 0;
                for (MappingView m : in) {
                    Strength s = Strength.of(m.relation());
                    if (s.ordinal() < best.ordinal()) {
                        best = s;
                        max = m.strength();
                    } else if (s == best) {
                        max = Math.max(max, m.strength());
                    }
                }
                boolean isSelected = r == selectedRow && c == selectedCol;
                Cell cell = new Cell(r, c, in.size(), best, max, isSelected);
                if (isSelected) selected = cell;
                cells.add(cell);
                rowCount += in.size();
            }
            rows.add(new HeatRow(r, cells, rowCount));
        }
        model.addAttribute("columns", to.groups());
        model.addAttribute("rows", rows);
        model.addAttribute("total", mappings.size());
        if (selected != null) {
            model.addAttribute("cell", selected);
            List<MappingView> behind = new ArrayList<>(byCell.getOrDefault(selected.row().iri() + " " + selected.col().iri(), List.of()));
            behind.sort((a, b) -> Strength.of(a.relation()) != Strength.of(b.relation())
                    ? Strength.of(a.relation()).compareTo(Strength.of(b.relation())) : Integer.compare(b.strength(), a.strength()));
            model.addAttribute("behind", behind.stream().map(m -> new Behind(m, Strength.of(m.relation()),
                    m.via() == null ? null : answers.index().byIri(m.via()).map(v -> v.framework() + " " + v.notation()).orElse(m.via()))).toList());
        }
        model.addAttribute("downloads", downloads(from.id(), to.id()));
        return "heatmap";
    }

    public record Behind(MappingView m, Strength relation, String via) {
        public boolean derived() {
            return m.justification() != null && !m.justification().endsWith("ManualMappingCuration");
        }
    }

    private static RequirementRow group(Outline o, String notation) {
        if (notation == null) return null;
        return o.groups().stream().filter(g -> g.notation().equals(notation)).findFirst().orElse(null);
    }

    private volatile List<PairInfo> pairs;

    /** The framework pairs with mappings: read once, as the graph does not change while the service runs. */
    private List<PairInfo> pairs() {
        if (pairs == null) pairs = exports.pairs();
        return pairs;
    }

    /** The downloads /api/exports offers for this pair (none when the pair has no mappings). */
    private List<Download> downloads(String source, String target) {
        List<Download> out = new ArrayList<>();
        for (PairInfo p : pairs()) {
            if (!p.subject().equals(source) || !p.object().equals(target)) continue;
            String pair = p.id();
            out.add(new Download("Crosswalk table", "XLSX", "/api/exports/crosswalk/" + pair + ".xlsx"));
            out.add(new Download("Crosswalk table", "CSV", "/api/exports/crosswalk/" + pair + ".csv"));
            out.add(new Download("Mapping set", "SSSOM TSV", "/api/exports/mapping-sets/" + pair + ".sssom.tsv"));
            out.add(new Download("Mapping set", "OSCAL JSON", "/api/exports/mapping-sets/" + pair + ".oscal.json"));
        }
        return out;
    }
}
