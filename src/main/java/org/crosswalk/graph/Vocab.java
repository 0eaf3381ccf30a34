package org.crosswalk.graph;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/** Terms of ontology/crosswalk.ttl and the few external vocabularies the loader writes with. */
public final class Vocab {
    private Vocab() {}

    public static final String CW = "https://w3id.org/crosswalk/ontology#";
    public static final String SSSOM = "https://w3id.org/sssom/";
    public static final String SEMAPV = "https://w3id.org/semapv/vocab/";
    public static final String PAV = "http://purl.org/pav/";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    /** Mapping IRIs: stable, derived from the mapping's content so GRC tools can store them. */
    public static final String MAPPING_NS = "https://w3id.org/crosswalk/mapping/";
    public static final String DERIVED_SET = "https://w3id.org/crosswalk/mappings/derived";

    public static Resource cw(String local) { return ResourceFactory.createResource(CW + local); }
    public static Property cwp(String local) { return ResourceFactory.createProperty(CW + local); }

    public static final Resource Mapping = cw("Mapping");
    public static final Resource MappingSet = cw("MappingSet");
    public static final Resource Dataset = cw("Dataset");
    public static final Property relation = cwp("relation");
    public static final Property rationale = cwp("rationale");
    public static final Property strength = cwp("strength");
    public static final Property via = cwp("via");
    public static final Property pathLength = cwp("pathLength");
    public static final Property inMappingSet = cwp("inMappingSet");
    public static final Property sourceFile = cwp("sourceFile");
    public static final Property dataVersion = cwp("dataVersion");
    public static final Property officialText = cwp("officialText");
    public static final Property order = cwp("order");
    public static final Property sortKey = cwp("sortKey");
    public static final Property insertedOrder = cwp("insertedOrder");
    public static final Property within = cwp("within");

    public static final Resource SssomMappingSet = ResourceFactory.createResource(SSSOM + "MappingSet");
    public static final Property mappingJustification = ResourceFactory.createProperty(SSSOM + "mapping_justification");
    public static final Property predicateModifier = ResourceFactory.createProperty(SSSOM + "predicate_modifier");
    public static final Property subjectSource = ResourceFactory.createProperty(SSSOM + "subject_source");
    public static final Property objectSource = ResourceFactory.createProperty(SSSOM + "object_source");
    public static final Property authoredBy = ResourceFactory.createProperty(PAV + "authoredBy");
    public static final Property authoredOn = ResourceFactory.createProperty(PAV + "authoredOn");
    public static final Property wasDerivedFrom = ResourceFactory.createProperty(PROV + "wasDerivedFrom");

    public static final Resource MappingInversion = ResourceFactory.createResource(SEMAPV + "MappingInversion");
    public static final Resource MappingChaining = ResourceFactory.createResource(SEMAPV + "MappingChaining");
}
