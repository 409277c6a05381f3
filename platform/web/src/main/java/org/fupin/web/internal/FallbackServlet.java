package org.fupin.web.internal;

import java.io.IOException;

import org.fupin.web.api.ApiError;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The default servlet ({@code /}): every path that no API resource or UI serves answers 404 in the JSON error
 * contract instead of the container's HTML page.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/")
@RequireHttpWhiteboard
public class FallbackServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ObjectMapper mapper = ObjectMappers.api();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var error = new ApiError("not_found", "No resource at " + request.getRequestURI(), null);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("application/json;charset=UTF-8");
        mapper.writeValue(response.getOutputStream(), new ApiError.Envelope(error));
    }
}
