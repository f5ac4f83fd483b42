package org.cultivate.intake;

import java.util.HashSet;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TrackingCodesTest {

    @Test
    void codesAreUrlSafeWithAtLeast128RandomBits() {
        var codes = new HashSet<String>();
        for (int i = 0; i < 1000; i++) {
            String code = TrackingCodes.newCode();
            assertThat(code).matches("[A-Za-z0-9_-]{32}");
            assertThat(Base64.getUrlDecoder().decode(code)).hasSizeGreaterThanOrEqualTo(16);
            assertThat(TrackingCodes.looksLikeCode(code)).isTrue();
            codes.add(code);
        }
        assertThat(codes).hasSize(1000);
    }

    @Test
    void onlyAHashIsKeptAndItIsStable() {
        String code = TrackingCodes.newCode();
        assertThat(TrackingCodes.hash(code)).hasSize(64).isEqualTo(TrackingCodes.hash(code)).doesNotContain(code);
        assertThat(TrackingCodes.hash(code)).isNotEqualTo(TrackingCodes.hash(TrackingCodes.newCode()));
    }

    @Test
    void rejectsWhatCannotBeACodeWithoutLookingItUp() {
        assertThat(TrackingCodes.looksLikeCode("short")).isFalse();
        assertThat(TrackingCodes.looksLikeCode("../../../../etc/passwd/aaaaaaaaaa")).isFalse();
        assertThat(TrackingCodes.looksLikeCode(null)).isFalse();
    }

    @Test
    void referencesCarryTheProcessInitialsAndNoAmbiguousLetters() {
        assertThat(TrackingCodes.newReference("conduct-incident")).matches("CI-[0-9A-HJKMNP-TV-Z]{8}");
        assertThat(TrackingCodes.newReference("task-force-application")).startsWith("TFA-");
    }
}
