package org.crosswalk.graph;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * One mapping, curated (read from a row of a mapping set) or derived (inverse or chain of curated ones).
 *
 * @param subject      subject requirement IRI
 * @param object       object requirement IRI
 * @param justification SEMAPV justification IRI
 * @param rationale    NIST IR 8477 rationale code (syntactic, semantic, functional)
 * @param mappingSet   IRI of the mapping set it belongs to
 * @param location     file:row it was read from ("" for derived mappings)
 * @param derivedFrom  the steps it was derived from, in path order: the inverted mapping, or the two
 *                     one-step mappings of a chain (empty for curated ones)
 * @param via          the intermediate requirement of a chain, or null
 */
public record MappingRecord(String subject, Relation relation, String object, String justification,
        String rationale, int strength, String comment, String author, String date, List<String> seeAlso,
        String mappingSet, String location, List<MappingRecord> derivedFrom, String via) {

    public boolean isCurated() {
        return derivedFrom.isEmpty();
    }

    /** Stable IRI: the same subject, predicate, modifier, object and justification always get the same IRI. */
    public String iri() {
        String key = subject + "|" + relation.skosPredicate.getURI() + "|"
                + (relation == Relation.NO_RELATIONSHIP ? "Not" : "") + "|" + object + "|" + justification;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Vocab.MAPPING_NS + HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
