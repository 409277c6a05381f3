package org.fupin.jobs.api;

import java.nio.file.Path;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** What a running job reports to, and asks of, the platform. */
@ProviderType
public interface JobContext {
    /** The job's id. */
    String id();

    /**
     * Reports progress: cheap to call as often as convenient (the record is written at most about once a second,
     * so that a restart finds recent counts).
     *
     * @param total units in all, or {@code -1} while unknown
     */
    void progress(long done, long total, Map<String, Long> counts);

    /** Whether someone asked the job to stop: a job checks between units and ends consistent. */
    boolean cancelled();

    /** A folder of the job's own, kept with its record: its input, and files for callers to download. */
    Path folder();
}
