package org.crosswalk.export;

import java.util.List;

/**
 * One mapping as read back from the graph, curated or derived, with the labels exporters need.
 *
 * @param iri           the mapping's stable IRI
 * @param negated       true for a no-relationship row (SSSOM predicate_modifier Not)
 * @param justification SEMAPV justification IRI
 * @param derivedFrom   IRIs of the mappings it was derived from (empty for curated ones)
 * @param via           intermediate requirement IRI of a chain, or null
 */
public record ExportedMapping(String iri, Requirement subject, String predicate, boolean negated, Requirement object,
        String relation, String rationale, int strength, String justification, String author, String date,
        String comment, List<String> seeAlso, String mappingSet, List<String> derivedFrom, String via) {

    /** A mapped requirement: IRI, local id (the last IRI segment), official notation and title. */
    public record Requirement(String iri, String id, String notation, String label) {}

    public boolean curated() {
        return derivedFrom.isEmpty();
    }
}
