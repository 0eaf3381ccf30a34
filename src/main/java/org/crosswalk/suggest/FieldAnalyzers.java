package org.crosswalk.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * The analysis chain of the suggester: Lucene's English chain (standard tokenizer, lower case,
 * possessives, English stop words, Porter stemming), and on the query side a small synonym map of the
 * field, because the frameworks name the same duty in different words: the EU AI Act says
 * "record-keeping" and "human oversight" where NIST and ISO say "logging" and "human review".
 */
final class FieldAnalyzers {
    private FieldAnalyzers() {}

    /** Groups of words and phrases that name the same thing in the four frameworks (lower case, unstemmed). */
    static final List<List<String>> SYNONYMS = List.of(
            List.of("human oversight", "human review", "human intervention", "human control", "oversight"),
            List.of("record keeping", "recordkeeping", "logging", "logs", "event logs", "audit trail", "traceability"),
            List.of("post market monitoring", "monitoring", "operational monitoring", "monitored"),
            List.of("risk assessment", "risk analysis", "risk evaluation", "risk identification"),
            List.of("impact assessment", "impacts", "consequences for individuals"),
            List.of("transparency", "explainability", "interpretability", "explanation", "information to users"),
            List.of("data governance", "data quality", "data management", "data provenance", "datasets"),
            List.of("incident", "serious incident", "malfunction", "failure"),
            List.of("accuracy", "robustness", "reliability", "resilience", "validity"),
            List.of("technical documentation", "system documentation", "documented information"),
            List.of("third party", "supplier", "third parties", "suppliers", "value chain"),
            List.of("competence", "training", "awareness", "ai literacy", "skills"),
            List.of("bias", "fairness", "discrimination", "harmful bias"),
            List.of("decommissioning", "retirement", "phase out", "withdrawal", "deactivate"),
            List.of("roles and responsibilities", "responsibilities", "accountability", "authorities"),
            List.of("quality management system", "management system"),
            List.of("corrective action", "nonconformity", "corrective actions", "remediation"));

    private static final SynonymMap MAP = build();

    private static SynonymMap build() {
        try {
            SynonymMap.Builder b = new SynonymMap.Builder(true);
            for (List<String> group : SYNONYMS) {
                for (String a : group) for (String c : group) {
                    if (!a.equals(c)) b.add(phrase(a), phrase(c), true);
                }
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static CharsRef phrase(String words) {
        return SynonymMap.Builder.join(words.replace('-', ' ').split("\\s+"), new CharsRefBuilder());
    }

    /** Index side: plain English analysis. */
    static Analyzer index() {
        return chain(false);
    }

    /** Query side: English analysis with the synonyms of the field (a token graph QueryBuilder understands). */
    static Analyzer query(boolean synonyms) {
        return chain(synonyms);
    }

    private static Analyzer chain(boolean synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new StandardTokenizer();
                TokenStream t = new EnglishPossessiveFilter(source);
                t = new LowerCaseFilter(t);
                if (synonyms) t = new SynonymGraphFilter(t, MAP, true);
                t = new StopFilter(t, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                t = new PorterStemFilter(t);
                return new TokenStreamComponents(source, t);
            }
        };
    }
}
