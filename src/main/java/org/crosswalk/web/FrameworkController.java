package org.crosswalk.web;

import java.util.EnumSet;
import java.util.Set;

import org.crosswalk.answers.Catalogue;
import org.crosswalk.answers.Catalogue.FrameworkList;
import org.crosswalk.answers.Catalogue.FrameworkView;
import org.crosswalk.answers.Catalogue.RequirementDetail;
import org.crosswalk.answers.Catalogue.RequirementList;
import org.crosswalk.answers.UnknownIdException;
import org.crosswalk.answers.UnknownIdException.Thing;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Browsing frameworks and requirements by their stable ids; ids in the path may be in any human form. */
@RestController
@RequestMapping(path = "/api/frameworks", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
@Tag(name = "Frameworks", description = "The catalogues: frameworks, requirements, parents and children")
public class FrameworkController {
    /** What these URLs name: an unknown framework or requirement in the path means the resource is not there, 404. */
    private static final Set<Thing> IN_PATH = EnumSet.of(Thing.FRAMEWORK, Thing.REQUIREMENT);
    private final Catalogue catalogue;

    public FrameworkController(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "Every framework with its counts", description = "queries/frameworks.rq")
    public FrameworkList frameworks() {
        return catalogue.frameworks();
    }

    // One framework and one requirement are not lists: JSON only, so Accept: text/csv gets 406, not a 500.
    @GetMapping(path = "/{framework}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One framework")
    public FrameworkView framework(@PathVariable String framework) {
        return ProblemHandler.unknownIsNotFound(IN_PATH, () -> catalogue.frameworks().frameworks().stream()
                .filter(f -> f.id().equals(framework)).findFirst()
                .orElseThrow(() -> new UnknownIdException(Thing.FRAMEWORK, framework,
                        catalogue.frameworks().frameworks().stream().map(FrameworkView::id).toList())));
    }

    @GetMapping("/{framework}/requirements")
    @Operation(summary = "All requirements of a framework in document order", description = "queries/requirements.rq")
    public RequirementList requirements(@PathVariable String framework) {
        return ProblemHandler.unknownIsNotFound(IN_PATH, () -> catalogue.requirements(framework));
    }

    @GetMapping(path = "/{framework}/requirements/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One requirement with its text, applicability, ancestors and children", description = "queries/requirement.rq")
    public RequirementDetail requirement(@PathVariable String framework,
            @Parameter(description = "Official id in any form: 6.1.2, A.6.2.4, GOVERN 1.1, GOVERN-1.1, Article 9(2)(a), art_9__para_2__pt_a")
            @PathVariable String id) {
        return ProblemHandler.unknownIsNotFound(IN_PATH, () -> catalogue.requirement(framework, id));
    }
}
