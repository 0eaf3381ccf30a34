package org.crosswalk.webui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crosswalk.answers.Catalogue.RequirementRow;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.answers.Views.CoverageAnswer;
import org.crosswalk.answers.Views.Filters;
import org.crosswalk.answers.Views.Justification;
import org.crosswalk.answers.Views.Law;
import org.crosswalk.answers.Views.NotYetApplicable;
import org.crosswalk.answers.Views.RequirementStatus;
import org.crosswalk.answers.Views.Summary;

/**
 * The coverage answer (queries/coverage.rq, unchanged) laid out for reading: obligations grouped by
 * chapter or annex and by article, each leaf with its verdict and the reasons the query gave, and the
 * obligations the query left out for this role, system class and date, each with the filter that left it
 * out. Nothing here decides a status: every verdict and count is the query's.
 */
public record OverlapReport(Summary summary, Law law, List<Part> parts, List<NotApplicable> notApplicable) {

    /** A chapter or annex: its own status row and its articles. */
    public record Part(RequirementStatus status, List<Article> articles) {}

    /** An article (or the annex itself, for annex points) and the applicable leaves under it. */
    public record Article(RequirementStatus status, List<Leaf> leaves) {}

    /** A leaf obligation with its reasons, the strongest first. */
    public record Leaf(RequirementStatus status, List<Justification> reasons) {
        public boolean isArticle(Article a) {
            return a.status() == status;
        }
    }

    /** An obligation outside the answer and the filter that excluded it. */
    public record NotApplicable(RequirementRow requirement, String why) {}

    /** Bar segment widths (percent of applicable leaves), for the summary bar. */
    public double width(int n) {
        return summary.total() == 0 ? 0 : Math.round(1000.0 * n / summary.total()) / 10.0;
    }

    static OverlapReport of(CoverageAnswer answer, List<RequirementRow> allRequirements, RequirementIndex index) {
        List<RequirementStatus> statuses = answer.requirements();
        Map<String, RequirementStatus> byIri = new LinkedHashMap<>();
        Set<String> parents = new HashSet<>();
        for (RequirementStatus s : statuses) {
            byIri.put(s.iri(), s);
            if (s.parent() != null) parents.add(s.parent());
        }
        Map<String, Part> parts = new LinkedHashMap<>();
        Map<String, Article> articles = new HashMap<>();
        for (RequirementStatus s : statuses) {
            if (s.parent() == null) parts.put(s.iri(), new Part(s, new ArrayList<>()));
        }
        for (RequirementStatus s : statuses) {
            if (parents.contains(s.iri())) continue; // not a leaf
            RequirementStatus top = s, article = null;
            for (RequirementStatus a = s; a != null; a = a.parent() == null ? null : byIri.get(a.parent())) {
                if (article == null && "article".equals(a.kind())) article = a;
                top = a;
            }
            Part part = parts.get(top.iri());
            if (part == null) continue;
            RequirementStatus group = article == null ? top : article;
            Article art = articles.computeIfAbsent(group.iri(), k -> {
                Article created = new Article(group, new ArrayList<>());
                part.articles().add(created);
                return created;
            });
            art.leaves().add(new Leaf(s, strongestFirst(s.justifications())));
        }
        List<NotApplicable> out = new ArrayList<>();
        Set<String> applicableLeaves = new HashSet<>();
        for (RequirementStatus s : statuses) if (!parents.contains(s.iri())) applicableLeaves.add(s.iri());
        // Not yet applicable on the date asked: the answer says so itself (queries/upcoming.rq), with the
        // date and the provision that sets it in the law in force on that date.
        Map<String, NotYetApplicable> notYet = new HashMap<>();
        for (NotYetApplicable n : answer.notYetApplicable()) notYet.putIfAbsent(n.requirement(), n);
        for (RequirementRow r : allRequirements) {
            if (!r.leaf() || applicableLeaves.contains(r.iri())) continue;
            NotYetApplicable n = notYet.get(r.iri());
            out.add(new NotApplicable(r, n != null ? "Not yet on " + answer.law().asOf() + ": applies from " + n.appliesFrom()
                    + (n.systemClass() == null ? "" : " (" + n.systemClass() + ")") + " — " + n.dateSetBy() + "."
                    : why(r, answer.filters(), index)));
        }
        return new OverlapReport(answer.summary(), answer.law(), List.copyOf(parts.values()), out);
    }

    private static final Map<String, Integer> RANK = Map.of("equal", 0, "superset-of", 1, "subset-of", 2, "intersects-with", 3);

    private static List<Justification> strongestFirst(List<Justification> reasons) {
        List<Justification> sorted = new ArrayList<>(reasons);
        sorted.sort(Comparator.comparingInt((Justification j) -> j.relation() == null ? 2 : RANK.getOrDefault(j.relation(), 9))
                .thenComparing(j -> j.strength() == null ? 0 : -j.strength()));
        return sorted;
    }

    /**
     * Which of the answer's filters left out an obligation that is not merely not yet applicable, read off
     * the obligation's own roles, system classes and date (queries/requirements.rq). Only explains: the
     * query has already decided. The checks follow coverage.rq's filters: system class ("all" = every AI
     * system, as in the query), role, date; an obligation that passes them all lies in an annex the query
     * does not assess (or is not in the version of the law in force on the date).
     */
    static String why(RequirementRow r, Filters f, RequirementIndex index) {
        if (f.system() != null && !r.systems().contains(f.system()) && !r.systems().contains("all")) {
            return r.systems().isEmpty() ? "Concerns no class of AI system (a definition, procedure or list)."
                    : "Concerns " + labels(r.systems(), index, false) + ", not " + label(f.system(), index, false) + ".";
        }
        if (f.role() != null && !r.roles().contains(f.role())) {
            return r.roles().isEmpty() ? "Binds no operator (a definition, a procedure or a duty of authorities)."
                    : "Binds " + labels(r.roles(), index, true) + ", not " + label(f.role(), index, true) + ".";
        }
        if (f.asOf() != null && r.appliesFrom() != null && LocalDate.parse(r.appliesFrom()).isAfter(LocalDate.parse(f.asOf()))) {
            return "Applies from " + r.appliesFrom() + ", after " + f.asOf() + ".";
        }
        return "Lists or defines rather than obliges (a listing annex), or is not in force on this date: not assessed as a duty.";
    }

    private static String labels(List<String> codes, RequirementIndex index, boolean role) {
        return String.join(", ", codes.stream().map(c -> label(c, index, role)).toList());
    }

    private static String label(String code, RequirementIndex index, boolean role) {
        try {
            return (role ? index.role(code) : index.system(code)).label().toLowerCase(java.util.Locale.ROOT)
                    .replace("ai ", "AI ").replace("eu ", "EU ");
        } catch (RuntimeException e) {
            return code;
        }
    }
}
