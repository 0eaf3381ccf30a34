package org.crosswalk.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OSCAL 1.x catalog in its JSON form. Problems are located by JSON pointer
 * ("file#/catalog/groups/0/controls/3: …"), or by line and column when the file is not JSON at all.
 */
final class OscalJsonReader {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String file;
    private final List<String> problems;
    private final Map<String, OscalCatalog.Param> params = new HashMap<>();

    private OscalJsonReader(String file, List<String> problems) {
        this.file = file;
        this.problems = problems;
    }

    static OscalCatalog read(InputStream in, String file, List<String> problems) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            problems.add(file + ":" + (at == null ? 1 : at.getLineNr()) + ":" + (at == null ? 1 : at.getColumnNr())
                    + ": not JSON: " + e.getOriginalMessage());
            return null;
        }
        return new OscalJsonReader(file, problems).catalog(root);
    }

    private OscalCatalog catalog(JsonNode root) {
        JsonNode catalog = root == null ? null : root.get("catalog");
        if (catalog == null || !catalog.isObject()) {
            String found = root != null && root.isObject() && root.propertyNames().iterator().hasNext()
                    ? "'" + root.propertyNames().iterator().next() + "'" : "no object";
            problems.add(file + "#: not an OSCAL catalog: the top-level object must be 'catalog', found " + found);
            return null;
        }
        JsonNode version = catalog.path("metadata").get("oscal-version");
        if (version == null || !version.isString()) {
            problems.add(file + "#/catalog/metadata/oscal-version: missing: an OSCAL document declares its OSCAL version");
            return null;
        }
        if (!OscalCatalog.SUPPORTED_VERSION.matcher(version.stringValue()).matches()) {
            problems.add(file + "#/catalog/metadata/oscal-version: OSCAL version '" + version.stringValue()
                    + "' is not supported (1.0.x to 1.2.x)");
            return null;
        }
        String title = catalog.path("metadata").path("title").asString(null);
        List<OscalCatalog.Element> top = new ArrayList<>();
        elements(catalog, "/catalog", top);
        if (top.isEmpty()) problems.add(file + "#/catalog: the catalog has no groups and no controls");
        return new OscalCatalog(catalog.path("uuid").asString(null), title, version.stringValue(), top, params);
    }

    /** The groups and controls directly inside {@code node} (a catalog, group or control). */
    private void elements(JsonNode node, String pointer, List<OscalCatalog.Element> out) {
        params(node, pointer);
        for (String kind : List.of("groups", "controls")) {
            JsonNode list = node.get(kind);
            if (list == null) continue;
            if (!list.isArray()) {
                problems.add(file + "#" + pointer + "/" + kind + ": must be an array");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode e = list.get(i);
                String at = pointer + "/" + kind + "/" + i;
                String id = e.path("id").asString(null);
                String title = e.path("title").asString(null);
                if (kind.equals("controls") && (id == null || id.isBlank())) {
                    problems.add(file + "#" + at + "/id: a control needs an id");
                    continue;
                }
                if (id == null || id.isBlank()) {
                    problems.add(file + "#" + at + "/id: a group needs an id to be imported");
                    continue;
                }
                if (title == null || title.isBlank()) problems.add(file + "#" + at + "/title: missing");
                List<OscalCatalog.Element> children = new ArrayList<>();
                elements(e, at, children);
                out.add(new OscalCatalog.Element(kind.equals("groups"), id, title, label(e), statement(e), children, file + "#" + at));
            }
        }
    }

    private void params(JsonNode node, String pointer) {
        JsonNode list = node.get("params");
        if (list == null || !list.isArray()) return;
        for (JsonNode p : list) {
            String id = p.path("id").asString(null);
            if (id == null) continue;
            List<String> choices = new ArrayList<>();
            p.path("select").path("choice").forEach(c -> choices.add(c.asString("")));
            params.put(id, new OscalCatalog.Param(id, p.path("label").asString(null),
                    p.path("select").path("how-many").asString(null), choices));
        }
    }

    /** The label prop without a class (NIST: "AC-2(1)"), else any label prop. */
    private static String label(JsonNode e) {
        String any = null;
        for (JsonNode prop : e.path("props")) {
            if (!"label".equals(prop.path("name").asString(null))) continue;
            String value = prop.path("value").asString(null);
            if (!prop.has("class")) return value;
            if (any == null) any = value;
        }
        return any;
    }

    private static OscalCatalog.Part statement(JsonNode e) {
        for (JsonNode part : e.path("parts")) {
            if ("statement".equals(part.path("name").asString(null))) return part(part);
        }
        return null;
    }

    private static OscalCatalog.Part part(JsonNode p) {
        List<OscalCatalog.Part> parts = new ArrayList<>();
        for (JsonNode c : p.path("parts")) {
            if ("item".equals(c.path("name").asString(null))) parts.add(part(c));
        }
        return new OscalCatalog.Part(label(p), p.path("prose").asString(null), parts);
    }
}
