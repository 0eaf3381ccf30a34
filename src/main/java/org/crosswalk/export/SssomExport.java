package org.crosswalk.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crosswalk.graph.Vocab;
import org.incenp.obofoundry.sssom.TSVWriter;
import org.incenp.obofoundry.sssom.model.ExtensionDefinition;
import org.incenp.obofoundry.sssom.model.ExtensionValue;
import org.incenp.obofoundry.sssom.model.Mapping;
import org.incenp.obofoundry.sssom.model.MappingSet;
import org.incenp.obofoundry.sssom.model.PredicateModifier;

/**
 * SSSOM TSV of the mappings between two frameworks, curated and derived, written by sssom-java's own
 * TSVWriter (so the file is what the SSSOM toolchain expects, not our reading of the spec). Derived rows
 * keep their SEMAPV justification (MappingInversion / MappingChaining) and name the mappings they came
 * from in see_also, so a reader can rebuild the path.
 */
public final class SssomExport {
    public static final String SET_NS = "https://w3id.org/crosswalk/mappings/";

    private SssomExport() {}

    public static MappingSet build(Framework subject, Framework object, MappingSource source) {
        List<ExportedMapping> rows = source.mappings(subject, object);
        MappingSource.SetMetadata meta = source.curatedSet(subject, object).orElse(null);
        long derived = rows.stream().filter(m -> !m.curated()).count();

        MappingSet set = new MappingSet();
        set.setCurieMap(curieMap(subject, object));
        set.setMappingSetId(meta != null ? meta.id() : SET_NS + subject.id() + "-" + object.id());
        set.setMappingSetVersion(meta != null && !meta.version().isBlank() ? meta.version() : "1.0.0");
        set.setMappingSetTitle(meta != null && !meta.title().isBlank() ? meta.title()
                : subject.title() + " to " + object.title() + " (derived)");
        set.setMappingSetDescription((meta != null && !meta.description().isBlank() ? meta.description() + " "
                : "Mappings derived by Crosswalk from the curated sets; no curated set exists for this direction. ")
                + "This export holds " + (rows.size() - derived) + " curated and " + derived
                + " derived mappings (semapv:MappingInversion, semapv:MappingChaining; see_also names the mappings each was derived from).");
        set.setLicense(meta != null && meta.license() != null ? meta.license() : "https://creativecommons.org/licenses/by/4.0/");
        set.setCreatorId(meta != null && !meta.creators().isEmpty() ? meta.creators() : List.of("https://w3id.org/crosswalk/agent/curators"));
        set.setSubjectSource(subject.iri());
        set.setSubjectSourceVersion(subject.edition());
        set.setObjectSource(object.iri());
        set.setObjectSourceVersion(object.edition());
        set.setExtensionDefinitions(List.of(
                new ExtensionDefinition("ext_relation", Vocab.CW + "relation", "http://www.w3.org/2001/XMLSchema#string"),
                new ExtensionDefinition("ext_rationale", Vocab.CW + "rationale", "http://www.w3.org/2001/XMLSchema#string"),
                new ExtensionDefinition("ext_strength", Vocab.CW + "strength", "http://www.w3.org/2001/XMLSchema#integer")));

        List<Mapping> mappings = new ArrayList<>();
        for (ExportedMapping m : rows) mappings.add(toSssom(m));
        set.setMappings(mappings);
        return set;
    }

    public static void write(MappingSet set, OutputStream out) throws IOException {
        TSVWriter writer = new TSVWriter(out);
        writer.setExtraMetadataPolicy(org.incenp.obofoundry.sssom.ExtraMetadataPolicy.DEFINED); // write the ext_ columns
        writer.setCurieMap(set.getCurieMap());
        writer.write(set);
        out.flush();
    }

    static Mapping toSssom(ExportedMapping m) {
        Mapping row = new Mapping();
        row.setSubjectId(m.subject().iri());
        row.setSubjectLabel(m.subject().notation() + " " + m.subject().label());
        row.setPredicateId(m.predicate());
        if (m.negated()) row.setPredicateModifier(PredicateModifier.NOT);
        row.setObjectId(m.object().iri());
        row.setObjectLabel(m.object().notation() + " " + m.object().label());
        row.setMappingJustification(m.justification());
        if (m.author() != null) row.setAuthorId(List.of(m.author()));
        if (!m.date().isBlank()) row.setMappingDate(LocalDate.parse(m.date()));
        row.setComment(m.comment());
        List<String> seeAlso = new ArrayList<>(m.seeAlso());
        seeAlso.addAll(m.derivedFrom());
        if (!seeAlso.isEmpty()) row.setSeeAlso(seeAlso);
        Map<String, ExtensionValue> ext = new LinkedHashMap<>();
        ext.put(Vocab.CW + "relation", new ExtensionValue(m.relation()));
        ext.put(Vocab.CW + "rationale", new ExtensionValue(m.rationale()));
        ext.put(Vocab.CW + "strength", new ExtensionValue(m.strength()));
        row.setExtensions(ext);
        return row;
    }

    private static Map<String, String> curieMap(Framework subject, Framework object) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put(prefixOf(subject), subject.iri() + "/");
        map.put(prefixOf(object), object.iri() + "/");
        map.put("cw", Vocab.CW);
        map.put("cwagent", "https://w3id.org/crosswalk/agent/");
        map.put("cwmap", Vocab.MAPPING_NS);
        return map;
    }

    /** The CURIE prefix our data files use for a framework (iso42001, nistairmf, euaiact, ...). */
    static String prefixOf(Framework f) {
        return f.id().replace("-", "");
    }
}
