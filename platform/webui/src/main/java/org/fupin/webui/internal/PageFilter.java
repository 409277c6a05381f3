package org.fupin.webui.internal;

import java.io.IOException;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web application at {@code /} (forwarded to its page, since the platform's default servlet answers every
 * other unknown path with a JSON 404) and the page's own headers, set after the platform's security headers (a lower
 * ranking runs later): a policy that lets it load its own scripts and styles and nothing else, and caching — the page
 * revalidated, the content-hashed assets kept for a year. The API has a servlet context of its own and never passes
 * here.
 */
@Component(service = Filter.class, property = "service.ranking:Integer=-100")
@HttpWhiteboardFilterPattern("/*")
public class PageFilter implements Filter {
    static final String POLICY = "default-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
    static final String SERVICE_WORKER = "/sw.js";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse page)) {
            chain.doFilter(request, response);
            return;
        }
        String path = http.getRequestURI();
        boolean asset = path.startsWith("/assets/");
        // the service worker is checked for a new version on every visit: never kept by the browser's cache
        if (asset || path.equals("/") || path.equals("/index.html") || path.equals(SERVICE_WORKER)) {
            page.setHeader("Content-Security-Policy", POLICY);
            page.setHeader("Cache-Control", asset ? "public, max-age=31536000, immutable" : "no-cache");
        }
        if (path.equals("/")) {
            request.getRequestDispatcher("/index.html").forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
