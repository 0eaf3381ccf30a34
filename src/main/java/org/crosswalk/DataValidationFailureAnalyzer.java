package org.crosswalk;

import org.crosswalk.graph.DataValidationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Invalid data stops the start with the list of file:line problems, not a stack trace. */
public class DataValidationFailureAnalyzer extends AbstractFailureAnalyzer<DataValidationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataValidationException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Fix the files named above (or run the 'validate' check) and start again. Nothing was loaded.", cause);
    }
}
