package org.crosswalk.answers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.crosswalk.answers.Views.*;
import org.crosswalk.queries.NamedQueryRunner;
import org.crosswalk.queries.ResultTable;

/**
 * The three answers Crosswalk exists for — coverage, gaps, reuse of evidence — plus the crosswalk
 * itself and search. Each one runs its named query from {@code queries/} with typed parameters and
 * shapes the rows into the typed views; the logic of the answer lives in the query, not here.
 */
public final class CrosswalkAnswers {
    private final NamedQueryRunner runner;
    private final RequirementIndex index;

    public CrosswalkAnswers(NamedQueryRunner runner, RequirementIndex index) {
        this.runner = runner;
        this.index = index;
    }

    public RequirementIndex index() {
        return index;
    }

    /**
     * Runs {@code part} on a virtual thread while the caller goes on: the obligations not yet applicable
     * (queries/upcoming.rq) do not depend on the coverage rows, so a coverage or gap answer computes both
     * at once instead of one after the other (upcoming.rq is about a third of a computed coverage answer).
     * Errors reach the caller as they were thrown (a 503 for a store that is down stays a 503).
     */
    private static <T> java.util.function.Supplier<T> alongside(java.util.function.Supplier<T> part) {
        var future = java.util.concurrent.CompletableFuture.supplyAsync(part, PARTS);
        return () -> {
            try {
                return future.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) throw r;
                if (e.getCause() instanceof Error err) throw err;
                throw e;
            }
        };
    }

    private static final java.util.concurrent.Executor PARTS =
            java.util.concurrent.Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("answer-part-", 0).factory());

    // ------------------------------------------------------------------ crosswalk

    public CrosswalkAnswer crosswalk(String source, String target, String requirement, boolean derived, int minStrength) {
        index.framework(source);
        index.framework(target);
        Map<String, List<Node>> p = new HashMap<>();
        p.put("source", List.of(lit(source)));
        p.put("target", List.of(lit(target)));
        if (requirement != null && !requirement.isBlank()) {
            p.put("requirement", List.of(iri(index.requirement(source, requirement).iri())));
        }
        p.put("derived", List.of(NodeFactory.createLiteralDT(Boolean.toString(derived), XSDDatatype.XSDboolean)));
        p.put("minStrength", List.of(NodeFactory.createLiteralDT(Integer.toString(minStrength), XSDDatatype.XSDinteger)));
        return runner.run("crosswalk", p, "CrosswalkAnswer", t -> {
            List<MappingView> mappings = new ArrayList<>();
            for (Map<String, RDFNode> r : t.rows()) {
                mappings.add(new MappingView(s(r, "mapping"),
                        new Ref(s(r, "subject"), source, s(r, "subjectNotation"), s(r, "subjectLabel")),
                        s(r, "relation"),
                        new Ref(s(r, "object"), target, s(r, "objectNotation"), s(r, "objectLabel")),
                        r.get("strength").asLiteral().getInt(), s(r, "rationale"), s(r, "reason"),
                        curie(s(r, "justification")), s(r, "mappingSet"), s(r, "via")));
            }
            return new CrosswalkAnswer(source, target, mappings.size(), List.copyOf(mappings));
        });
    }

    // ------------------------------------------------------------------ coverage and gaps

    /** The one framework whose requirements carry roles, system classes and application dates. */
    public static final String EU_AI_ACT = "eu-ai-act";

    /**
     * Only EU AI Act obligations carry roles and system classes: on any other target those filters would
     * drop every requirement and report an empty, 0% answer, so they are refused (after the ids are checked).
     */
    static void requireFiltersApply(String target, boolean role, boolean system) {
        if ((role || system) && !EU_AI_ACT.equals(target)) {
            throw new InvalidInputException("role and system filter EU AI Act obligations; target '" + target
                    + "' has neither (drop them, or use target=eu-ai-act)", null, role ? "role" : "system");
        }
    }

    /** The statuses of a coverage answer and their summary: what is cached for a coverage call. */
    private record Statuses(Summary summary, List<RequirementStatus> statuses) {}

    public CoverageAnswer coverage(Holdings holdings, String target, Filters filters) {
        return coverage(holdings, null, target, filters);
    }

    /**
     * Coverage for what a stored profile holds: queries/coverage.rq reads the profile's graph (its
     * {@code profile} parameter) in the profile's dataset view; {@code described} only says, in the
     * answer, what the profile lists. {@code profile} null: what is held is {@code described}'s lists.
     */
    public CoverageAnswer coverage(Holdings described, ProfileGraph profile, String target, Filters filters) {
        Holdings holdings = described;
        String asOf = effectiveDate(filters.asOf());
        Map<String, List<Node>> parameters = holdingParameters(holdings, profile, target, filters, asOf); // validates first
        Law law = law(target, asOf);
        var upcoming = notYetApplicable(target, filters, law);
        Statuses c = runner.run("coverage", parameters, "Statuses", t -> {
            List<RequirementStatus> statuses = statuses(t, target);
            int full = 0, partial = 0, none = 0;
            for (RequirementStatus r : statuses) {
                if (r.parent() == null) { // top concepts partition the leaves
                    full += r.leaves().full();
                    partial += r.leaves().partial();
                    none += r.leaves().none();
                }
            }
            return new Statuses(Summary.of(full, partial, none), statuses);
        }, scope(profile));
        return new CoverageAnswer(describe(holdings), target, filters, law, c.summary(), c.statuses(), upcoming.get());
    }

    public GapAnswer gaps(Holdings holdings, String target, Filters filters, boolean includePartial) {
        return gaps(holdings, null, target, filters, includePartial);
    }

    /** Gaps for a stored profile (as {@link #coverage(Holdings, ProfileGraph, String, Filters)}), or for the lists when null. */
    public GapAnswer gaps(Holdings described, ProfileGraph profile, String target, Filters filters, boolean includePartial) {
        Holdings holdings = described;
        // The gaps are the coverage answer kept to status none (and partial): one query, one rule.
        String asOf = effectiveDate(filters.asOf());
        Map<String, List<Node>> p = holdingParameters(holdings, profile, target, filters, asOf);
        p.put("onlyGaps", List.of(bool(true)));
        p.put("includePartial", List.of(bool(includePartial)));
        Law law = law(target, asOf);
        var upcoming = notYetApplicable(target, filters, law);
        List<RequirementStatus> gaps = runner.run("coverage", p, "RequirementStatus", t -> statuses(t, target), scope(profile));
        return new GapAnswer(describe(holdings), target, filters, law, includePartial, gaps.size(), gaps, upcoming.get());
    }

    // ------------------------------------------------------------------ point-in-time law

    /** The date an answer reads the law on: the one asked, else today (the queries default to today too). */
    static String effectiveDate(String asOf) {
        if (asOf == null || asOf.isBlank()) return java.time.LocalDate.now().toString();
        date(asOf); // validates
        return asOf;
    }

    /** Which version of the law answers on that date (queries/consolidated.rq); none for a standard. */
    public Law law(String framework, String asOf) {
        Law law = laws(asOf).get(framework);
        return law != null ? law : new Law(asOf, null, null);
    }

    /** Every catalogued legal act with its consolidated version on that date, for /api/health (not to be changed). */
    public Map<String, Law> laws(String asOf) {
        return runner.run("consolidated", Map.of("asOf", List.of(date(asOf))), "Laws", t -> {
            Map<String, Law> out = new LinkedHashMap<>();
            for (Map<String, RDFNode> r : t.rows()) {
                out.put(s(r, "framework"), new Law(asOf, s(r, "consolidatedVersion"), s(r, "since")));
            }
            return java.util.Collections.unmodifiableMap(out);
        });
    }

    /**
     * The obligations not yet applicable on the answer's date (queries/upcoming.rq), to be read once the
     * coverage rows are in: computed beside them on a virtual thread when not cached yet, simply read
     * when cached (a hand-over to another thread would cost more than the cached answer).
     */
    private java.util.function.Supplier<List<NotYetApplicable>> notYetApplicable(String target, Filters f, Law law) {
        if (law.consolidatedVersion() == null) return List::of;
        Map<String, List<Node>> p = new HashMap<>();
        p.put("target", List.of(lit(target)));
        p.put("asOf", List.of(date(law.asOf())));
        if (f.role() != null) p.put("role", List.of(lit(index.role(f.role()).code())));
        if (f.system() != null) p.put("system", List.of(lit(index.system(f.system()).code())));
        java.util.function.Function<ResultTable, List<NotYetApplicable>> shape = t -> {
            List<NotYetApplicable> out = new ArrayList<>();
            for (Map<String, RDFNode> r : t.rows()) {
                out.add(new NotYetApplicable(s(r, "requirement"), s(r, "notation"), s(r, "label"), s(r, "appliesFrom"),
                        s(r, "systemClass"), s(r, "dateSetBy")));
            }
            return out;
        };
        // Cached shaped, not as rows: re-shaping the rows on every call was most of a cached coverage answer
        // (JMH stack profile of namedQueryAsServed).
        List<NotYetApplicable> cached = runner.cached("upcoming", p, "NotYetApplicable");
        if (cached != null) return () -> cached;
        return alongside(() -> runner.run("upcoming", p, "NotYetApplicable", shape));
    }

    /** What changed for a role and system class between two dates (queries/changes.rq). */
    public ChangesAnswer changes(String target, String role, String system, String from, String to) {
        index.framework(target);
        requireFiltersApply(target, role != null, system != null);
        String d1 = effectiveDate(from);
        String d2 = effectiveDate(to);
        if (d1.compareTo(d2) > 0) {
            throw new InvalidInputException("'from' (" + d1 + ") is after 'to' (" + d2 + ")", null, "from");
        }
        Map<String, List<Node>> p = new HashMap<>();
        p.put("target", List.of(lit(target)));
        p.put("from", List.of(date(d1)));
        p.put("to", List.of(date(d2)));
        if (role != null) p.put("role", List.of(lit(index.role(role).code())));
        if (system != null) p.put("system", List.of(lit(index.system(system).code())));
        List<Change> changes = new ArrayList<>();
        for (Map<String, RDFNode> r : runner.run("changes", p).rows()) {
            changes.add(new Change(s(r, "requirement"), s(r, "notation"), s(r, "label"), s(r, "systemClass"), s(r, "change"),
                    s(r, "appliesBefore"), s(r, "appliesAfter"), s(r, "madeBy"), s(r, "changeKind"), s(r, "dateSetBy"),
                    s(r, "textStatus"), s(r, "effect")));
        }
        return new ChangesAnswer(target, role, system, law(target, d1), law(target, d2), changes.size(), changes);
    }

    private static org.crosswalk.queries.QueryScope scope(ProfileGraph profile) {
        return profile == null ? null : profile.scope();
    }

    private Map<String, List<Node>> holdingParameters(Holdings h, ProfileGraph profile, String target, Filters f, String asOf) {
        index.framework(target);
        Map<String, List<Node>> p = new HashMap<>();
        if (profile != null) {
            // What is held is read by the query from the profile's graph: the lists stay empty.
            p.put("source", List.of());
            p.put("satisfied", List.of());
            p.put("partiallySatisfied", List.of());
            p.put("held", List.of());
            p.put("profile", List.of(iri(profile.graph())));
        } else if (h.source() == null || h.source().isBlank()) {
            p.put("source", List.of()); // none: only the lists describe what is held
        } else {
            index.framework(h.source());
            p.put("source", List.of(lit(h.source())));
        }
        if (profile == null) putLists(h, p);
        p.put("target", List.of(lit(target)));
        if (f.role() != null) p.put("role", List.of(lit(index.role(f.role()).code())));
        if (f.system() != null) p.put("system", List.of(lit(index.system(f.system()).code())));
        requireFiltersApply(target, f.role() != null, f.system() != null);
        p.put("asOf", List.of(date(asOf)));
        return p;
    }

    private void putLists(Holdings h, Map<String, List<Node>> p) {
        List<Node> satisfied = h.satisfied().stream().map(id -> iri(index.requirement(null, id).iri())).distinct().toList();
        List<Node> partial = h.partiallySatisfied().stream().map(id -> iri(index.requirement(null, id).iri())).distinct().toList();
        for (Node both : partial) {
            if (satisfied.contains(both)) {
                throw new InvalidInputException("'" + both.getURI() + "' is listed as both satisfied and partially satisfied: "
                        + "a profile states one status per requirement", null, "partially_satisfied");
            }
        }
        p.put("satisfied", satisfied);
        p.put("partiallySatisfied", partial);
        p.put("held", h.evidence().stream().map(id -> iri(index.evidence(id).iri())).toList());
    }

    private Holding describe(Holdings h) {
        return new Holding(h.source() == null || h.source().isBlank() ? null : h.source(),
                h.satisfied().stream().map(id -> iriToCurie(index.requirement(null, id))).toList(),
                h.partiallySatisfied().stream().map(id -> iriToCurie(index.requirement(null, id))).toList(),
                h.evidence().stream().map(id -> index.evidence(id).code()).toList());
    }

    private static String iriToCurie(RequirementIndex.Requirement r) {
        return r.framework() + ":" + r.localId();
    }

    /** One status per requirement, in the query's order, with its justifications gathered under it. */
    private List<RequirementStatus> statuses(ResultTable t, String target) {
        Map<String, List<Justification>> why = new LinkedHashMap<>();
        Map<String, Map<String, RDFNode>> first = new LinkedHashMap<>();
        Map<String, Set<String>> seen = new HashMap<>();
        for (Map<String, RDFNode> r : t.rows()) {
            String req = s(r, "requirement");
            first.putIfAbsent(req, r);
            List<Justification> list = why.computeIfAbsent(req, k -> new ArrayList<>());
            String mapping = s(r, "mapping");
            String evidence = s(r, "evidence");
            if (mapping == null && evidence == null && s(r, "reason") == null) continue;
            String key = s(r, "leaf") + "|" + mapping + "|" + evidence;
            if (!seen.computeIfAbsent(req, k -> new java.util.HashSet<>()).add(key)) continue;
            Ref from = s(r, "from") == null ? null
                    : new Ref(s(r, "from"), s(r, "fromFramework"), s(r, "fromNotation"),
                            index.byIri(s(r, "from")).map(RequirementIndex.Requirement::label).orElse(null));
            Integer strength = r.containsKey("strength") ? r.get("strength").asLiteral().getInt() : null;
            String leaf = index.byIri(s(r, "leaf")).map(RequirementIndex.Requirement::notation).orElse(s(r, "leaf"));
            list.add(new Justification(leaf, mapping, s(r, "relation"), strength, s(r, "reason"), from, evidence));
        }
        List<RequirementStatus> out = new ArrayList<>();
        for (var e : first.entrySet()) {
            Map<String, RDFNode> r = e.getValue();
            String parent = index.byIri(e.getKey()).isPresent() ? parentOf(e.getKey()) : null;
            out.add(new RequirementStatus(e.getKey(), s(r, "notation"), s(r, "label"), s(r, "kind"), parent,
                    s(r, "status"), new LeafCounts(i(r, "full"), i(r, "partial"), i(r, "none"), i(r, "total")),
                    emptyToNull(s(r, "applies")), List.copyOf(why.get(e.getKey()))));
        }
        return List.copyOf(out);
    }

    private String parentOf(String iri) {
        return index.parent(iri).orElse(null);
    }

    // ------------------------------------------------------------------ evidence

    public EvidenceRanking evidenceRanking() {
        List<EvidenceRank> ranks = new ArrayList<>();
        for (Map<String, RDFNode> r : runner.run("evidence-reuse", Map.of()).rows()) {
            ranks.add(new EvidenceRank(s(r, "id"), s(r, "evidence"), s(r, "label"), i(r, "frameworks"),
                    i(r, "requirements"), i(r, "fullyDemonstrated"), List.of(s(r, "frameworkIds").split(" "))));
        }
        return new EvidenceRanking(ranks.size(), ranks);
    }

    public EvidenceSupport evidenceSupport(List<String> held) {
        return evidenceSupport(held, null);
    }

    /**
     * What held evidence supports (queries/evidence-support.rq). With {@code profile}, the query reads the
     * evidence from the stored profile's graph and {@code held} only says, in the answer, what it lists.
     */
    public EvidenceSupport evidenceSupport(List<String> held, ProfileGraph profile) {
        Map<String, List<Node>> params = profile == null
                ? Map.of("held", held.stream().map(id -> iri(index.evidence(id).iri())).toList())
                : Map.of("held", List.of(), "profile", List.of(iri(profile.graph())));
        List<SupportedRequirement> supports = new ArrayList<>();
        Set<String> frameworks = new TreeSet<>();
        Set<String> requirements = new java.util.HashSet<>();
        for (Map<String, RDFNode> r : runner.run("evidence-support", params, "rows", t -> t, scope(profile)).rows()) {
            supports.add(new SupportedRequirement(new Ref(s(r, "requirement"), s(r, "framework"), s(r, "notation"), s(r, "label")),
                    s(r, "evidenceId"), s(r, "support")));
            frameworks.add(s(r, "framework"));
            requirements.add(s(r, "requirement"));
        }
        return new EvidenceSupport(held.stream().map(id -> index.evidence(id).code()).toList(), requirements.size(),
                List.copyOf(frameworks), supports);
    }

    // ------------------------------------------------------------------ search

    public SearchAnswer search(String q, String framework) {
        if (q == null || q.isBlank()) throw new IllegalArgumentException("Parameter 'q' (the text to search for) is required");
        Map<String, List<Node>> p = new HashMap<>();
        p.put("q", List.of(lit(q)));
        if (framework != null && !framework.isBlank()) p.put("framework", List.of(lit(index.framework(framework).id())));
        List<SearchHit> hits = new ArrayList<>();
        for (Map<String, RDFNode> r : runner.run("search", p).rows()) {
            hits.add(new SearchHit(new Ref(s(r, "requirement"), s(r, "fid"), s(r, "notation"), s(r, "label")),
                    r.get("score").asLiteral().getDouble(), s(r, "kind"), snippet(s(r, "snippets"), s(r, "label"), s(r, "notation"))));
        }
        return new SearchAnswer(q, framework, hits.size(), hits);
    }

    /**
     * The passage to show under a hit: of the highlighted passages search.rq returns (separated by " ␞ "),
     * one from the text or summary rather than the title or id already shown, else the first.
     */
    static String snippet(String passages, String label, String notation) {
        if (passages == null || passages.isBlank()) return null;
        List<String> all = List.of(passages.split(" ␞ "));
        return all.stream().filter(p -> {
            String plain = p.replace("<em>", "").replace("</em>", "");
            return !plain.equals(label) && !plain.equals(notation);
        }).findFirst().orElse(all.getFirst());
    }

    // ------------------------------------------------------------------ helpers

    static Node lit(String s) {
        return NodeFactory.createLiteralString(s);
    }

    static Node bool(boolean b) {
        return NodeFactory.createLiteralDT(Boolean.toString(b), XSDDatatype.XSDboolean);
    }

    static Node iri(String s) {
        return NodeFactory.createURI(s);
    }

    static Node date(String iso) {
        try {
            java.time.LocalDate.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'" + iso + "' is not a date (YYYY-MM-DD)");
        }
        return NodeFactory.createLiteralDT(iso, XSDDatatype.XSDdate);
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String s(Map<String, RDFNode> row, String col) {
        RDFNode n = row.get(col);
        if (n == null) return null;
        return n.isLiteral() ? n.asLiteral().getLexicalForm() : n.asResource().getURI();
    }

    static int i(Map<String, RDFNode> row, String col) {
        RDFNode n = row.get(col);
        return n == null ? 0 : n.asLiteral().getInt();
    }

    static String curie(String iri) {
        return iri == null ? null : iri.replace("https://w3id.org/semapv/vocab/", "semapv:");
    }
}
