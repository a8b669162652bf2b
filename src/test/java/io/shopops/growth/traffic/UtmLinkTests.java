package io.shopops.growth.traffic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Building tracked links: parameters appended in a fixed order and percent-encoded, the
 * page's own query and fragment kept, same-named parameters replaced.
 */
class UtmLinkTests {

	@Test
	void appendsTheCampaignParametersEncoded() {
		assertThat(UtmLink.build("https://shop.example.cn/collections/winter",
				UtmLink.parameters("xiaohongshu", "social", "双12 大促", null, "C7K2M9")))
			.isEqualTo("https://shop.example.cn/collections/winter?utm_source=xiaohongshu&utm_medium=social"
					+ "&utm_campaign=%E5%8F%8C12%20%E5%A4%A7%E4%BF%83&code=C7K2M9");
	}

	@Test
	void keepsThePagesQueryAndFragmentAndReplacesOldCampaignParameters() {
		assertThat(UtmLink.build("https://shop.example.cn/p/1?color=red&utm_source=old#reviews",
				UtmLink.parameters("baidu", "cpc", "winter", "banner a", null)))
			.isEqualTo("https://shop.example.cn/p/1?color=red&utm_source=baidu&utm_medium=cpc&utm_campaign=winter"
					+ "&utm_content=banner%20a#reviews");
	}

	@Test
	void aSiteWithoutPathGetsTheRootPath() {
		assertThat(UtmLink.build("https://shop.example.cn", UtmLink.parameters("wechat", "social", "a&b", null, null)))
			.isEqualTo("https://shop.example.cn/?utm_source=wechat&utm_medium=social&utm_campaign=a%26b");
	}

	@Test
	void onlyAbsoluteHttpUrlsAreLandingPages() {
		assertThat(UtmLink.parse("ftp://shop.example.cn/")).isNull();
		assertThat(UtmLink.parse("/products/x")).isNull();
		assertThat(UtmLink.parse("javascript:alert(1)")).isNull();
		assertThat(UtmLink.parse("https://shop example")).isNull();
		assertThat(UtmLink.parse("https://" + "a".repeat(1000) + ".cn")).isNull();
		assertThat(UtmLink.parse(" HTTPS://shop.example.cn/x ")).isNotNull();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> UtmLink.build("mailto:a@b.cn", UtmLink.parameters("a", "b", "c", null, null)));
	}

}
