package io.syncline.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static SecretBox box(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return new SecretBox(new SecretKeySpec(key, "AES"));
    }

    @Test
    void opensWhatItSealedForTheSamePlace() {
        byte[] sealed = box(1).seal("shpss_secret", "m1/shop/webhookSecret");

        assertThat(box(1).open(sealed, "m1/shop/webhookSecret")).isEqualTo("shpss_secret");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("shpss_secret");
    }

    @Test
    void sealsTheSameValueDifferentlyEachTime() {
        assertThat(box(1).seal("same", "ctx")).isNotEqualTo(box(1).seal("same", "ctx"));
    }

    @Test
    void refusesAnotherPlaceAnotherKeyOrAlteredBytes() {
        byte[] sealed = box(1).seal("shpss_secret", "m1/shop/webhookSecret");
        assertThatThrownBy(() -> box(1).open(sealed, "m2/shop/webhookSecret"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box(2).open(sealed, "m1/shop/webhookSecret"))
                .isInstanceOf(IllegalStateException.class);
        byte[] altered = sealed.clone();
        altered[altered.length - 1] ^= 1;
        assertThatThrownBy(() -> box(1).open(altered, "m1/shop/webhookSecret"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void wantsAnAes256Key() {
        assertThatThrownBy(() -> new SecretBox(new SecretKeySpec(new byte[16], "AES")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
