package org.crosswalk.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.crosswalk.graph.Vocab;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OSCAL 1.2 {@code mapping-collection} for one framework pair: the frameworks as source and target
 * resources, one map per mapping with its NIST IR 8477 relationship and matching rationale, our strength,
 * justification and reason as namespaced props and remarks, and gap summaries listing the leaf
 * requirements no mapping reaches. Requirements are OSCAL "controls" identified by their local ids; OSCAL
 * control ids are tokens that cannot start with a digit, so ISO clause ids get a "clause-" prefix
 * ("clause-6.1.2"), everything else (A.6.2.4, GOVERN-1.1, art_9__para_2) is used as is.
 *
 * <p>The source and target resources are the frameworks' own OSCAL catalogs ({@link OscalCatalogExport}),
 * where every id of the maps and gap summaries is a control. {@code last-modified} is a date of the data
 * (the set's latest mapping date), not the clock.
 *
 * <p>UUIDs are name-based (version 5) on the mapping IRIs and the data version: the same data always
 * gives the same document, and a changed graph gives a new collection UUID, as OSCAL asks.
 */
public final class OscalExport {
    public static final String OSCAL_VERSION = "1.2.2";
    private static final String CW_NS = "https://w3id.org/crosswalk/ontology";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OscalExport() {}

    public static ObjectNode build(Framework source, Framework target, MappingSource graph, String dataVersion) {
        List<ExportedMapping> mappings = graph.mappings(source, target);
        String setId = SssomExport.SET_NS + source.id() + "-" + target.id();
        boolean anyDerived = mappings.stream().anyMatch(m -> !m.curated());

        ObjectNode root = JSON.createObjectNode();
        ObjectNode collection = root.putObject("mapping-collection");
        collection.put("uuid", uuid(setId + "|" + dataVersion).toString());

        ObjectNode metadata = collection.putObject("metadata");
        metadata.put("title", source.title() + " to " + target.title());
        metadata.put("last-modified", lastModified(mappings.stream().map(ExportedMapping::date).filter(d -> !d.isBlank())
                .max(String::compareTo).orElse(graph.dataDate())));
        metadata.put("version", dataVersion.substring(0, Math.min(16, dataVersion.length())));
        metadata.put("oscal-version", OSCAL_VERSION);
        metadata.put("remarks", "Exported by Crosswalk from its knowledge graph. Mapping set: " + setId + ".");

        ObjectNode provenance = collection.putObject("provenance");
        provenance.put("method", anyDerived ? "hybrid" : "human");
        provenance.put("matching-rationale", "semantic");
        provenance.put("status", "complete");
        provenance.put("mapping-description", "Set-theory relationships (NIST IR 8477) between the requirements of "
                + source.title() + " and " + target.title() + ", curated by the Crosswalk curators"
                + (anyDerived ? ", with mappings derived by inversion and sound chaining (strength = minimum along the chain)" : "")
                + ". Each map gives the relationship of its source to its target, the matching rationale, a strength "
                + "from 0 to 10 and the reason in its remarks.");

        ObjectNode mapping = collection.putObject("mappings");
        mapping.put("uuid", uuid(setId + "|mapping").toString());
        resource(mapping.putObject("source-resource"), source);
        resource(mapping.putObject("target-resource"), target);
        ArrayNode maps = mapping.putArray("maps");
        for (ExportedMapping m : mappings) maps.add(map(m));
        if (mappings.isEmpty()) {
            throw new IllegalArgumentException("no mappings between " + source.id() + " and " + target.id());
        }
        gapSummary(mapping, "source-gap-summary", setId + "|source-gaps", graph.unmappedLeaves(source, mappings, true));
        gapSummary(mapping, "target-gap-summary", setId + "|target-gaps", graph.unmappedLeaves(target, mappings, false));
        return root;
    }

    public static String toJson(ObjectNode document) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    /**
     * The framework's own OSCAL catalog export, so every control id of the maps resolves. The href is a
     * relative reference, which OSCAL resolves against the URI of this document: served at
     * /api/exports/mapping-sets/{pair}.oscal.json it names /api/exports/catalogs/{framework}.oscal.json,
     * and the CLI writes the same layout (mapping-sets/ and catalogs/ side by side).
     */
    private static void resource(ObjectNode node, Framework f) {
        node.put("type", "catalog");
        node.put("href", OscalCatalogExport.href(f));
        node.put("remarks", f.title() + (f.edition().isBlank() ? "" : " (edition " + f.edition() + ")")
                + ", as the OSCAL catalog Crosswalk exports; the framework's IRI is " + f.iri() + ".");
    }

    /**
     * OSCAL's last-modified (a date-time with a time zone) from a date of the data, the start of that day
     * in UTC: the same data always gives the same document. The epoch when the data has no date at all.
     */
    static String lastModified(String date) {
        if (date == null || date.isBlank()) return Instant.EPOCH.toString();
        return java.time.LocalDate.parse(date.substring(0, Math.min(10, date.length()))).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static ObjectNode map(ExportedMapping m) {
        ObjectNode map = JSON.createObjectNode();
        map.put("uuid", uuid(m.iri()).toString());
        map.put("matching-rationale", m.rationale());
        map.put("relationship", relationship(m));
        map.putArray("sources").addObject().put("type", "control").put("id-ref", controlId(m.subject().id()));
        map.putArray("targets").addObject().put("type", "control").put("id-ref", controlId(m.object().id()));
        ArrayNode props = map.putArray("props");
        prop(props, "strength", Integer.toString(m.strength()));
        prop(props, "justification", m.justification().substring(m.justification().lastIndexOf('/') + 1));
        if (m.via() != null) prop(props, "via", m.via().substring(m.via().lastIndexOf('/') + 1));
        ArrayNode links = map.putArray("links");
        links.addObject().put("href", m.iri()).put("rel", "related");
        m.seeAlso().forEach(url -> links.addObject().put("href", url).put("rel", "reference"));
        map.put("remarks", m.comment());
        return map;
    }

    /**
     * NIST IR 8477 → OSCAL: our "equal" is OSCAL's equal-to when the wording is the same (syntactic) and
     * equivalent-to when only the meaning or effect is; the other relations share their names.
     */
    static String relationship(ExportedMapping m) {
        if (m.relation().equals("equal")) return m.rationale().equals("syntactic") ? "equal-to" : "equivalent-to";
        return m.relation();
    }

    private static void prop(ArrayNode props, String name, String value) {
        props.addObject().put("name", name).put("ns", CW_NS).put("value", value);
    }

    private static void gapSummary(ObjectNode mapping, String name, String seed, List<ExportedMapping.Requirement> unmapped) {
        if (unmapped.isEmpty()) return; // OSCAL requires at least one unmapped control in a gap summary
        ObjectNode gaps = mapping.putObject(name);
        gaps.put("uuid", uuid(seed).toString());
        ArrayNode ids = gaps.putArray("unmapped-controls").addObject().putArray("with-ids");
        unmapped.forEach(r -> ids.add(controlId(r.id())));
    }

    /** Our local id as an OSCAL control id (a token: it may not start with a digit). */
    static String controlId(String id) {
        return !id.isEmpty() && Character.isDigit(id.charAt(0)) ? "clause-" + id : id;
    }

    /** RFC 9562 name-based UUID, version 5 (SHA-1), in a namespace of our own IRIs. */
    static UUID uuid(String name) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-1").digest((Vocab.CW + name).getBytes(StandardCharsets.UTF_8));
            h[6] = (byte) ((h[6] & 0x0f) | 0x50);
            h[8] = (byte) ((h[8] & 0x3f) | 0x80);
            long msb = 0, lsb = 0;
            for (int i = 0; i < 8; i++) msb = (msb << 8) | (h[i] & 0xff);
            for (int i = 8; i < 16; i++) lsb = (lsb << 8) | (h[i] & 0xff);
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
