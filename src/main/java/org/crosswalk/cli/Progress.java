package org.crosswalk.cli;

import java.io.PrintStream;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars on stderr for the steps that take more than a second (building the graph, indexing,
 * exporting), and nothing at all when stderr is not a terminal (CI logs, pipes, redirected output).
 */
final class Progress implements AutoCloseable {
    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    static Progress start(String task, int steps) {
        if (!interactive()) return new Progress(null);
        ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(steps).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true))).setUpdateIntervalMillis(200)
                .hideEta().build();
        return new Progress(bar);
    }

    void step(String what) {
        if (bar == null) return;
        bar.setExtraMessage(what);
        bar.step();
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }

    /**
     * A terminal is attached. Since JDK 22 System.console() exists even when output is redirected, so
     * ask Console.isTerminal() where the runtime has it (the build targets 21, hence reflection).
     */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console is only there when attached to a terminal
        }
    }
}
