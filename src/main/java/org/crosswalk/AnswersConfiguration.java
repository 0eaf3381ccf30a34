package org.crosswalk;

import java.nio.file.Path;

import org.crosswalk.answers.Catalogue;
import org.crosswalk.answers.CrosswalkAnswers;
import org.crosswalk.answers.RequirementIndex;
import org.crosswalk.export.Exports;
import org.crosswalk.queries.NamedQueryLibrary;
import org.crosswalk.queries.NamedQueryRunner;
import org.crosswalk.store.CrosswalkStore;
import org.crosswalk.store.DataGeneration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The REST door's parts: the named queries of queries/, the id index, the answers built on them, the exports. */
@Configuration(proxyBeanMethods = false)
public class AnswersConfiguration {

    @Bean
    NamedQueryLibrary namedQueryLibrary(@Value("${crosswalk.queries-dir:queries}") Path queriesDir) {
        return NamedQueryLibrary.load(queriesDir);
    }

    @Bean
    DataGeneration dataGeneration(CrosswalkStore store) {
        return DataGeneration.of(store);
    }

    /**
     * Answers are cached by query, parameters and data generation (crosswalk.result-cache-rows=0 turns that
     * off); the time of every query run on the store is a metric.
     */
    @Bean
    NamedQueryRunner namedQueryRunner(CrosswalkStore store, NamedQueryLibrary library, CrosswalkProperties props,
            DataGeneration generation, io.micrometer.core.instrument.MeterRegistry metrics) {
        return new NamedQueryRunner(store, library, props.queryTimeout(), generation::current,
                props.resultCacheRows(), metrics);
    }

    @Bean
    RequirementIndex requirementIndex(CrosswalkStore store) {
        return RequirementIndex.load(store);
    }

    @Bean
    Catalogue catalogue(NamedQueryRunner runner, RequirementIndex index) {
        return new Catalogue(runner, index);
    }

    @Bean
    CrosswalkAnswers crosswalkAnswers(NamedQueryRunner runner, RequirementIndex index) {
        return new CrosswalkAnswers(runner, index);
    }

    @Bean
    Exports exports(CrosswalkStore store, CrosswalkAnswers answers) {
        return new Exports(store, answers);
    }
}
