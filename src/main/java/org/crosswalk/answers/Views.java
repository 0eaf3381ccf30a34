package org.crosswalk.answers;

import java.util.ArrayList;
import java.util.List;

/**
 * The typed JSON shapes of the answers. Field names are serialised in snake_case (percent_full,
 * mapping_set) to match the SSSOM and DESIGN.md vocabulary GRC tools already use.
 */
public final class Views {
    private Views() {}

    /** A requirement as it appears inside other answers. */
    public record Ref(String iri, String framework, String notation, String label) {}

    public record MappingView(String mapping, Ref subject, String relation, Ref object, int strength,
            String rationale, String reason, String justification, String mappingSet, String via) {}

    public record CrosswalkAnswer(String source, String target, int count, List<MappingView> mappings) implements Tabular {
        public List<String> csvHeader() {
            return List.of("subject_id", "subject_label", "relation", "object_id", "object_label", "strength",
                    "rationale", "reason", "justification", "mapping_set", "via", "mapping");
        }

        public List<List<String>> csvRows() {
            List<List<String>> rows = new ArrayList<>();
            for (MappingView m : mappings) {
                rows.add(List.of(m.subject().notation(), m.subject().label(), m.relation(), m.object().notation(),
                        m.object().label(), Integer.toString(m.strength()), m.rationale(), m.reason(),
                        m.justification(), m.mappingSet(), nz(m.via()), m.mapping()));
            }
            return rows;
        }
    }

    public record Filters(String role, String system, String asOf) {}

    /**
     * The law an answer reads: the date asked (today when none was given) and, for a catalogued legal act,
     * its consolidated version on that date (queries/consolidated.rq).
     */
    public record Law(String asOf, String consolidatedVersion, String since) {}

    /** An obligation in scope that does not apply yet on the date asked, with its date and why (queries/upcoming.rq). */
    public record NotYetApplicable(String requirement, String notation, String label, String appliesFrom,
            String systemClass, String dateSetBy) {}

    /** One change between two dates (queries/changes.rq). */
    public record Change(String requirement, String notation, String label, String systemClass, String change,
            String appliesBefore, String appliesAfter, String madeBy, String changeKind, String dateSetBy,
            String textStatus, String effect) {}

    public record ChangesAnswer(String target, String role, String system, Law from, Law to, int count, List<Change> changes)
            implements Tabular {
        public List<String> csvHeader() {
            return List.of("requirement", "title", "system_class", "change", "applies_before", "applies_after",
                    "made_by", "change_kind", "date_set_by", "text_status", "effect");
        }

        public List<List<String>> csvRows() {
            List<List<String>> rows = new ArrayList<>();
            for (Change c : changes) {
                rows.add(List.of(c.notation(), c.label(), nz(c.systemClass()), c.change(), nz(c.appliesBefore()),
                        nz(c.appliesAfter()), nz(c.madeBy()), nz(c.changeKind()), nz(c.dateSetBy()), nz(c.textStatus()),
                        nz(c.effect())));
            }
            return rows;
        }
    }

    /** Counts over the applicable leaf requirements; percent_full = full / total. */
    public record Summary(int full, int partial, int none, int total, double percentFull) {
        public static Summary of(int full, int partial, int none) {
            int total = full + partial + none;
            double pct = total == 0 ? 0 : Math.round(1000.0 * full / total) / 10.0;
            return new Summary(full, partial, none, total, pct);
        }
    }

    /** Why a requirement has its status: a mapping from a held requirement, or held evidence. */
    public record Justification(String leaf, String mapping, String relation, Integer strength, String reason,
            Ref from, String evidence) {}

    public record LeafCounts(int full, int partial, int none, int total) {}

    /** {@code applies}: for an EU AI Act provision, from when it applies on the date asked and which act set that date. */
    public record RequirementStatus(String iri, String notation, String label, String kind, String parent,
            String status, LeafCounts leaves, String applies, List<Justification> justifications) {}

    public record Holding(String source, List<String> satisfied, List<String> partiallySatisfied, List<String> evidence) {}

    public record CoverageAnswer(Holding holding, String target, Filters filters, Law law, Summary summary,
            List<RequirementStatus> requirements, List<NotYetApplicable> notYetApplicable) implements Tabular {
        public List<String> csvHeader() {
            return STATUS_HEADER;
        }

        public List<List<String>> csvRows() {
            return statusRows(requirements, law);
        }
    }

    public record GapAnswer(Holding holding, String target, Filters filters, Law law, boolean includePartial, int count,
            List<RequirementStatus> gaps, List<NotYetApplicable> notYetApplicable) implements Tabular {
        public List<String> csvHeader() {
            return STATUS_HEADER;
        }

        public List<List<String>> csvRows() {
            return statusRows(gaps, law);
        }
    }

    /** Every status row says which law it read: the date and, for the EU AI Act, the consolidated version. */
    static final List<String> STATUS_HEADER = List.of("requirement", "title", "kind", "status", "leaves_full",
            "leaves_partial", "leaves_none", "leaves_total", "applies", "justified_by", "relation", "strength", "reason",
            "as_of", "law");

    static List<List<String>> statusRows(List<RequirementStatus> statuses, Law law) {
        List<List<String>> rows = new ArrayList<>();
        List<String> lawColumns = List.of(law == null ? "" : nz(law.asOf()), law == null ? "" : nz(law.consolidatedVersion()));
        for (RequirementStatus r : statuses) {
            List<String> base = List.of(r.notation(), r.label(), r.kind(), r.status(), Integer.toString(r.leaves().full()),
                    Integer.toString(r.leaves().partial()), Integer.toString(r.leaves().none()), Integer.toString(r.leaves().total()),
                    nz(r.applies()));
            if (r.justifications().isEmpty()) {
                List<String> row = new ArrayList<>(base);
                row.addAll(List.of("", "", "", ""));
                row.addAll(lawColumns);
                rows.add(row);
            }
            for (Justification j : r.justifications()) {
                List<String> row = new ArrayList<>(base);
                row.add(j.from() != null ? j.from().framework() + ":" + j.from().notation() : nz(j.evidence()));
                row.add(nz(j.relation()));
                row.add(j.strength() == null ? "" : j.strength().toString());
                row.add(nz(j.reason()));
                row.addAll(lawColumns);
                rows.add(row);
            }
        }
        return rows;
    }

    public record EvidenceRank(String id, String iri, String label, int frameworks, int requirements,
            int fullyDemonstrated, List<String> frameworkIds) {}

    public record EvidenceRanking(int count, List<EvidenceRank> evidence) implements Tabular {
        public List<String> csvHeader() {
            return List.of("rank", "evidence", "label", "frameworks", "requirements", "fully_demonstrated", "framework_ids");
        }

        public List<List<String>> csvRows() {
            List<List<String>> rows = new ArrayList<>();
            int rank = 1;
            for (EvidenceRank e : evidence) {
                rows.add(List.of(Integer.toString(rank++), e.id(), e.label(), Integer.toString(e.frameworks()),
                        Integer.toString(e.requirements()), Integer.toString(e.fullyDemonstrated()), String.join(" ", e.frameworkIds())));
            }
            return rows;
        }
    }

    public record SupportedRequirement(Ref requirement, String evidence, String strength) {}

    public record EvidenceSupport(List<String> held, int requirements, List<String> frameworks,
            List<SupportedRequirement> supports) implements Tabular {
        public List<String> csvHeader() {
            return List.of("evidence", "framework", "requirement", "title", "support");
        }

        public List<List<String>> csvRows() {
            return supports.stream().map(s -> List.of(s.evidence(), s.requirement().framework(),
                    s.requirement().notation(), s.requirement().label(), s.strength())).toList();
        }
    }

    public record SearchHit(Ref requirement, double score, String kind, String snippet) {}

    public record SearchAnswer(String query, String framework, int count, List<SearchHit> hits) implements Tabular {
        public List<String> csvHeader() {
            return List.of("framework", "requirement", "title", "kind", "score");
        }

        public List<List<String>> csvRows() {
            return hits.stream().map(h -> List.of(h.requirement().framework(), h.requirement().notation(),
                    h.requirement().label(), h.kind(), String.format(java.util.Locale.ROOT, "%.4f", h.score()))).toList();
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
