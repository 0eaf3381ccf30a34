package org.crosswalk.graph;

import java.util.Arrays;
import java.util.Optional;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.SKOS;

/**
 * The NIST IR 8477 set-theory relationship of a mapping's subject to its object, with the SKOS
 * predicate DESIGN.md pairs it with, and the two operations derivation needs: inverse and composition.
 */
public enum Relation {
    EQUAL("equal", "Equal", SKOS.exactMatch),
    SUBSET_OF("subset-of", "SubsetOf", SKOS.broadMatch),
    SUPERSET_OF("superset-of", "SupersetOf", SKOS.narrowMatch),
    INTERSECTS_WITH("intersects-with", "IntersectsWith", SKOS.relatedMatch),
    NO_RELATIONSHIP("no-relationship", "NoRelationship", SKOS.relatedMatch);

    public final String code;
    public final Resource resource;
    public final Property skosPredicate;

    Relation(String code, String local, Property skosPredicate) {
        this.code = code;
        this.resource = Vocab.cw(local);
        this.skosPredicate = skosPredicate;
    }

    public static Optional<Relation> fromCode(String code) {
        return Arrays.stream(values()).filter(r -> r.code.equals(code)).findFirst();
    }

    /** b R' a for a R b: subset and superset swap, the others are symmetric. */
    public Relation inverse() {
        return switch (this) {
            case SUBSET_OF -> SUPERSET_OF;
            case SUPERSET_OF -> SUBSET_OF;
            default -> this;
        };
    }

    /**
     * a ? c from a this b and b next c, where set theory gives an answer: equal composes with anything
     * and keeps the other relation (a = b, so whatever holds for b and c holds for a and c, overlap and
     * disjointness included), ⊆∘⊆ = ⊆, ⊇∘⊇ = ⊇. Any other step through intersects-with or
     * no-relationship, and the mixed ⊆∘⊇ / ⊇∘⊆, tells nothing about a and c.
     */
    public Optional<Relation> compose(Relation next) {
        if (this == EQUAL) return Optional.of(next);
        if (next == EQUAL) return Optional.of(this);
        if (this == NO_RELATIONSHIP || next == NO_RELATIONSHIP
                || this == INTERSECTS_WITH || next == INTERSECTS_WITH) {
            return Optional.empty();
        }
        return this == next ? Optional.of(this) : Optional.empty();
    }

    /** Strength DESIGN.md fixes for this relation, or empty when any of 1..9 is allowed. */
    public boolean allowsStrength(int strength) {
        return switch (this) {
            case EQUAL -> strength == 10;
            case NO_RELATIONSHIP -> strength == 0;
            default -> strength >= 1 && strength <= 9;
        };
    }
}
