package org.fupin.registry.internal.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.fupin.accounts.api.Authentication;
import org.fupin.database.api.DatabaseException;
import org.fupin.registry.api.Actor;
import org.fupin.registry.internal.SqlHouseholdRegistry;
import org.fupin.registry.model.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Which requests the read filter answers itself, and that it hands every other one on untouched. */
class HouseholdReadFilterTest {
    static final Actor CLERK = new Actor("clerk", "620502001003", null, Set.of(Role.VILLAGE_CLERK));
    static final String JSON = "{\"id\":\"42\",\"version\":3,\"villageCode\":\"620502001003\"}";

    final SqlHouseholdRegistry registry = mock(SqlHouseholdRegistry.class);
    final Authentication authentication = mock(Authentication.class);
    final HouseholdReadFilter filter = new HouseholdReadFilter(registry, authentication);
    final FilterChain chain = mock(FilterChain.class);
    final HttpServletResponse response = mock(HttpServletResponse.class);
    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    HouseholdReadFilterTest() throws Exception {
        when(authentication.authenticate("good-token")).thenReturn(Optional.of(CLERK));
        when(authentication.authenticate("stale-token")).thenReturn(Optional.empty());
        when(registry.findJson("42", CLERK)).thenReturn(Optional.of(JSON));
        when(registry.findJson("43", CLERK)).thenReturn(Optional.empty());
        when(registry.findJson("44", CLERK)).thenThrow(new DatabaseException("disk I/O error", null));
        when(response.getOutputStream()).thenReturn(new ServletOutputStream() {
            @Override
            public void write(int b) {
                written.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        });
    }

    static HttpServletRequest request(String method, String uri, String query, String authorization, String accept) {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn(method);
        when(request.getRequestURI()).thenReturn(uri);
        when(request.getQueryString()).thenReturn(query);
        when(request.getHeaders("Authorization")).thenAnswer(call -> values(authorization));
        when(request.getHeaders("Accept")).thenAnswer(call -> values(accept));
        return request;
    }

    /** A header's values as the servlet API gives them; {@code a & b} stands for two headers. */
    static Enumeration<String> values(String header) {
        return Collections.enumeration(header == null ? List.of() : List.of(header.split(" & ")));
    }

    @Test
    void aVisibleHouseholdIsAnsweredWithTheResourcesBodyAndHeaders() throws Exception {
        var request = request("GET", "/api/v1/households/42", null, "bearer  good-token ", "application/json");

        filter.doFilter(request, response, chain);

        verify(chain, never()).doFilter(any(), any());
        verify(response).setStatus(200);
        verify(response).setContentType("application/json;charset=UTF-8");
        verify(response).setHeader("ETag", "\"3\"");
        verify(response).setContentLength(JSON.getBytes(StandardCharsets.UTF_8).length);
        assertArrayEquals(JSON.getBytes(StandardCharsets.UTF_8), written.toByteArray());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            no token: the resource answers 401           | GET  | /api/v1/households/42       | -     | -                  | -
            another scheme                               | GET  | /api/v1/households/42       | -     | Basic Z29vZA==     | -
            a token no session has                       | GET  | /api/v1/households/42       | -     | Bearer stale-token | -
            two tokens: the resource answers 401         | GET  | /api/v1/households/42       | -     | Bearer good-token & Bearer good-token | -
            JSON refused in a second Accept header       | GET  | /api/v1/households/42       | -     | Bearer good-token  | application/json & application/json;q=0
            a household the caller may not see, or none  | GET  | /api/v1/households/43       | -     | Bearer good-token  | -
            a read that fails: the resource answers 500  | GET  | /api/v1/households/44       | -     | Bearer good-token  | -
            a query                                      | GET  | /api/v1/households/42       | a=b   | Bearer good-token  | -
            JSON not acceptable: the resource answers 406 | GET | /api/v1/households/42       | -     | Bearer good-token  | text/csv
            HEAD                                         | HEAD | /api/v1/households/42       | -     | Bearer good-token  | -
            an update                                    | PUT  | /api/v1/households/42       | -     | Bearer good-token  | -
            a history                                    | GET  | /api/v1/households/42/history | -   | Bearer good-token  | -
            the counts                                   | GET  | /api/v1/households/counts   | -     | Bearer good-token  | -
            """)
    void everythingElseGoesOnToTheResource(String why, String method, String uri, String query, String authorization,
            String accept) throws Exception {
        var request = request(method, uri, query, authorization, accept);

        filter.doFilter(request, response, chain);

        verify(chain).doFilter(request, response);
        verify(response, never()).setStatus(anyInt());
        assertEquals(0, written.size());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            /api/v1/households/42                  | 42
            /api/v1/households/000123              | 000123
            /api/v1/households/999999999999999999  | 999999999999999999
            /api/v1/households/9999999999999999999 | -
            /api/v1/households/                    | -
            /api/v1/households                     | -
            /api/v1/households/4%32                | -
            /api/v1/households/42/                 | -
            /api/v1/households/42;x=1              | -
            /api/v1/households/counts              | -
            /ui/api/v1/households/42               | -
            -                                      | -
            """)
    void onlyAHouseholdsOwnPathNamesAnId(String uri, String id) {
        assertEquals(Optional.ofNullable(id), HouseholdReadFilter.householdId(uri));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            -                                        | true
            ''                                       | true
            application/json                         | true
            APPLICATION/JSON                         | true
            application/json;charset=UTF-8           | true
            application/*                            | true
            */*                                      | true
            text/html, application/json;q=0.9        | true
            application/json;q=0.5                   | true
            text/csv                                 | false
            text/csv, text/plain                     | false
            application/json;q=0                     | false
            application/json; q=0.0                  | false
            text/csv, */*;q=0                        | false
            """)
    void jsonIsAcceptableUnlessTheHeaderSaysOtherwise(String accept, boolean acceptable) {
        assertEquals(acceptable, HouseholdReadFilter.acceptsJson(accept));
    }
}
