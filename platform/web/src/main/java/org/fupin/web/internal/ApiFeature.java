package org.fupin.web.internal;

import org.fupin.web.api.ApiResource;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jakartars.whiteboard.annotations.RequireJakartarsWhiteboard;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

/**
 * The cross-cutting part of the JSON API, registered once as a whiteboard extension that every
 * {@link ApiResource} requires: Jackson for bodies, and the mappers that turn every failure into the JSON error
 * contract.
 */
@Component(service = Feature.class)
@JakartarsExtension
@JakartarsName(ApiResource.EXTENSION_NAME)
@RequireJakartarsWhiteboard
public class ApiFeature implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new JacksonJsonProvider(ObjectMappers.api()));
        context.register(new ApiExceptionMapper());
        context.register(new WebApplicationExceptionMapper());
        context.register(new JsonProcessingExceptionMapper());
        context.register(new UnexpectedExceptionMapper());
        return true;
    }
}
