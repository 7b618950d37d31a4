package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.syncline.gateway.security.Caller;
import io.syncline.gateway.security.Role;
import io.syncline.gateway.web.ProblemAdvice;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** The SSE endpoint in Spring MVC with the gateway's problem handling, the caller fixed to merchant m1. */
class StreamControllerTest {

    private final InMemoryStreamStore store = new InMemoryStreamStore();
    private StreamHub hub;
    private MockMvc mvc;

    @BeforeEach
    void setUp() {
        store.append("m1", StreamTopic.ORDERS, "order.placed");
        store.append("m2", StreamTopic.ORDERS, "order.placed");
        store.append("m1", StreamTopic.INVENTORY, "stock.changed");
        StreamProperties properties = StreamHubTest.properties(100);
        hub = new StreamHub(
                store,
                properties,
                Clock.systemUTC(),
                Executors.newSingleThreadScheduledExecutor(),
                new DirectExecutorService(),
                StreamHub.CLIENT_BUFFER);
        hub.start();
        mvc = MockMvcBuilders.standaloneSetup(
                        new StreamController(hub, properties, new StreamConnections(StreamAccessProperties.defaults())))
                .setControllerAdvice(new ProblemAdvice())
                .setCustomArgumentResolvers(caller(new Caller("alice", "m1", Set.of(Role.VIEWER))))
                .build();
    }

    @AfterEach
    void stopHub() {
        hub.stop();
    }

    @Test
    void streamsUnbufferedEventsStartingWithARetryHint() throws Exception {
        MvcResult result = mvc.perform(get("/api/stream").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted())
                .andExpect(status().isOk())
                .andExpect(header().string("X-Accel-Buffering", "no"))
                .andExpect(header().string("Cache-Control", "no-cache"))
                .andReturn();
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.TEXT_EVENT_STREAM_VALUE);
        assertThat(result.getResponse().getContentAsString()).isEqualTo("retry: 3000\n\n");

        store.append("m2", StreamTopic.ORDERS, "order.placed");
        store.append("m1", StreamTopic.ORDERS, "order.confirmed");
        hub.poll();
        hub.heartbeat();

        assertThat(result.getResponse().getContentAsString())
                .isEqualTo("retry: 3000\n\n"
                        + "id: 5\nevent: order.confirmed\ndata: {\"merchantId\":\"m1\",\"n\":5}\n\n"
                        + ": heartbeat\n\n");
    }

    @Test
    void resumesAfterTheLastEventIdHeader() throws Exception {
        MvcResult result = mvc.perform(get("/api/stream").header("Last-Event-ID", "1"))
                .andExpect(request().asyncStarted())
                .andReturn();

        assertThat(result.getResponse().getContentAsString())
                .isEqualTo("retry: 3000\n\nid: 3\nevent: stock.changed\ndata: {\"merchantId\":\"m1\",\"n\":3}\n\n");
    }

    @Test
    void resumesAfterTheLastEventIdParameterForTheChosenTopics() throws Exception {
        MvcResult result = mvc.perform(get("/api/stream?topics=orders&lastEventId=0"))
                .andExpect(request().asyncStarted())
                .andReturn();

        assertThat(result.getResponse().getContentAsString())
                .isEqualTo("retry: 3000\n\nid: 1\nevent: order.placed\ndata: {\"merchantId\":\"m1\",\"n\":1}\n\n");
    }

    @Test
    void refusesUnknownTopicsAsAProblem() throws Exception {
        mvc.perform(get("/api/stream?topics=orders,weather").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("topics"));
        assertThat(hub.subscriptionCount()).isZero();
    }

    @Test
    void refusesAMalformedLastEventId() throws Exception {
        mvc.perform(get("/api/stream").header("Last-Event-ID", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("Last-Event-ID"));
        mvc.perform(get("/api/stream?lastEventId=-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lastEventId"));
    }

    @Test
    void answersAResumeOlderThanTheRetentionWindowWith410() throws Exception {
        store.deleteUpTo(2);

        mvc.perform(get("/api/stream").header("Last-Event-ID", "1").accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(status().isGone())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:syncline:problem:stream-resume-expired"))
                .andExpect(jsonPath("$.status").value(410))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("reconnect without Last-Event-ID")))
                .andExpect(jsonPath("$.errors[0].field").value("Last-Event-ID"));
        assertThat(hub.subscriptionCount()).isZero();

        mvc.perform(get("/api/stream?lastEventId=2")).andExpect(request().asyncStarted());
    }

    @Test
    void answersAResumeIdNeverHandedOutWith410NamingTheParameter() throws Exception {
        mvc.perform(get("/api/stream?lastEventId=4"))
                .andExpect(status().isGone())
                .andExpect(jsonPath("$.errors[0].field").value("lastEventId"))
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.containsString("reconnect without lastEventId")));
        assertThat(hub.subscriptionCount()).isZero();
    }

    @Test
    void forgetsTheClientWhenTheConnectionEnds() throws Exception {
        MvcResult result = mvc.perform(get("/api/stream"))
                .andExpect(request().asyncStarted())
                .andReturn();
        assertThat(hub.subscriptionCount()).isEqualTo(1);

        result.getRequest().getAsyncContext().complete();

        assertThat(hub.subscriptionCount()).isZero();
    }

    private static HandlerMethodArgumentResolver caller(Caller caller) {
        return new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return Caller.class.equals(parameter.getParameterType());
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer container,
                    NativeWebRequest request,
                    WebDataBinderFactory binders) {
                return caller;
            }
        };
    }
}
