/**
 * Background jobs: work too long for one request (an import of a million households, an eligibility run over a
 * province, a large export, scheduled work) runs as a {@link org.fupin.jobs.api.Jobs job} that callers follow —
 * state, progress, an estimate — and may cancel; every job is recorded, so after a restart an unfinished one shows
 * as interrupted with the counts it had reached.
 */
@Export
@Version("1.0.0")
package org.fupin.jobs.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
