package org.crosswalk.suggest;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.incenp.obofoundry.sssom.ExtraMetadataPolicy;
import org.incenp.obofoundry.sssom.TSVWriter;
import org.incenp.obofoundry.sssom.model.Mapping;
import org.incenp.obofoundry.sssom.model.MappingSet;

/**
 * Suggestions as an SSSOM candidate set, written by sssom-java: one row per candidate with
 * {@code semapv:LexicalSimilarityThresholdMatching}, the normalised BM25 score ({@code similarity_score},
 * {@code confidence}; the raw score in the comment), and {@code skos:mappingRelation} as predicate (some mapping relation:
 * the relation is the reviewer's to choose). Kept under {@code suggestions/}, never in {@code mappings/},
 * so a candidate is never loaded as a curated mapping.
 */
public final class CandidateFile {
    public static final String SUFFIX = ".candidates.sssom.tsv";
    public static final String JUSTIFICATION = "https://w3id.org/semapv/vocab/LexicalSimilarityThresholdMatching";
    public static final String UNDECIDED = "http://www.w3.org/2004/02/skos/core#mappingRelation";
    public static final String TOOL = "crosswalk suggest (Lucene BM25, title boost 2, English analyzer, field synonyms)";

    private CandidateFile() {}

    public static String fileName(String subject, String object) {
        return subject + "-" + object + SUFFIX;
    }

    public static void write(List<Suggester.Suggestion> suggestions, String subjectId, String subjectIri,
            String objectId, String objectIri, OutputStream out) throws IOException {
        MappingSet set = new MappingSet();
        Map<String, String> curies = new LinkedHashMap<>();
        curies.put(subjectId.replace("-", ""), subjectIri + "/");
        curies.put(objectId.replace("-", ""), objectIri + "/");
        set.setCurieMap(curies);
        set.setMappingSetId("https://w3id.org/crosswalk/suggestions/" + subjectId + "-" + objectId);
        set.setMappingSetTitle("Mapping candidates from " + subjectId + " to " + objectId + " (not curated)");
        set.setMappingSetDescription("Candidates ranked by text similarity for review; the relation of each is left to the reviewer. "
                + "Confidence is the BM25 score divided by the best score of this run. Not curated mappings.");
        set.setLicense("https://creativecommons.org/licenses/by/4.0/");
        set.setSubjectSource(subjectIri);
        set.setObjectSource(objectIri);
        set.setMappingTool(TOOL);
        LocalDate today = LocalDate.now();
        List<Mapping> rows = new ArrayList<>();
        for (Suggester.Suggestion s : suggestions) {
            Mapping m = new Mapping();
            m.setSubjectId(s.source().iri());
            m.setSubjectLabel(s.source().notation() + (s.source().title().isBlank() ? "" : " " + s.source().title()));
            m.setPredicateId(UNDECIDED);
            m.setObjectId(s.target().iri());
            m.setObjectLabel(s.target().notation() + (s.target().title().isBlank() ? "" : " " + s.target().title()));
            m.setMappingJustification(JUSTIFICATION);
            m.setConfidence(s.confidence());
            // SSSOM bounds similarity_score to 0-1: the normalised score; the raw BM25 score goes in the comment.
            m.setSimilarityScore(s.confidence());
            m.setSimilarityMeasure("BM25, normalised by the best score of the run");
            m.setMappingDate(today);
            m.setComment("candidate " + s.rank() + " for " + s.source().notation() + "; BM25 " + Math.round(s.score() * 100) / 100.0);
            rows.add(m);
        }
        set.setMappings(rows);
        TSVWriter writer = new TSVWriter(out);
        writer.setExtraMetadataPolicy(ExtraMetadataPolicy.NONE);
        writer.setCurieMap(curies);
        writer.write(set);
        out.flush();
    }
}
