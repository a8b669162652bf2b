package io.shopops.fulfilment.aftersales.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ratings as stars, numbers and the words of Chinese marketplaces.
 */
class RatingsTests {

	@Test
	void readsNumbersStarsAndWords() {
		assertThat(Ratings.parse("5", false)).isEqualTo(5);
		assertThat(Ratings.parse("1.0", false)).isEqualTo(1);
		assertThat(Ratings.parse("４星", false)).isEqualTo(4);
		assertThat(Ratings.parse("★★☆☆☆", false)).isEqualTo(2);
		assertThat(Ratings.parse("好评", false)).isEqualTo(5);
		assertThat(Ratings.parse("中评", false)).isEqualTo(3);
		assertThat(Ratings.parse("差评", false)).isEqualTo(1);
		assertThat(Ratings.parse("负面评价", false)).isEqualTo(1);
		assertThat(Ratings.parse("13", true)).isEqualTo(1);
		assertThat(Ratings.parse("11", true)).isEqualTo(5);
	}

	@Test
	void refusesWhatIsNoRating() {
		assertThat(Ratings.parse("0", false)).isNull();
		assertThat(Ratings.parse("6", false)).isNull();
		assertThat(Ratings.parse("4.5", false)).isNull();
		assertThat(Ratings.parse("13", false)).isNull();
		assertThat(Ratings.parse("☆☆☆☆☆", false)).isNull();
		assertThat(Ratings.parse("great", false)).isNull();
	}

	@Test
	void aBadReviewHasAtMostTwoStars() {
		assertThat(Ratings.bad(2)).isTrue();
		assertThat(Ratings.bad(3)).isFalse();
	}

}
