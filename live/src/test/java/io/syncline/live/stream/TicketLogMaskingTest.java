package io.syncline.live.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TicketLogMaskingTest {

    @Test
    void masksTicketsInLoggedQueryStrings() {
        assertThat(TicketLogMasking.mask("ticket=abc&topics=orders")).isEqualTo("ticket=***&topics=orders");
        assertThat(TicketLogMasking.mask("topics=orders&ticket=abc")).isEqualTo("topics=orders&ticket=***");
        assertThat(TicketLogMasking.mask("noticket=abc")).isEqualTo("noticket=abc");
        assertThat(TicketLogMasking.mask(null)).isNull();
    }
}
