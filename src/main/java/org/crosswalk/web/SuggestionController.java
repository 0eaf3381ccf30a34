package org.crosswalk.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crosswalk.CurationConfiguration.ServedData;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.suggest.CandidateFile;
import org.crosswalk.suggest.RequirementText;
import org.crosswalk.suggest.Review;
import org.crosswalk.suggest.Suggester;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Mapping suggestions and their review: {@code POST /api/suggestions/{source}/{target}} ranks candidates
 * and writes them as an SSSOM candidate file; {@code POST …/decisions} accepts, edits or rejects one.
 * No authentication exists yet: run the service where only curators reach these.
 */
@RestController
@RequestMapping(path = "/api/suggestions", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Curation")
public class SuggestionController {

    /** A decision as JSON: decision is accept or reject; suggested_object when mapping to another target than suggested. */
    public record DecisionBody(String decision, String subject, String object, String suggestedObject, String relation,
            String rationale, Integer strength, String reason, String reviewer) {}

    private final CrosswalkStore store;
    private final RequirementIndex index;
    private final Review review;
    private final ServedData served;

    public SuggestionController(CrosswalkStore store, RequirementIndex index, Review review, ServedData served) {
        this.store = store;
        this.index = index;
        this.review = review;
        this.served = served;
    }

    @PostMapping("/{source}/{target}")
    @Operation(summary = "Rank mapping candidates (Lucene BM25) for every requirement of source in target; stored as an SSSOM candidate file")
    public Map<String, Object> suggest(@PathVariable String source, @PathVariable String target,
            @RequestParam(defaultValue = "5") int k) throws IOException {
        if (k < 1 || k > 50) throw new IllegalArgumentException("k must be between 1 and 50");
        RequirementIndex.Framework from = index.framework(source), to = index.framework(target);
        List<Suggester.Suggestion> list = Suggester.suggest(RequirementText.of(store, from.id()),
                RequirementText.of(store, to.id()), k, Suggester.Mode.FULL);
        Path file = review.candidates(from.id(), to.id());
        Files.createDirectories(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".suggest", ".part");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            CandidateFile.write(list, from.id(), from.iri(), to.id(), to.iri(), out);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", from.id());
        body.put("target", to.id());
        body.put("file", file.getFileName().toString());
        body.put("suggestions", list.stream().map(s -> Map.of("subject", s.source().notation(), "subject_iri", s.source().iri(),
                "object", s.target().notation(), "object_iri", s.target().iri(), "rank", s.rank(),
                "similarity_score", s.score(), "confidence", s.confidence())).toList());
        return body;
    }

    @PostMapping(path = "/{source}/{target}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Accept (as suggested or edited) or reject one suggestion; an accepted one becomes a curated mapping at once")
    public Map<String, Object> decide(@PathVariable String source, @PathVariable String target, @RequestBody DecisionBody d) {
        Review.Verdict asked = switch (d.decision() == null ? "" : d.decision()) {
            case "accept" -> Review.Verdict.ACCEPTED;
            case "reject" -> Review.Verdict.REJECTED;
            default -> throw new IllegalArgumentException("decision '" + d.decision() + "': accept or reject");
        };
        if (d.subject() == null || d.object() == null) throw new IllegalArgumentException("subject and object are required");
        Review.Outcome o = review.decide(index, source, target, asked, new Review.Decision(d.subject(), d.object(),
                d.suggestedObject(), d.relation(), d.rationale(), d.strength(), d.reason(), d.reviewer()));
        if (o.graph() != null) served.serve(o.graph());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("decision", o.verdict().name().toLowerCase());
        if (o.file() != null) {
            body.put("file", o.file() + ":" + o.line());
            body.put("curated_mappings", o.graph().curatedMappings());
            body.put("derived_mappings", o.graph().derivedMappings());
        }
        return body;
    }

    /** An accepted row the data refuses (rolled back): every problem, located. */
    @org.springframework.web.bind.annotation.ExceptionHandler(org.crosswalk.graph.DataValidationException.class)
    org.springframework.http.ResponseEntity<org.springframework.http.ProblemDetail> refused(org.crosswalk.graph.DataValidationException e) {
        var pd = org.springframework.http.ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT,
                "The accepted row would make the data invalid; nothing was changed. " + e.problems().getFirst());
        pd.setTitle("Decision not applied");
        pd.setProperty("errors", e.problems());
        return org.springframework.http.ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
