package org.crosswalk.export;

/** A framework of the graph as exporters describe it: short id, scheme IRI, title and edition. */
public record Framework(String id, String iri, String title, String edition) {}
