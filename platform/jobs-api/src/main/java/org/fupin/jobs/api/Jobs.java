package org.fupin.jobs.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.fupin.registry.api.Actor;
import org.fupin.registry.api.Page;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Runs work in the background and keeps its record. Readers see the jobs started within their region (a province
 * administrator every job of the province, a clerk those of the village's users); a job outside it behaves as if
 * it did not exist.
 */
@ProviderType
public interface Jobs {
    /** Puts a job's input into its folder before the job starts: an upload, say. */
    @FunctionalInterface
    interface Input {
        void into(Path folder) throws IOException;
    }

    /**
     * Lets {@code input} put the job's input into a new folder (on the caller's thread: an upload is read before
     * the request ends), then records a job of {@code kind} for {@code owner} and runs {@code work} in the
     * background. If {@code input} throws, there is no job and the exception reaches the caller.
     *
     * @return the job, queued
     */
    Job start(String kind, Actor owner, Input input, JobWork work) throws IOException;

    Optional<Job> find(String id, Actor reader);

    /** The jobs within the reader's region, newest first, 0-based pages. */
    Page<Job> list(String kind, int page, int size, Actor reader);

    /**
     * Asks a queued or running job to stop (its owner, or an administrator whose region covers it); a finished job
     * stays as it is.
     *
     * @throws org.fupin.registry.api.AccessDeniedException neither the owner nor an administrator of its region
     */
    Job cancel(String id, Actor actor);

    /** A file in the job's folder, for its readers to download; empty when the job or the file is not there. */
    Optional<Path> file(String id, String name, Actor reader);
}
