package org.crosswalk.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates an SSSOM TSV file against the JSON Schema generated from the SSSOM LinkML model (release
 * 1.0.0, src/test/resources/sssom-1.0.0, see its SOURCE.md), with networknt's draft 2019-09 validator.
 *
 * <p>The TSV is read into the JSON shape of a {@code MappingSet}, the way the SSSOM spec maps one onto the
 * other: the commented YAML header is the set's metadata, each row a {@code Mapping} in {@code mappings},
 * empty cells absent, multivalued slots (arrays in the schema) split on "|", numeric slots (numbers in the
 * schema) as numbers. YAML scalars keep the type YAML gives them, so a version written 2024 or 1.0 stays a
 * number and fails the schema's string type, as it would for any YAML reader. The one conversion is a
 * YAML date (mapping_date: 2026-12-04), which becomes its ISO string, the JSON form of the schema's
 * {@code format: date}. Extension slots declared in {@code extension_definitions} are not part of the
 * LinkML model (the schema forbids unknown properties): they are taken out of each row and checked against
 * their own type_hint instead; an undeclared extra column stays and fails.
 */
final class SssomJsonSchema {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonNode schemaDocument;
    private final Schema mappingSet;

    SssomJsonSchema() throws IOException {
        try (InputStream in = SssomJsonSchema.class.getResourceAsStream("/sssom-1.0.0/sssom_schema.schema.json")) {
            schemaDocument = JSON.readTree(in);
        }
        // The generated schema's root has no properties (LinkML leaves the tree root open): validate against
        // its MappingSet class, the shape of one SSSOM file.
        ObjectNode root = ((ObjectNode) schemaDocument).deepCopy();
        root.put("$ref", "#/$defs/MappingSet");
        root.remove(List.of("metamodel_version", "version")); // LinkML's annotations, not JSON Schema keywords
        mappingSet = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(root);
    }

    /** Every schema and extension-slot error, as "where: message"; empty when the file is valid. */
    List<String> validate(String tsv) {
        List<String> errors = new ArrayList<>();
        JsonNode set = toJson(tsv, errors);
        mappingSet.validate(set).forEach(e -> errors.add(e.getInstanceLocation() + ": " + e.getMessage()));
        return errors;
    }

    JsonNode toJson(String tsv, List<String> errors) {
        StringBuilder yaml = new StringBuilder();
        List<String> lines = tsv.lines().toList();
        int i = 0;
        for (; i < lines.size() && lines.get(i).startsWith("#"); i++) yaml.append(lines.get(i).substring(1)).append('\n');
        Object header = yaml().load(yaml.toString());
        ObjectNode set = header == null ? JSON.createObjectNode() : (ObjectNode) JSON.valueToTree(header);

        Map<String, String> extensions = new HashMap<>();
        for (JsonNode d : set.path("extension_definitions")) {
            extensions.put(d.path("slot_name").asString(), d.path("type_hint").asString("http://www.w3.org/2001/XMLSchema#string"));
        }
        JsonNode mappingProps = schemaDocument.get("$defs").get("Mapping").get("properties");
        ArrayNode mappings = set.putArray("mappings");
        if (i >= lines.size()) return set;
        String[] columns = lines.get(i).split("\t", -1);
        for (int r = i + 1; r < lines.size(); r++) {
            if (lines.get(r).isEmpty()) continue;
            String[] cells = lines.get(r).split("\t", -1);
            ObjectNode m = mappings.addObject();
            for (int c = 0; c < columns.length && c < cells.length; c++) {
                String name = columns[c], value = cells[c];
                if (value.isEmpty()) continue;
                if (extensions.containsKey(name)) {
                    String problem = checkExtension(extensions.get(name), value);
                    if (problem != null) errors.add("/mappings/" + (r - i - 1) + "/" + name + ": " + problem);
                    continue;
                }
                JsonNode type = mappingProps.path(name).path("type");
                if (type.asString("").equals("array")) {
                    ArrayNode values = m.putArray(name);
                    for (String v : value.split("\\|")) values.add(v);
                } else if (type.asString("").equals("number")) {
                    try {
                        m.put(name, Double.parseDouble(value));
                    } catch (NumberFormatException e) {
                        m.put(name, value);
                    }
                } else {
                    m.put(name, value);
                }
            }
        }
        return set;
    }

    private static String checkExtension(String typeHint, String value) {
        String type = typeHint.replaceFirst("^(http://www.w3.org/2001/XMLSchema#|xsd:)", "");
        return switch (type) {
            case "integer" -> value.matches("[-+]?\\d+") ? null : "'" + value + "' is not an xsd:integer";
            case "anyURI" -> value.matches("[A-Za-z][A-Za-z0-9+.-]*:\\S+") ? null : "'" + value + "' is neither a CURIE nor an IRI";
            case "string" -> null;
            default -> "extension type " + typeHint + " not checked";
        };
    }

    /** YAML as the SSSOM header is read, except that a date stays its ISO string (see the class comment). */
    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        DumperOptions dump = new DumperOptions();
        Resolver noTimestamps = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(Tag.INT, INT, "-+0123456789");
                addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
                addImplicitResolver(Tag.MERGE, MERGE, "<");
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(dump), dump, options, noTimestamps);
    }

    static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
