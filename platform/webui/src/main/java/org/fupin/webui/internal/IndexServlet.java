package org.fupin.webui.internal;

import java.io.IOException;
import java.io.InputStream;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.annotations.RequireHttpWhiteboard;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web application's one page ({@code /} forwards here, see {@link PageFilter}): its screens are routes after the
 * {@code #}.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/index.html")
@RequireHttpWhiteboard
public class IndexServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PAGE = "webui/index.html";

    private final transient byte[] page;

    @Activate
    public IndexServlet(BundleContext context) throws IOException {
        var entry = context.getBundle().getEntry(PAGE);
        if (entry == null) {
            throw new IOException("the bundle has no " + PAGE + ": the front end was not built into it");
        }
        try (InputStream in = entry.openStream()) {
            this.page = in.readAllBytes();
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }
}
