package org.crosswalk.webui;

import java.util.List;

import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.answers.Views.SupportedRequirement;
import org.springframework.stereotype.Component;

/**
 * What every evidence type supports (queries/evidence-support.rq with all types held), read once: the
 * graph does not change while the service runs (new data is a new store and a restart), and the pages
 * need it whole (evidence reuse) or in reverse (a requirement's evidence).
 */
@Component
public class EvidenceSupportCache {
    private final CrosswalkAnswers answers;
    private volatile List<SupportedRequirement> all;

    public EvidenceSupportCache(CrosswalkAnswers answers) {
        this.answers = answers;
    }

    public List<SupportedRequirement> all() {
        List<SupportedRequirement> a = all;
        if (a == null) {
            List<String> ids = answers.index().evidenceTypes().stream().map(RequirementIndex.Code::code).toList();
            a = ids.isEmpty() ? List.of() : answers.evidenceSupport(ids).supports();
            all = a;
        }
        return a;
    }
}
