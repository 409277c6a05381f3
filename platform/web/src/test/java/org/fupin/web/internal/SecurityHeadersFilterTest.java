package org.fupin.web.internal;

import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

class SecurityHeadersFilterTest {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            X-Content-Type-Options  | nosniff
            X-Frame-Options         | DENY
            Referrer-Policy         | no-referrer
            Content-Security-Policy | default-src 'none'; frame-ancestors 'none'
            Cache-Control           | no-store
            """)
    void setsEachHeaderBeforeWhateverAnswersTheRequest(String header, String value) throws Exception {
        var request = mock(HttpServletRequest.class);
        var response = mock(HttpServletResponse.class);
        var chain = mock(FilterChain.class);

        new SecurityHeadersFilter().doFilter(request, response, chain);

        var order = inOrder(response, chain);
        order.verify(response).setHeader(header, value);
        order.verify(chain).doFilter(request, response);
    }
}
