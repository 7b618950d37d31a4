package io.syncline.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;

class ProblemAdviceTest {

    enum Colour {
        RED,
        GREEN
    }

    record Paint(Colour colour, List<Coat> coats) {}

    record Coat(@Strict Integer layers) {}

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void namesTheFieldOfAnUnknownEnumValue() {
        ProblemDetail problem = unreadable("{\"colour\":\"BLUE\"}");
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(errors(problem)).containsExactly(new FieldMessage("colour", "must be one of [RED, GREEN]"));
    }

    @Test
    void namesNestedFieldsByTheirPath() {
        ProblemDetail problem = unreadable("{\"coats\":[{\"layers\":1},{\"layers\":\"2\"}]}");
        assertThat(errors(problem)).containsExactly(new FieldMessage("coats[1].layers", "must be an integer"));
    }

    @Test
    void tellsMalformedJsonFromWrongShapes() {
        assertThat(unreadable("{\"colour\":").getType().toString()).isEqualTo("urn:syncline:problem:malformed-request");
        assertThat(errors(unreadable("[1]"))).containsExactly(new FieldMessage("body", "must be a JSON object"));
    }

    @Test
    void makesAnOversizedBody413() {
        HttpMessageNotReadableException ex = new HttpMessageNotReadableException(
                "too big", new BodyTooLargeException(10), new MockHttpInputMessage(new byte[0]));
        assertThat(ProblemAdvice.unreadable(ex).getStatus()).isEqualTo(413);
    }

    private ProblemDetail unreadable(String body) {
        HttpInputMessage message = new MockHttpInputMessage(body.getBytes());
        try {
            json.readValue(body, Paint.class);
            throw new AssertionError("expected " + body + " to fail");
        } catch (IOException e) {
            return ProblemAdvice.unreadable(new HttpMessageNotReadableException(e.getMessage(), e, message));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<FieldMessage> errors(ProblemDetail problem) {
        Map<String, Object> properties = problem.getProperties();
        return properties == null ? List.of() : (List<FieldMessage>) properties.get(Problems.ERRORS);
    }
}
