package org.fupin.jobs.api;

import java.time.Instant;
import java.util.Map;

/**
 * A job as its readers see it.
 *
 * @param scope        the region-code prefix of the user who started it; readers see the jobs within their region
 * @param done         units of work done (bytes read, households checked: the job's kind says which)
 * @param total        units in all, or {@code -1} while unknown
 * @param counts       what the job counted so far (e.g. {@code stored}, {@code rejected}), in its own words
 * @param percent      done of total, {@code null} while the total is unknown
 * @param estimatedEnd when the job should end at its pace so far, {@code null} while unknown or once it ended
 * @param result       what a finished job reports, {@code null} before
 * @param error        why a job failed, {@code null} otherwise
 */
public record Job(String id, String kind, String owner, String scope, JobState state, Instant createdAt,
        Instant startedAt, Instant finishedAt, long done, long total, Map<String, Long> counts, Integer percent,
        Instant estimatedEnd, Map<String, Object> result, String error) {
    public Job {
        counts = counts == null ? Map.of() : Map.copyOf(counts);
    }
}
