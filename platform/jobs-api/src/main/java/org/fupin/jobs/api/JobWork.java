package org.fupin.jobs.api;

import java.util.Map;

/** The work of one job. */
@FunctionalInterface
public interface JobWork {
    /**
     * Does the work, reporting progress; returns what the job reports when done (its result). Returning after
     * {@link JobContext#cancelled()} ends the job {@link JobState#CANCELLED}; throwing ends it
     * {@link JobState#FAILED} with the exception's message.
     */
    Map<String, Object> run(JobContext context) throws Exception;
}
