package org.secheaders.domain.demo;

/**
 * Receives seeding progress, e.g. for a CLI progress bar. Phases arrive in {@link SeedPhase}
 * order; within a phase {@code done} never decreases and ends equal to {@code total}. Called on
 * the seeding thread.
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (phase, done, total) -> { };

    void onProgress(SeedPhase phase, long done, long total);
}
