package org.crosswalk.answers;

import java.util.List;

/**
 * What an organisation holds, as a GRC tool sends it: a framework it satisfies as a whole (or none),
 * requirements it satisfies fully or in part, evidence types it holds. Ids are as callers write them;
 * {@link CrosswalkAnswers} resolves them.
 *
 * @param source             framework short id satisfied as a whole, or null
 * @param satisfied          requirement references, "framework:id" (e.g. "iso42001:A.6.2.4")
 * @param partiallySatisfied same form, satisfied only in part
 * @param evidence           evidence type ids (e.g. "ai-policy")
 */
public record Holdings(String source, List<String> satisfied, List<String> partiallySatisfied, List<String> evidence) {
    public Holdings {
        // Listed twice counts once, in the caller's order. (Listed as both satisfied and partial is a
        // contradiction, refused once the ids are resolved: CrosswalkAnswers.)
        satisfied = distinct(satisfied);
        partiallySatisfied = distinct(partiallySatisfied);
        evidence = distinct(evidence);
    }

    private static List<String> distinct(List<String> ids) {
        if (ids == null) return List.of();
        return ids.stream().filter(id -> id != null && !id.isBlank()).map(String::strip).distinct().toList();
    }

    public static Holdings wholeFramework(String source) {
        return new Holdings(source, List.of(), List.of(), List.of());
    }
}
