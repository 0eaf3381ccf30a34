package org.crosswalk.answers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.rdf.model.RDFNode;
import org.crosswalk.queries.NamedQueryRunner;

/** Browsing the framework catalogues (queries/frameworks.rq, requirements.rq, requirement.rq). */
public final class Catalogue {

    public record FrameworkView(String id, String iri, String title, String edition, String source,
            int requirements, int leaves, int curatedMappings, int derivedMappings) implements Tabular {
        public List<String> csvHeader() {
            return List.of("id", "title", "edition", "requirements", "leaves", "curated_mappings", "derived_mappings");
        }

        public List<List<String>> csvRows() {
            return List.of(List.of(id, title, edition, "" + requirements, "" + leaves, "" + curatedMappings, "" + derivedMappings));
        }
    }

    public record FrameworkList(List<FrameworkView> frameworks) implements Tabular {
        public List<String> csvHeader() {
            return frameworks.isEmpty() ? List.of() : frameworks.getFirst().csvHeader();
        }

        public List<List<String>> csvRows() {
            return frameworks.stream().flatMap(f -> f.csvRows().stream()).toList();
        }
    }

    public record RequirementRow(String iri, String id, String notation, String label, String kind, String parent,
            boolean leaf, String appliesFrom, List<String> roles, List<String> systems) {}

    public record RequirementList(String framework, int count, List<RequirementRow> requirements) implements Tabular {
        public List<String> csvHeader() {
            return List.of("id", "notation", "title", "kind", "parent", "leaf", "applies_from", "roles", "systems");
        }

        public List<List<String>> csvRows() {
            return requirements.stream().map(r -> List.of(r.id(), r.notation(), r.label(), r.kind(),
                    r.parent() == null ? "" : r.parent(), Boolean.toString(r.leaf()),
                    r.appliesFrom() == null ? "" : r.appliesFrom(), String.join(" ", r.roles()), String.join(" ", r.systems()))).toList();
        }
    }

    public record Relative(String iri, String notation, String label, String kind) {}

    /**
     * {@code officialText}, {@code appliesFrom}, {@code roles} and {@code systems} are the text as enacted;
     * {@code versions} is the provision's history under later acts (queries/versions.rq), empty for a standard.
     */
    public record RequirementDetail(String iri, String framework, String notation, String label, String kind,
            String summary, String officialText, String source, String appliesFrom, List<String> roles,
            List<String> systems, List<Relative> ancestors, List<Relative> children, List<Version> versions) {}

    /** One version of a provision: in force from validFrom until validUntil (exclusive; null while current). */
    public record Version(String iri, String validFrom, String validUntil, String changeKind, String madeBy,
            String textStatus, String effect, List<String> roles, List<String> systems, String applies, List<String> sources) {}

    private final NamedQueryRunner runner;
    private final RequirementIndex index;

    public Catalogue(NamedQueryRunner runner, RequirementIndex index) {
        this.runner = runner;
        this.index = index;
    }

    public FrameworkList frameworks() {
        List<FrameworkView> out = new ArrayList<>();
        for (Map<String, RDFNode> r : runner.run("frameworks", Map.of()).rows()) {
            out.add(new FrameworkView(s(r, "id"), s(r, "framework"), s(r, "title"), s(r, "edition"), s(r, "source"),
                    i(r, "requirements"), i(r, "leaves"), i(r, "curatedMappings"), i(r, "derivedMappings")));
        }
        return new FrameworkList(out);
    }

    public RequirementList requirements(String framework) {
        index.framework(framework);
        List<RequirementRow> out = new ArrayList<>();
        for (Map<String, RDFNode> r : runner.run("requirements", Map.of("framework", List.of(CrosswalkAnswers.lit(framework)))).rows()) {
            out.add(new RequirementRow(s(r, "requirement"), s(r, "localId"), s(r, "notation"), s(r, "label"), s(r, "kind"),
                    s(r, "parentNotation"), Boolean.parseBoolean(s(r, "leaf")), s(r, "appliesFrom"),
                    words(s(r, "roles")), words(s(r, "systems"))));
        }
        return new RequirementList(framework, out.size(), out);
    }

    public RequirementDetail requirement(String framework, String id) {
        RequirementIndex.Requirement req = index.requirement(framework, id);
        Map<String, List<Node>> p = new HashMap<>();
        p.put("requirement", List.of(CrosswalkAnswers.iri(req.iri())));
        Map<String, RDFNode> self = null;
        List<Relative> ancestors = new ArrayList<>(), children = new ArrayList<>();
        for (Map<String, RDFNode> r : runner.run("requirement", p).rows()) {
            Relative rel = new Relative(s(r, "relative"), s(r, "notation"), s(r, "label"), s(r, "kind"));
            switch (s(r, "relation")) {
                case "self" -> self = r;
                case "ancestor" -> ancestors.add(rel);
                default -> children.add(rel);
            }
        }
        if (self == null) throw new IllegalStateException("requirement.rq returned no row for " + req.iri());
        List<Version> versions = new ArrayList<>();
        for (Map<String, RDFNode> r : runner.run("versions", p).rows()) {
            versions.add(new Version(s(r, "version"), s(r, "validFrom"), s(r, "validUntil"), s(r, "changeKind"), s(r, "madeBy"),
                    s(r, "textStatus"), s(r, "effect"), words(s(r, "roles")), words(s(r, "systems")), s(r, "applies"),
                    words(s(r, "sources"))));
        }
        return new RequirementDetail(req.iri(), req.framework(), s(self, "notation"), s(self, "label"), s(self, "kind"),
                s(self, "summary"), s(self, "officialText"), s(self, "source"), s(self, "appliesFrom"),
                words(s(self, "roles")), words(s(self, "systems")), ancestors, children, versions);
    }

    private static List<String> words(String s) {
        return s == null || s.isBlank() ? List.of() : List.of(s.split(" "));
    }

    private static String s(Map<String, RDFNode> r, String c) {
        return CrosswalkAnswers.s(r, c);
    }

    private static int i(Map<String, RDFNode> r, String c) {
        return CrosswalkAnswers.i(r, c);
    }
}
