package io.shopops.growth.content;

import io.shopops.growth.TrackingCodes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The status machine of content pieces and their tracking codes.
 */
class ContentStatusTests {

	@Test
	void piecesMoveForwardAndMayStepBackUntilPublished() {
		assertThat(ContentStatus.IDEA.next()).containsExactly(ContentStatus.SCRIPTING, ContentStatus.SCHEDULED,
				ContentStatus.ARCHIVED);
		assertThat(ContentStatus.SCRIPTING.canMoveTo(ContentStatus.IDEA)).isTrue();
		assertThat(ContentStatus.SCHEDULED.canMoveTo(ContentStatus.SCRIPTING)).isTrue();
		assertThat(ContentStatus.SCHEDULED.canMoveTo(ContentStatus.PUBLISHED)).isTrue();
		assertThat(ContentStatus.IDEA.canMoveTo(ContentStatus.PUBLISHED)).isFalse();
		assertThat(ContentStatus.PUBLISHED.next()).containsExactly(ContentStatus.ARCHIVED);
		assertThat(ContentStatus.ARCHIVED.next()).isEmpty();
		assertThat(ContentStatus.IDEA.canMoveTo(ContentStatus.IDEA)).isFalse();
	}

	@Test
	void schedulingAndPublishingNeedAPublishTime() {
		assertThatExceptionOfType(ContentRuleException.class)
			.isThrownBy(() -> ContentStatus.SCRIPTING.checkMoveTo(ContentStatus.SCHEDULED, false))
			.extracting(ContentRuleException::code)
			.isEqualTo("content.status.needsPublishTime");
		assertThatNoException().isThrownBy(() -> ContentStatus.SCRIPTING.checkMoveTo(ContentStatus.SCHEDULED, true));
		assertThatNoException().isThrownBy(() -> ContentStatus.IDEA.checkMoveTo(ContentStatus.ARCHIVED, false));
		assertThatExceptionOfType(ContentRuleException.class)
			.isThrownBy(() -> ContentStatus.ARCHIVED.checkMoveTo(ContentStatus.IDEA, true))
			.extracting(ContentRuleException::code)
			.isEqualTo("content.status.notAllowed");
	}

	@Test
	void statusesParseIgnoringCase() {
		assertThat(ContentStatus.parse(" scheduled ")).contains(ContentStatus.SCHEDULED);
		assertThat(ContentStatus.parse("nope")).isEmpty();
		assertThat(ContentStatus.parse(null)).isEmpty();
	}

	@Test
	void generatedTrackingCodesAreShortUrlSafeAndValid() {
		for (int i = 0; i < 200; i++) {
			String code = TrackingCodes.generate();
			assertThat(code).hasSize(6).matches("C[2-9A-HJKMNP-Z]{5}");
			assertThat(TrackingCodes.isValid(code)).isTrue();
		}
		assertThat(TrackingCodes.normalize(" c7k2m9 ")).isEqualTo("C7K2M9");
		assertThat(TrackingCodes.normalize("  ")).isNull();
		assertThat(TrackingCodes.isValid("AB")).isFalse();
		assertThat(TrackingCodes.isValid("A B C")).isFalse();
		assertThat(TrackingCodes.isValid("LIVE-1212_A")).isTrue();
		assertThat(TrackingCodes.isValid("X".repeat(17))).isFalse();
	}

}
