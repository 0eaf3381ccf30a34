package org.crosswalk.imports;

import java.util.List;

/**
 * A framework read from an outside catalogue, before it becomes SKOS: its identity as the importer gave
 * it and its requirements as a flat list with parent links.
 *
 * @param id      short id (dcterms:identifier), lower case, digits, hyphens
 * @param title   the framework's title
 * @param version the edition (part of every requirement IRI)
 * @param source  IRI of the published source the texts come from
 * @param nodes   every requirement, parents before children, in document order
 */
public record ImportedFramework(String id, String title, String version, String source, List<Node> nodes) {

    /**
     * One requirement.
     *
     * @param id       the official id as the catalogue writes it ("ac-2.1", "GV.OC-01")
     * @param notation the human form (OSCAL's label property, "AC-2(1)"; the id when there is none)
     * @param title    short title, or null
     * @param text     the requirement's text rendered as plain text, or null
     * @param parentId id of the parent, or null for a top concept
     * @param kind     local name of the cw: requirement class
     * @param where    where it was read: "file:line" or "file#/json/pointer"
     */
    public record Node(String id, String notation, String title, String text, String parentId, String kind, String where) {}
}
