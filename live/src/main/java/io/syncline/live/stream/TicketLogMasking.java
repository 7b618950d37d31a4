package io.syncline.live.stream;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.regex.Pattern;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.tomcat.util.buf.MessageBytes;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps stream tickets out of Tomcat's access log: once a request has been handled (the ticket is used up
 * by then), its query string shows {@code ticket=***}. The access log is written after that.
 */
@Configuration(proxyBeanMethods = false)
class TicketLogMasking {

    private static final Pattern TICKET = Pattern.compile("(^|&)ticket=[^&]*");

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> ticketMaskingValve() {
        return factory -> factory.addEngineValves(new MaskingValve());
    }

    /** The query string with every ticket's value replaced. */
    static String mask(String query) {
        return query == null ? null : TICKET.matcher(query).replaceAll("$1ticket=***");
    }

    static final class MaskingValve extends ValveBase {

        MaskingValve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            try {
                getNext().invoke(request, response);
            } finally {
                MessageBytes query = request.getCoyoteRequest().queryString();
                String value = query.toString();
                if (value != null && value.contains("ticket=")) {
                    query.setString(mask(value));
                }
            }
        }
    }
}
