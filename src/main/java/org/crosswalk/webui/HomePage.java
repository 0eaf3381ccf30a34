package org.crosswalk.webui;

import java.util.ArrayList;
import java.util.List;

import org.crosswalk.answers.Catalogue;
import org.crosswalk.answers.Catalogue.FrameworkView;
import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.answers.Views.SearchAnswer;
import org.crosswalk.answers.Views.SearchHit;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The front page: what Crosswalk is, the frameworks with their counts (queries/frameworks.rq), the
 * search box (queries/search.rq, the same Lucene search as /api/search, with its highlighted passages)
 * and the three questions as ways in.
 */
@Controller
public class HomePage {
    private final Catalogue catalogue;
    private final CrosswalkAnswers answers;
    private final FrameworkOutlines outlines;

    public HomePage(Catalogue catalogue, CrosswalkAnswers answers, FrameworkOutlines outlines) {
        this.catalogue = catalogue;
        this.answers = answers;
        this.outlines = outlines;
    }

    /** A framework card: counts from frameworks.rq and the short name the pages use. */
    public record FrameworkCard(String id, String name, String title, String edition, String source, int requirements,
            int mappings, String lastMapped) {}

    /** One search hit with its passage cut into plain and highlighted runs (rendered as text, never as markup). */
    public record Hit(SearchHit hit, String frameworkName, List<Snippets.Run> passage) {}

    @GetMapping("/")
    public String home(@RequestParam(required = false) String q, @RequestParam(required = false) String framework,
            Model model, HttpServletResponse response) {
        List<FrameworkCard> cards = new ArrayList<>();
        for (FrameworkView f : catalogue.frameworks().frameworks()) {
            cards.add(new FrameworkCard(f.id(), outlines.name(f.id()), f.title(), f.edition(), f.source(), f.requirements(),
                    f.curatedMappings() + f.derivedMappings(), f.lastMapped()));
        }
        model.addAttribute("frameworks", cards);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("framework", framework == null ? "" : framework);
        if (q != null && !q.isBlank()) {
            try {
                SearchAnswer a = answers.search(q, framework);
                List<Hit> hits = a.hits().stream()
                        .map(h -> new Hit(h, outlines.name(h.requirement().framework()), Snippets.runs(h.snippet()))).toList();
                model.addAttribute("hits", hits);
            } catch (UnknownIdException e) {
                response.setStatus(400);
                model.addAttribute("error", e.getMessage());
            } catch (RuntimeException e) {
                String problem = Problems.searchTextProblem(e);
                if (problem == null) throw e;
                response.setStatus(400);
                model.addAttribute("error", problem);
            }
        }
        return "home";
    }
}
