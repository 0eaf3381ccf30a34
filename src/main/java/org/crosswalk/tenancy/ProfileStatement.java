package org.crosswalk.tenancy;

import java.util.Set;

/**
 * One line of an organisation profile: a requirement (or an evidence type) and where the organisation
 * stands on it.
 *
 * @param ref    the canonical reference: {@code framework:localId} for a requirement, {@code evidence:id} for an evidence type
 * @param about  the IRI of that requirement or evidence type
 * @param status satisfied, partial, planned or not-applicable
 * @param note   free text, or null
 * @param owner  who answers for it, or null
 * @param date   YYYY-MM-DD of the statement, or null
 */
public record ProfileStatement(String ref, String about, String status, String note, String owner, String date) {
    public static final Set<String> STATUSES = Set.of("satisfied", "partial", "planned", "not-applicable");

    public boolean isEvidence() {
        return ref.startsWith("evidence:");
    }
}
