package org.fupin.jobs.api;

/** Where a job is; the last four are final. */
public enum JobState {
    /** Accepted, waiting for a worker. */
    QUEUED,
    RUNNING,
    SUCCEEDED,
    /** Ended by an error; {@link Job#error()} says which. */
    FAILED,
    /** Stopped on request; what it committed before stays. */
    CANCELLED,
    /** The platform stopped while it ran; what it committed before stays. */
    INTERRUPTED;

    public boolean isFinal() {
        return this != QUEUED && this != RUNNING;
    }
}
