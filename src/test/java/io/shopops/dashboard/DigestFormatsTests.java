package io.shopops.dashboard;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The robots' message formats and signatures, against HMACs computed by hand (Python's
 * {@code hmac} and {@code base64} modules), and the checks of targets.
 */
class DigestFormatsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final DigestMessage MESSAGE = new DigestMessage("Shop daily KPIs · 2026-12-02",
			"- **GMV**: ¥1,234.50 (vs previous day +3.2%, vs same day last week —)\n- **Paid orders**: 12 (…)\n\n"
					+ "[Open the KPI page](https://ops.example.com/dashboard?from=2026-12-02&to=2026-12-02)");

	@Test
	void dingTalkSignsTheTimestampAndSecretWithTheSecret() {
		// base64(HmacSHA256(key = secret, data = "1700000000000\nSEC1234567890abcdef"))
		assertThat(DigestFormats.dingTalkSign(1700000000000L, "SEC1234567890abcdef"))
			.isEqualTo("RqBq3E1RTBDv3n2QBCh4adZ2WHk9mVklyUoDBLxarjI=");
		assertThat(DigestFormats.url(DigestChannelKind.DINGTALK,
				"https://oapi.dingtalk.com/robot/send?access_token=abc", "SEC1234567890abcdef", 1700000000000L))
			.isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=abc&timestamp=1700000000000"
					+ "&sign=RqBq3E1RTBDv3n2QBCh4adZ2WHk9mVklyUoDBLxarjI%3D");
	}

	@Test
	void unsignedAndOtherRobotsKeepTheirUrl() {
		String url = "https://oapi.dingtalk.com/robot/send?access_token=abc";
		assertThat(DigestFormats.url(DigestChannelKind.DINGTALK, url, null, 1L)).isEqualTo(url);
		assertThat(DigestFormats.url(DigestChannelKind.DINGTALK, url, "  ", 1L)).isEqualTo(url);
		assertThat(
				DigestFormats.url(DigestChannelKind.FEISHU, "https://open.feishu.cn/open-apis/bot/v2/hook/x", "s", 1L))
			.isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/x");
	}

	@Test
	void feishuSignsNothingWithTheTimestampAndSecret() {
		// base64(HmacSHA256(key = "1700000000\ndemo-secret", data = empty))
		assertThat(DigestFormats.feishuSign(1700000000L, "demo-secret"))
			.isEqualTo("mYHw2R2SOm8Rw/sne3lQdmz4sOfntKR+1P/8RKKTwmA=");
	}

	@Test
	void weComGetsMarkdownContent() {
		JsonNode body = JSON.readTree(DigestFormats.payload(DigestChannelKind.WECOM, MESSAGE, "zh_CN", null, 0));
		assertThat(names(body)).containsExactly("msgtype", "markdown");
		assertThat(body.get("msgtype").asString()).isEqualTo("markdown");
		assertThat(names(body.get("markdown"))).containsExactly("content");
		assertThat(body.get("markdown").get("content").asString())
			.isEqualTo("### " + MESSAGE.title() + "\n" + MESSAGE.markdown());
	}

	@Test
	void dingTalkGetsMarkdownTitleAndText() {
		JsonNode body = JSON.readTree(DigestFormats.payload(DigestChannelKind.DINGTALK, MESSAGE, "en", "secret", 0));
		assertThat(names(body)).containsExactly("msgtype", "markdown");
		assertThat(body.get("markdown").get("title").asString()).isEqualTo(MESSAGE.title());
		assertThat(body.get("markdown").get("text").asString())
			.isEqualTo("### " + MESSAGE.title() + "\n" + MESSAGE.markdown());
	}

	@Test
	void feishuGetsAPostWithOneTextLinePerLineAndItsSignature() {
		JsonNode body = JSON
			.readTree(DigestFormats.payload(DigestChannelKind.FEISHU, MESSAGE, "zh_CN", "demo-secret", 1700000000123L));
		assertThat(names(body)).containsExactly("timestamp", "sign", "msg_type", "content");
		assertThat(body.get("timestamp").asString()).isEqualTo("1700000000");
		assertThat(body.get("sign").asString()).isEqualTo("mYHw2R2SOm8Rw/sne3lQdmz4sOfntKR+1P/8RKKTwmA=");
		assertThat(body.get("msg_type").asString()).isEqualTo("post");
		JsonNode post = body.get("content").get("post").get("zh_cn");
		assertThat(post.get("title").asString()).isEqualTo(MESSAGE.title());
		assertThat(post.get("content")).hasSize(3);
		JsonNode first = post.get("content").get(0).get(0);
		assertThat(first.get("tag").asString()).isEqualTo("text");
		// no Markdown marks in Feishu's text
		assertThat(first.get("text").asString())
			.isEqualTo("- GMV: ¥1,234.50 (vs previous day +3.2%, vs same day last week —)");
		assertThat(post.get("content").get(2).get(0).get("text").asString())
			.isEqualTo("Open the KPI page: https://ops.example.com/dashboard?from=2026-12-02&to=2026-12-02");
		JsonNode unsigned = JSON.readTree(DigestFormats.payload(DigestChannelKind.FEISHU, MESSAGE, "en", null, 0));
		assertThat(names(unsigned)).containsExactly("msg_type", "content");
		assertThat(unsigned.get("content").get("post").has("en_us")).isTrue();
	}

	@Test
	void eMailHasNoWebhookPayload() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DigestFormats.payload(DigestChannelKind.EMAIL, MESSAGE, "en", null, 0));
	}

	@Test
	void plainTextDropsHeadingsAndBold() {
		assertThat(new DigestMessage("t", "### Head\n- **A**: 1").plainText()).isEqualTo("Head\n- A: 1");
	}

	@Test
	void robotsThatAnswer200WithAnErrorCodeRefused() {
		assertThat(DigestFormats.refusal("{\"errcode\":0,\"errmsg\":\"ok\"}")).isNull();
		assertThat(DigestFormats.refusal("{\"code\":0,\"msg\":\"success\",\"data\":{}}")).isNull();
		assertThat(DigestFormats.refusal("{\"StatusCode\":0,\"StatusMessage\":\"success\"}")).isNull();
		assertThat(DigestFormats.refusal("")).isNull();
		assertThat(DigestFormats.refusal("ok")).isNull();
		assertThat(DigestFormats.refusal("{\"errcode\":310000,\"errmsg\":\"sign not match\"}"))
			.isEqualTo("errcode 310000: sign not match");
		assertThat(DigestFormats.refusal(
				"{\"code\":19021,\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}"))
			.startsWith("code 19021: sign match fail");
	}

	@Test
	void webhookUrlsMustBeHttpOrHttpsWithAHostAndNoCredentials() {
		assertThat(DigestChannels.urlProblem("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc")).isNull();
		assertThat(DigestChannels.urlProblem("http://127.0.0.1:8081/hook")).isNull();
		assertThat(DigestChannels.urlProblem("ftp://example.com/x")).isEqualTo("digest.form.target.scheme");
		assertThat(DigestChannels.urlProblem("javascript:alert(1)")).isEqualTo("digest.form.target.scheme");
		assertThat(DigestChannels.urlProblem("example.com/hook")).isEqualTo("digest.form.target.scheme");
		assertThat(DigestChannels.urlProblem("https://user:pw@example.com/x"))
			.isEqualTo("digest.form.target.credentials");
		assertThat(DigestChannels.urlProblem("https:///x")).isEqualTo("digest.form.target.url");
		assertThat(DigestChannels.urlProblem("https://exa mple.com/x")).isEqualTo("digest.form.target.url");
		assertThat(DigestChannels.urlProblem("https://example.com/x#frag")).isEqualTo("digest.form.target.url");
	}

	@Test
	void theTargetIsShownWithoutTheRobotsToken() {
		assertThat(DigestChannel.mask(DigestChannelKind.WECOM,
				"https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"))
			.isEqualTo("https://qyapi.weixin.qq.com/…5aaa");
		assertThat(DigestChannel.mask(DigestChannelKind.FEISHU, "http://127.0.0.1:8081/hook/abcdefgh"))
			.isEqualTo("http://127.0.0.1:8081/…efgh");
		assertThat(DigestChannel.mask(DigestChannelKind.EMAIL, "a@example.com, b@example.com"))
			.isEqualTo("a@example.com, b@example.com");
	}

	@Test
	void eMailAddressesAreCheckedOneByOne() {
		assertThat(DigestChannels.addresses("a@example.com, b@example.com;c@example.com a@example.com"))
			.isEqualTo(List.of("a@example.com", "b@example.com", "c@example.com"));
		assertThat(DigestChannels.addresses("a@example.com, not-an-address")).isEmpty();
		assertThat(DigestChannels.addresses("Boss <boss@example.com>")).isEmpty();
		assertThat(DigestChannels.addresses(" , ")).isEmpty();
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new java.util.ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
