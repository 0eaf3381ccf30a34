package org.crosswalk.webui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.Views.EvidenceRank;
import org.crosswalk.answers.Views.SupportedRequirement;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Reuse of evidence, "collect once, satisfy many": artefacts ranked by how many frameworks and
 * requirements each serves (queries/evidence-reuse.rq), each with the requirements it supports per
 * framework (queries/evidence-support.rq).
 */
@Controller
public class EvidencePage {
    private final CrosswalkAnswers answers;
    private final FrameworkOutlines outlines;
    private final EvidenceSupportCache support;

    public EvidencePage(CrosswalkAnswers answers, FrameworkOutlines outlines, EvidenceSupportCache support) {
        this.answers = answers;
        this.outlines = outlines;
        this.support = support;
    }

    public record Artefact(int rank, EvidenceRank evidence, Map<String, List<SupportedRequirement>> byFramework, boolean open) {}

    @GetMapping("/evidence")
    public String evidence(@RequestParam(required = false) String type, Model model) {
        List<EvidenceRank> ranking = answers.evidenceRanking().evidence();
        Map<String, Map<String, List<SupportedRequirement>>> byEvidence = new LinkedHashMap<>();
        for (SupportedRequirement s : support.all()) {
            byEvidence.computeIfAbsent(s.evidence(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(s.requirement().framework(), k -> new ArrayList<>()).add(s);
        }
        List<Artefact> artefacts = new ArrayList<>();
        int rank = 1;
        for (EvidenceRank e : ranking) {
            artefacts.add(new Artefact(rank++, e, byEvidence.getOrDefault(e.id(), Map.of()), e.id().equals(type)));
        }
        Map<String, String> names = new LinkedHashMap<>();
        outlines.frameworks().forEach(f -> names.put(f.id(), outlines.name(f.id())));
        model.addAttribute("artefacts", artefacts);
        model.addAttribute("names", names);
        model.addAttribute("type", type);
        model.addAttribute("max", ranking.stream().mapToInt(EvidenceRank::requirements).max().orElse(1));
        return "evidence";
    }
}
