package org.crosswalk.suggest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * Ranks the requirements of one framework as mapping candidates for each requirement of another, by
 * text similarity with Lucene: BM25 over the candidate's title (boosted) and text, the query being the
 * source requirement's own title and text run through the English analyzer with the field's synonyms
 * ({@link FieldAnalyzers}). An index in memory per run: a few hundred documents, built in milliseconds.
 *
 * <p>Why this and not more: BM25 with stemming and synonyms is explainable to a reviewer (the shared
 * words), needs no model, and is the baseline to beat; the evaluation in bench/ measures it.
 */
public final class Suggester {

    /** How a run ranks: full (title and text, synonyms) or the title-only baseline of the evaluation. */
    public enum Mode { FULL, TITLE_ONLY }

    /** One candidate: the source, the target, its rank (1 = best), the BM25 score and the score normalised 0–1. */
    public record Suggestion(RequirementText source, RequirementText target, int rank, double score, double confidence) {}

    static final float TITLE_BOOST = 2.0f;

    static {
        // Long legal texts make long queries; the clause limit is per query, and these stay in memory.
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 16384));
    }

    private Suggester() {}

    /**
     * The top {@code k} candidates in {@code targets} for every requirement in {@code sources}. Confidence
     * is the score divided by the best score of the whole run, so it is comparable within one output file.
     */
    public static List<Suggestion> suggest(List<RequirementText> sources, List<RequirementText> allTargets, int k, Mode mode) {
        // Candidates are leaves, the level curated rows prefer (DESIGN.md): a parent's text only repeats its children's.
        List<RequirementText> targets = mode == Mode.FULL ? allTargets.stream().filter(RequirementText::leaf).toList() : allTargets;
        List<Suggestion> raw = new ArrayList<>();
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            IndexWriterConfig config = new IndexWriterConfig(FieldAnalyzers.index()).setSimilarity(new BM25Similarity());
            try (IndexWriter w = new IndexWriter(dir, config)) {
                for (int i = 0; i < targets.size(); i++) {
                    RequirementText t = targets.get(i);
                    Document d = new Document();
                    d.add(new StoredField("i", i));
                    d.add(new TextField("title", t.title() + " " + t.notation(), Field.Store.NO));
                    if (mode == Mode.FULL) d.add(new TextField("text", t.text(), Field.Store.NO));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                IndexSearcher searcher = new IndexSearcher(reader);
                searcher.setSimilarity(new BM25Similarity());
                Analyzer analyzer = FieldAnalyzers.query(mode == Mode.FULL);
                QueryBuilder builder = new QueryBuilder(analyzer);
                for (RequirementText s : sources) {
                    String words = mode == Mode.FULL ? s.title() + " " + s.text() : s.title();
                    if (words.isBlank()) words = s.text();
                    Query query = query(builder, words, mode);
                    if (query == null) continue;
                    ScoreDoc[] hits = searcher.search(query, k).scoreDocs;
                    for (int r = 0; r < hits.length; r++) {
                        int i = searcher.storedFields().document(hits[r].doc).getField("i").numericValue().intValue();
                        raw.add(new Suggestion(s, targets.get(i), r + 1, hits[r].score, 0));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double best = raw.stream().mapToDouble(Suggestion::score).max().orElse(1);
        return raw.stream().map(x -> new Suggestion(x.source(), x.target(), x.rank(), x.score(),
                Math.round(x.score() / best * 1000) / 1000.0)).toList();
    }

    private static Query query(QueryBuilder builder, String words, Mode mode) {
        Query title = builder.createBooleanQuery("title", words);
        if (title == null) return null;
        if (mode == Mode.TITLE_ONLY) return title;
        Query text = builder.createBooleanQuery("text", words);
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(new BoostQuery(title, TITLE_BOOST), BooleanClause.Occur.SHOULD);
        if (text != null) q.add(text, BooleanClause.Occur.SHOULD);
        return q.build();
    }
}
