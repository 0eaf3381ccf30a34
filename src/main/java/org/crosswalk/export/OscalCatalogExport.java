package org.crosswalk.export;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One framework as an OSCAL 1.2 {@code catalog}: every requirement is a control, nested as the framework
 * nests them (clause 6 → 6.1 → 6.1.2, Article 9 → 9(2) → 9(2)(a), GOVERN → GOVERN 1 → GOVERN 1.1), with the
 * same control ids the mapping exports use ({@link OscalExport#controlId}), so an OSCAL tool resolves every
 * id of a mapping collection in the catalogs it points at.
 *
 * <p>A control has its short title, the id people write as its {@code label} prop, its document order as
 * {@code sort-id}, a {@code canonical} link to its IRI and its {@code statement} part. The statement's prose
 * is the official text where the data holds it (EU law, NIST's public-domain text); an ISO requirement's
 * text is ISO's copyright, so its statement carries no prose and our own-words summary is an
 * {@code overview} part instead. {@code last-modified} is the data's own latest date, not the clock; the
 * UUID is name-based on the framework and the data version.
 */
public final class OscalCatalogExport {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private OscalCatalogExport() {}

    /** Where a mapping export finds this framework's catalog, relative to /api/exports/mapping-sets/. */
    public static String href(Framework f) {
        return "../catalogs/" + f.id() + ".oscal.json";
    }

    public static ObjectNode build(Framework framework, MappingSource graph, String dataVersion) {
        List<MappingSource.CatalogEntry> entries = graph.requirements(framework);
        if (entries.isEmpty()) throw new IllegalArgumentException("framework " + framework.id() + " has no requirements");

        ObjectNode root = JSON.createObjectNode();
        ObjectNode catalog = root.putObject("catalog");
        catalog.put("uuid", OscalExport.uuid("catalog|" + framework.iri() + "|" + dataVersion).toString());
        ObjectNode metadata = catalog.putObject("metadata");
        metadata.put("title", framework.title());
        metadata.put("last-modified", OscalExport.lastModified(graph.dataDate()));
        metadata.put("version", (framework.edition().isBlank() ? "" : framework.edition() + "+")
                + dataVersion.substring(0, Math.min(16, dataVersion.length())));
        metadata.put("oscal-version", OscalExport.OSCAL_VERSION);
        metadata.putArray("links").addObject().put("href", framework.iri()).put("rel", "canonical");
        metadata.put("remarks", "Exported by Crosswalk from its knowledge graph: " + framework.title()
                + (framework.edition().isBlank() ? "" : ", edition " + framework.edition())
                + ". Control ids are Crosswalk's local ids (an ISO clause id gets the prefix clause-, since an OSCAL id "
                + "cannot start with a digit); the label prop is the id as people write it. Statements quote the official "
                + "text where it may be reproduced; otherwise they carry none and an overview part gives Crosswalk's own summary.");

        Map<String, ObjectNode> controls = new HashMap<>();
        ArrayNode top = catalog.putArray("controls");
        for (MappingSource.CatalogEntry e : entries) {
            ObjectNode parent = e.parent() == null ? null : controls.get(e.parent());
            ArrayNode siblings = parent == null ? top : (parent.has("controls") ? (ArrayNode) parent.get("controls") : parent.putArray("controls"));
            ObjectNode control = siblings.addObject();
            controls.put(e.iri(), control);
            String id = OscalExport.controlId(e.id());
            control.put("id", id);
            if (!e.type().isBlank()) control.put("class", e.type().toLowerCase(java.util.Locale.ROOT));
            control.put("title", e.label().isBlank() ? e.notation() : e.label());
            ArrayNode props = control.putArray("props");
            props.addObject().put("name", "label").put("value", e.notation());
            props.addObject().put("name", "sort-id").put("value", e.sortKey());
            ArrayNode links = control.putArray("links");
            links.addObject().put("href", e.iri()).put("rel", "canonical");
            if (e.source() != null) links.addObject().put("href", e.source()).put("rel", "reference");
            ArrayNode parts = control.putArray("parts");
            ObjectNode statement = parts.addObject().put("id", id + "_smt").put("name", "statement");
            if (!e.officialText().isBlank()) statement.put("prose", e.officialText());
            if (!e.description().isBlank()) {
                parts.addObject().put("id", id + "_ovw").put("name", "overview").put("prose", e.description());
            }
        }
        return root;
    }
}
