package org.crosswalk.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.answers.Holdings;
import org.crosswalk.answers.ProfileGraph;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.answers.UnknownIdException.Thing;
import org.crosswalk.answers.Tabular;
import org.crosswalk.answers.Views.CoverageAnswer;
import org.crosswalk.answers.Views.Filters;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every download, for both doors (REST and CLI): mapping sets as SSSOM or OSCAL, crosswalks and
 * coverage/gap reports as CSV, XLSX or JSON, the graph as Turtle or JSON-LD. It only chooses and
 * formats; the answers come from the named queries (via {@link CrosswalkAnswers}) and the graph.
 */
public final class Exports {
    /** A framework pair with mappings in the graph; {@code id} is "subject-object" (the SSSOM file stem). */
    public record PairInfo(String id, String subject, String object, int curated, int derived, boolean curatedSet) {}

    /** Formats a report (crosswalk, coverage, gaps) can be written in. */
    public enum ReportFormat { CSV, XLSX, JSON;
        public static ReportFormat of(String s) {
            try {
                return valueOf(s.toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown report format '" + s + "' (csv, xlsx, json)");
            }
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build();

    private final CrosswalkStore store;
    private final MappingSource mappings;
    private final CrosswalkAnswers answers;

    public Exports(CrosswalkStore store, CrosswalkAnswers answers) {
        this.store = store;
        this.mappings = new MappingSource(store);
        this.answers = answers;
    }

    private volatile java.util.Map.Entry<String, List<PairInfo>> pairsCache;

    /**
     * Every mapping set there is: each ordered pair of frameworks with at least one mapping, curated or
     * derived, in id order. Kept per data version as the graph records it (a live reload is a new one).
     */
    public List<PairInfo> pairs() {
        String version = mappings.graphVersion();
        var cached = pairsCache;
        if (cached != null && cached.getKey().equals(version)) return cached.getValue();
        List<PairInfo> computed = List.copyOf(computePairs());
        pairsCache = java.util.Map.entry(version, computed);
        return computed;
    }

    private List<PairInfo> computePairs() {
        List<PairInfo> out = new ArrayList<>();
        List<Framework> all = mappings.frameworks();
        for (Framework s : all) {
            for (Framework o : all) {
                if (s.equals(o)) continue;
                List<ExportedMapping> ms = mappings.mappings(s, o);
                if (ms.isEmpty()) continue;
                int curated = (int) ms.stream().filter(ExportedMapping::curated).count();
                out.add(new PairInfo(s.id() + "-" + o.id(), s.id(), o.id(), curated, ms.size() - curated,
                        mappings.curatedSet(s, o).isPresent()));
            }
        }
        return out;
    }

    /**
     * Resolves "iso42001-eu-ai-act" (framework ids themselves contain hyphens, so try every split). Only the
     * sets {@link #pairs()} lists resolve: a pair of frameworks without a single mapping is no mapping set,
     * so it is not served empty; REST, CLI and the list agree because they all go through here.
     */
    public Framework[] pair(String id) {
        List<Framework> all = mappings.frameworks();
        List<String> valid = pairs().stream().map(PairInfo::id).toList();
        for (Framework s : all) {
            for (Framework o : all) {
                if (!s.equals(o) && id.equals(s.id() + "-" + o.id()) && valid.contains(id)) return new Framework[] {s, o};
            }
        }
        throw new UnknownIdException(Thing.MAPPING_SET, id, valid);
    }

    public Framework framework(String id) {
        return mappings.framework(id).orElseThrow(() -> new UnknownIdException(Thing.FRAMEWORK, id,
                mappings.frameworks().stream().map(Framework::id).toList()));
    }

    public void sssom(String pairId, OutputStream out) throws IOException {
        Framework[] p = pair(pairId);
        var set = SssomExport.build(p[0], p[1], mappings);
        // A mapping names a provision, whatever its version; the set says which law it was read against: the
        // law on the set's latest mapping date (a date of the data, never the clock, so unchanged data gives
        // the same bytes on every download).
        String asOf = set.getMappings().stream().map(m -> m.getMappingDate()).filter(java.util.Objects::nonNull)
                .map(Object::toString).max(String::compareTo).orElse(mappings.dataDate());
        if (!asOf.isBlank()) {
            for (Framework f : p) {
                var law = answers.law(f.id(), asOf);
                if (law.consolidatedVersion() != null) {
                    set.setMappingSetDescription(set.getMappingSetDescription() + " " + f.id() + " as read on " + asOf + ": "
                            + law.consolidatedVersion() + " (provision IRIs do not change with versions).");
                }
            }
        }
        SssomExport.write(set, out);
    }

    public void oscal(String pairId, OutputStream out) throws IOException {
        Framework[] p = pair(pairId);
        out.write(OscalExport.toJson(OscalExport.build(p[0], p[1], mappings, store.version())).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    /** The frameworks that have a catalog export: every framework in the graph. */
    public List<String> catalogs() {
        return mappings.frameworks().stream().map(Framework::id).toList();
    }

    /** One framework as an OSCAL 1.2 catalog, the document the mapping exports' resources point at. */
    public void oscalCatalog(String frameworkId, OutputStream out) throws IOException {
        out.write(OscalExport.toJson(OscalCatalogExport.build(framework(frameworkId), mappings, store.version()))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.flush();
    }

    public void crosswalk(String pairId, ReportFormat format, OutputStream out) throws IOException {
        Framework[] p = pair(pairId);
        var answer = answers.crosswalk(p[0].id(), p[1].id(), null, true, 0);
        write(List.of(new TableExport.Sheet(p[1].id(), answer)), answer, format, out);
    }

    /** Coverage of each target by what the organisation holds; XLSX gets one sheet per target. */
    public void coverage(Holdings holdings, List<String> targets, Filters filters, ReportFormat format, OutputStream out) throws IOException {
        coverage(holdings, null, targets, filters, format, out);
    }

    /** The same report for a stored profile, read from its graph (see {@link CrosswalkAnswers#coverage(Holdings, ProfileGraph, String, Filters)}). */
    public void coverage(Holdings holdings, ProfileGraph profile, List<String> targets, Filters filters, ReportFormat format,
            OutputStream out) throws IOException {
        List<TableExport.Sheet> sheets = new ArrayList<>();
        List<CoverageAnswer> coverage = new ArrayList<>();
        for (String t : targets) {
            var a = answers.coverage(holdings, profile, t, filtersFor(t, targets, filters));
            sheets.add(new TableExport.Sheet(t, a));
            coverage.add(a);
        }
        // A workbook also gets the headline figures the JSON answer carries in "summary".
        if (format == ReportFormat.XLSX) sheets.add(new TableExport.Sheet("summary", new CoverageSummaries(coverage)));
        write(sheets, coverage.size() == 1 ? coverage.get(0) : coverage, format, out);
    }

    public void gaps(Holdings holdings, List<String> targets, Filters filters, boolean includePartial, ReportFormat format,
            OutputStream out) throws IOException {
        gaps(holdings, null, targets, filters, includePartial, format, out);
    }

    /** The same report for a stored profile, read from its graph. */
    public void gaps(Holdings holdings, ProfileGraph profile, List<String> targets, Filters filters, boolean includePartial,
            ReportFormat format, OutputStream out) throws IOException {
        List<TableExport.Sheet> sheets = new ArrayList<>();
        List<Object> answersJson = new ArrayList<>();
        List<GapSummaries.Target> summaries = new ArrayList<>();
        for (String t : targets) {
            Filters f = filtersFor(t, targets, filters);
            var a = answers.gaps(holdings, profile, t, f, includePartial);
            sheets.add(new TableExport.Sheet(t, a));
            answersJson.add(a);
            if (format == ReportFormat.XLSX) summaries.add(new GapSummaries.Target(a, answers.coverage(holdings, profile, t, f).summary()));
        }
        // A workbook also gets a summary sheet, as the coverage report does: per target how many requirements
        // the gap sheet lists and the leaf counts (full / partial / none, percent_full) of the same question.
        if (format == ReportFormat.XLSX) sheets.add(new TableExport.Sheet("summary", new GapSummaries(summaries)));
        write(sheets, answersJson.size() == 1 ? answersJson.get(0) : answersJson, format, out);
    }

    /**
     * A report over several targets applies role and system class to the EU AI Act sheet only (nothing
     * else carries them); a single-target report passes them on, so on another framework it is refused
     * like the answer it wraps.
     */
    private static Filters filtersFor(String target, List<String> targets, Filters f) {
        return targets.size() == 1 || target.equals(CrosswalkAnswers.EU_AI_ACT) ? f : new Filters(null, null, f.asOf());
    }

    public void graph(String frameworkId, GraphExport.Format format, boolean withMappings, OutputStream out) {
        Framework f = frameworkId == null || frameworkId.isBlank() ? null : framework(frameworkId);
        GraphExport.write(GraphExport.select(store, f, withMappings), format, out);
    }

    private static void write(List<TableExport.Sheet> sheets, Object json, ReportFormat format, OutputStream out) throws IOException {
        switch (format) {
            case XLSX -> TableExport.xlsx(sheets, out);
            case JSON -> {
                JSON.writerWithDefaultPrettyPrinter().writeValue(out, json);
                out.flush();
            }
            case CSV -> {
                if (sheets.size() != 1) {
                    throw new IllegalArgumentException("CSV holds one table: name one target, or ask for xlsx (one sheet per target)");
                }
                TableExport.csv(sheets.get(0).table(), out);
            }
        }
    }

    /** One row per target of a gap report: what was held, the filters, the gaps listed and the leaf counts. */
    private record GapSummaries(List<Target> targets) implements Tabular {
        record Target(org.crosswalk.answers.Views.GapAnswer gaps, org.crosswalk.answers.Views.Summary leaves) {}

        public List<String> csvHeader() {
            return List.of("target", "source", "satisfied", "partially_satisfied", "evidence", "role", "system", "as_of",
                    "include_partial", "gaps", "not_yet_applicable", "full", "partial", "none", "total", "percent_full", "law");
        }

        public List<List<String>> csvRows() {
            List<List<String>> rows = new ArrayList<>();
            for (Target t : targets) {
                var a = t.gaps();
                var h = a.holding();
                var f = a.filters();
                var s = t.leaves();
                rows.add(java.util.Arrays.asList(a.target(), h.source(), String.join(" ", h.satisfied()),
                        String.join(" ", h.partiallySatisfied()), String.join(" ", h.evidence()), f.role(), f.system(),
                        a.law().asOf(), Boolean.toString(a.includePartial()), Integer.toString(a.count()),
                        Integer.toString(a.notYetApplicable() == null ? 0 : a.notYetApplicable().size()),
                        Integer.toString(s.full()), Integer.toString(s.partial()), Integer.toString(s.none()),
                        Integer.toString(s.total()), Double.toString(s.percentFull()), a.law().consolidatedVersion()));
            }
            return rows;
        }
    }

    /** One row per target: what was held, the filters, and the summary counts with percent_full. */
    private record CoverageSummaries(List<CoverageAnswer> answers) implements Tabular {
        public List<String> csvHeader() {
            return List.of("target", "source", "satisfied", "partially_satisfied", "evidence", "role", "system", "as_of",
                    "full", "partial", "none", "total", "percent_full", "law");
        }

        public List<List<String>> csvRows() {
            List<List<String>> rows = new ArrayList<>();
            for (CoverageAnswer a : answers) {
                var h = a.holding();
                var f = a.filters();
                var s = a.summary();
                rows.add(java.util.Arrays.asList(a.target(), h.source(), String.join(" ", h.satisfied()),
                        String.join(" ", h.partiallySatisfied()), String.join(" ", h.evidence()), f.role(), f.system(),
                        a.law().asOf(), Integer.toString(s.full()), Integer.toString(s.partial()), Integer.toString(s.none()),
                        Integer.toString(s.total()), Double.toString(s.percentFull()), a.law().consolidatedVersion()));
            }
            return rows;
        }
    }
}
