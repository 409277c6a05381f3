package org.fupin.jobs.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Fupin background jobs")
public @interface JobsConfig {
    String PID = "org.fupin.jobs";

    @AttributeDefinition(name = "Jobs run at once", min = "1", description = "More wait, queued: jobs that write "
            + "share the database's one writer, so more workers would not make them faster")
    int workers() default 2;

    @AttributeDefinition(name = "Folder", description = "Where jobs keep their files; empty means jobs/ in the data folder")
    String folder() default "";
}
