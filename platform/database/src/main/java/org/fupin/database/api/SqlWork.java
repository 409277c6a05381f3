package org.fupin.database.api;

import java.sql.Connection;
import java.sql.SQLException;

/** Work done with a connection that the {@link Database} lends for the duration of the call. */
@FunctionalInterface
@org.osgi.annotation.versioning.ConsumerType
public interface SqlWork<T> {
    T apply(Connection connection) throws SQLException;
}
