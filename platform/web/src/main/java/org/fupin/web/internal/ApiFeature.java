package org.fupin.web.internal;

import org.fupin.web.api.ApiResource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * The cross-cutting part of the JSON API, registered once as a whiteboard extension that every
 * {@link ApiResource} requires: Jackson for bodies, a bound on their size, and the mappers that turn every failure
 * into the JSON error contract.
 */
@Component(service = Feature.class, configurationPid = ApiFeature.PID)
@Designate(ocd = ApiFeature.Config.class)
@JakartarsExtension
@JakartarsName(ApiResource.EXTENSION_NAME)
@RequireJakartarsWhiteboard
public class ApiFeature implements Feature {
    static final String PID = "org.fupin.web";

    @ObjectClassDefinition(name = "Fupin JSON API")
    public @interface Config {
        @AttributeDefinition(name = "Largest JSON request body (KiB)",
                description = "Larger bodies get 413; CSV imports and plugin uploads have limits of their own",
                min = "1")
        int maxJsonKibibytes() default 1024;
    }

    private final int maxJsonKibibytes;

    @Activate
    public ApiFeature(Config config) {
        this.maxJsonKibibytes = config.maxJsonKibibytes();
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new JacksonJsonProvider(ObjectMappers.api()));
        context.register(new JsonBodyLimit(maxJsonKibibytes));
        context.register(new ApiExceptionMapper());
        context.register(new WebApplicationExceptionMapper());
        context.register(new JsonProcessingExceptionMapper());
        context.register(new UnexpectedExceptionMapper());
        return true;
    }
}
