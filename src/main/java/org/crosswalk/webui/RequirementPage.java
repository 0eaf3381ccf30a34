package org.crosswalk.webui;

import java.util.ArrayList;
import java.util.List;

import org.crosswalk.answers.Catalogue;
import org.crosswalk.answers.Catalogue.RequirementDetail;
import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.answers.Views.MappingView;
import org.crosswalk.answers.Views.SupportedRequirement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * One requirement of any framework, by the id people write ("Article 9(2)(a)", "A.6.2.4", "GOVERN 1.1"):
 * its text and place (queries/requirement.rq), its mappings to every other framework with their reasons
 * (queries/crosswalk.rq, curated and derived) and the evidence types that support it
 * (queries/evidence-support.rq).
 */
@Controller
public class RequirementPage {
    private final Catalogue catalogue;
    private final CrosswalkAnswers answers;
    private final FrameworkOutlines outlines;
    private final EvidenceSupportCache support;

    public RequirementPage(Catalogue catalogue, CrosswalkAnswers answers, FrameworkOutlines outlines, EvidenceSupportCache support) {
        this.catalogue = catalogue;
        this.answers = answers;
        this.outlines = outlines;
        this.support = support;
    }

    /** The mappings to one other framework; {@code own} those of the requirement itself, {@code parts} of its descendants. */
    public record MappingsTo(String framework, String name, List<Row> own, List<Row> parts) {
        public int count() {
            return own.size() + parts.size();
        }

        public List<Row> all() {
            List<Row> rows = new ArrayList<>(own);
            rows.addAll(parts);
            return rows;
        }
    }

    /** A mapping as the page shows it: how it was derived spelled out (inverse of, or chained via). */
    public record Row(MappingView m, boolean derived, String derivation, RequirementIndex.Requirement via) {}

    @GetMapping("/requirement")
    public String requirement(@RequestParam(required = false) String framework, @RequestParam(required = false) String id,
            Model model, HttpServletResponse response) {
        model.addAttribute("frameworks", outlines.frameworks());
        model.addAttribute("framework", framework == null ? "" : framework);
        model.addAttribute("id", id == null ? "" : id);
        if (id == null || id.isBlank()) {
            return "requirement";
        }
        RequirementDetail d;
        try {
            d = catalogue.requirement(framework == null || framework.isBlank() ? null : framework, id);
        } catch (UnknownIdException e) {
            response.setStatus(404);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("closest", e.closest());
            model.addAttribute("closestFramework", e.framework() == null ? "" : e.framework());
            return "requirement";
        }
        model.addAttribute("r", d);
        model.addAttribute("frameworkName", outlines.name(d.framework()));
        // One crosswalk query per other framework, run side by side: the page waits for the slowest, not the sum.
        List<MappingsTo> mappings = outlines.frameworks().parallelStream().filter(other -> !other.id().equals(d.framework()))
                .map(other -> {
                    List<Row> own = new ArrayList<>(), parts = new ArrayList<>();
                    for (MappingView m : answers.crosswalk(d.framework(), other.id(), d.iri(), true, 0).mappings()) {
                        (m.subject().iri().equals(d.iri()) ? own : parts).add(row(m));
                    }
                    return new MappingsTo(other.id(), outlines.name(other.id()), own, parts);
                }).toList();
        model.addAttribute("mappings", mappings);
        model.addAttribute("mappingCount", mappings.stream().mapToInt(MappingsTo::count).sum());
        List<SupportedRequirement> evidence = support.all().stream().filter(s -> s.requirement().iri().equals(d.iri())).toList();
        model.addAttribute("evidence", evidence);
        java.util.Map<String, String> labels = new java.util.HashMap<>();
        answers.index().evidenceTypes().forEach(c -> labels.put(c.code(), c.label()));
        model.addAttribute("evidenceLabels", labels);
        return "requirement";
    }

    private Row row(MappingView m) {
        String j = m.justification() == null ? "" : m.justification();
        boolean derived = !j.endsWith("ManualMappingCuration");
        String how = j.endsWith("MappingInversion") ? "inverse of a curated mapping"
                : j.endsWith("MappingChaining") ? "chained" : derived ? j : "curated";
        RequirementIndex.Requirement via = m.via() == null ? null : answers.index().byIri(m.via()).orElse(null);
        return new Row(m, derived, how, via);
    }
}
