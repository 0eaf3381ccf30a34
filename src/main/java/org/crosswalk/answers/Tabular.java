package org.crosswalk.answers;

import java.util.List;

/** An answer that also reads as one flat table (for CSV and spreadsheets): a header and rows of text. */
public interface Tabular {
    List<String> csvHeader();

    List<List<String>> csvRows();
}
