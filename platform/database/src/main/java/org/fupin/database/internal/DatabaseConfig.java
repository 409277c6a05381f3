package org.fupin.database.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Fupin database", description = "The embedded SQLite database of the platform")
public @interface DatabaseConfig {
    String PID = "org.fupin.database";

    @AttributeDefinition(name = "File", description = "Database file; empty means fupin.db in the data folder")
    String file() default "";

    @AttributeDefinition(name = "Synchronous", description = "FULL: a commit survives power loss too; "
            + "NORMAL: survives a process crash, faster", options = {
                @Option(label = "FULL", value = "FULL"), @Option(label = "NORMAL", value = "NORMAL")})
    String synchronous() default "FULL";

    @AttributeDefinition(name = "Busy timeout (ms)", description = "How long a statement waits for a lock", min = "0")
    int busyTimeoutMillis() default 10_000;

    /** About the number of requests that read at once (32 concurrent GETs: 5,700 req/s on 32, 5,300 on 8). */
    @AttributeDefinition(name = "Read connections", description = "Size of the read-only connection pool: "
            + "about the number of requests that read at once", min = "1")
    int readConnections() default 32;

    @AttributeDefinition(name = "Page cache (KiB) per read connection", min = "1024")
    int cacheKibibytes() default 8_192;

    /**
     * The writer's cache holds the index pages every write touches (ID numbers and names of a whole province's
     * people); with the readers' 8 MiB an import of 1,000,000 households re-read them from the file system.
     */
    @AttributeDefinition(name = "Writer page cache (MiB)", description = "Page cache of the one connection that "
            + "writes", min = "8")
    int writerCacheMebibytes() default 128;

    @AttributeDefinition(name = "WAL limit (MiB)", description = "Past this size the write-ahead log is "
            + "checkpointed into the database and started over, briefly holding writes; the file stays about "
            + "this size", min = "1")
    int walLimitMebibytes() default 256;
}
