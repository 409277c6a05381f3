/**
 * Accounts and sign-in: {@link org.fupin.accounts.api.Accounts} manages users (each with a region subtree, an
 * agency and roles) within an administrator's own scope; {@link org.fupin.accounts.api.Authentication} turns a
 * user name and password into an expiring bearer token and a token back into the
 * {@link org.fupin.registry.api.Actor} every service checks.
 */
@Export
@Version("1.2.0")
package org.fupin.accounts.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
