package io.syncline.gateway.stream;

import io.syncline.gateway.web.ProblemAdvice;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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
                .setControllerAdvice(new ProblemAdvice()).build();

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
    void issuesATicketValidThirtySeconds() throws Exception {
        StreamTickets one = new StreamTickets(null) {
            @Override
            public String issue(JwtAuthenticationToken authentication) {
                return "t-" + authentication.getName();
            }
        };
        MockMvc mvc = MockMvcBuilders.standaloneSetup(new StreamTicketController(one))
                .setControllerAdvice(new ProblemAdvice()).build();

        mvc.perform(post("/api/stream/tickets").principal(StreamTicketsTest.authentication("alice", "m1", "VIEWER")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.ticket").value("t-alice"))
                .andExpect(jsonPath("$.expiresIn").value(30));
    }
}
