/**
 * The HTTP error contract every Fupin resource shares: {@link org.fupin.web.api.ApiException} carries a status,
 * a stable code, a message and per-field problems; the web bundle turns it into
 * {@code {"error":{"code","message","fields":[…]}}}.
 */
@Export
@Version("1.1.0")
package org.fupin.web.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
