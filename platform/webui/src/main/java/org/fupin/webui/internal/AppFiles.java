package org.fupin.webui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

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
 * What makes the web application installable and able to open without a network (see vite.config.js), at the root
 * where browsers look for them: its manifest and icons, its service worker and the script that registers it, each
 * with its media type (a browser runs a script only with a JavaScript one).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({ PageFilter.SERVICE_WORKER, AppFiles.REGISTER, "/manifest.json", "/icon-192.png",
    "/icon-512.png" })
@RequireHttpWhiteboard
public class AppFiles extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String REGISTER = "/registerSW.js";
    private static final Map<String, String> TYPES = Map.of(PageFilter.SERVICE_WORKER, "text/javascript;charset=UTF-8",
            REGISTER, "text/javascript;charset=UTF-8", "/manifest.json", "application/manifest+json;charset=UTF-8",
            "/icon-192.png", "image/png", "/icon-512.png", "image/png");

    private final transient Map<String, byte[]> files = new HashMap<>();

    @Activate
    public AppFiles(BundleContext context) throws IOException {
        for (String path : TYPES.keySet()) {
            var entry = context.getBundle().getEntry("webui" + path);
            if (entry == null) {
                throw new IOException("the bundle has no webui" + path + ": the front end was not built into it");
            }
            try (InputStream in = entry.openStream()) {
                files.put(path, in.readAllBytes());
            }
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        byte[] file = files.get(path);
        if (file == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(TYPES.get(path));
        response.setContentLength(file.length);
        response.getOutputStream().write(file);
    }
}
