package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.syncline.gateway.web.ProblemAdvice;
import io.syncline.gateway.web.ProblemWriter;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The ticket endpoint's answers; the tickets themselves are covered by {@link StreamTicketsTest}. */
class StreamTicketControllerTest {

    @Test
    void aUserOverTheTicketCapGets429WithRetryAfter() throws Exception {
        StreamTickets full = new StreamTickets(null) {
            @Override
            public String issue(JwtAuthenticationToken authentication) {
                throw new TooManyTicketsException();
            }
        };
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new StreamTicketController(full))
                .setControllerAdvice(new ProblemAdvice())
                .build();

        mvc.perform(post("/api/stream/tickets").principal(StreamTicketsTest.authentication("alice", "m1", "VIEWER")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:syncline:problem:rate-limited"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.instance").value("/api/stream/tickets"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("100 unused")));
    }

    @Test
    void withoutItsDatabaseTheEndpointAnswers503() throws Exception {
        StreamTickets down = new StreamTickets(null) {
            @Override
            public String issue(JwtAuthenticationToken authentication) {
                throw new DataAccessResourceFailureException("connection refused");
            }
        };
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new StreamTicketController(down))
                .setControllerAdvice(new ProblemAdvice())
                .build();

        mvc.perform(post("/api/stream/tickets").principal(StreamTicketsTest.authentication("alice", "m1", "VIEWER")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(503));
    }

    @Test
    void withoutItsDatabaseATicketCannotBeCheckedAndTheStreamAnswers503() throws Exception {
        StreamTickets down = new StreamTickets(null) {
            @Override
            public Optional<JwtAuthenticationToken> redeem(String ticket) {
                throw new DataAccessResourceFailureException("connection refused");
            }
        };
        StreamTicketFilter filter = new StreamTicketFilter(down, new ProblemWriter(new ObjectMapper()));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/stream");
        request.setParameter(StreamTicketFilter.PARAMETER, "t-1");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(response.getContentAsString()).contains("cannot be checked");
        assertThat(chain.getRequest()).as("the stream is not opened").isNull();
    }

    @Test
    void issuesATicketValidThirtySeconds() throws Exception {
        StreamTickets one = new StreamTickets(null) {
            @Override
            public String issue(JwtAuthenticationToken authentication) {
                return "t-" + authentication.getName();
            }
        };
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new StreamTicketController(one))
                .setControllerAdvice(new ProblemAdvice())
                .build();

        mvc.perform(post("/api/stream/tickets").principal(StreamTicketsTest.authentication("alice", "m1", "VIEWER")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.ticket").value("t-alice"))
                .andExpect(jsonPath("$.expiresIn").value(30));
    }
}
