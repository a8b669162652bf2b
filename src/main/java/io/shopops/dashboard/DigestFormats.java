package io.shopops.dashboard;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * The robots' message formats and signatures, as their documentation says:
 * <ul>
 * <li>WeCom (企业微信群机器人): {@code {"msgtype":"markdown","markdown":{"content":…}}};</li>
 * <li>DingTalk (钉钉自定义机器人):
 * {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}; with a secret the URL
 * gets
 * {@code &timestamp=<ms>&sign=<urlencode(base64(HmacSHA256(secret, "<ms>\n" + secret)))>};</li>
 * <li>Feishu / Lark (飞书自定义机器人):
 * {@code {"msg_type":"post","content":{"post":{"zh_cn":{"title":…,
 * "content":[[{"tag":"text","text":…}],…]}}}}}; with a secret the body gets
 * {@code "timestamp":"<s>"} and
 * {@code "sign": base64(HmacSHA256(key = "<s>\n" + secret, data = empty))}.</li>
 * </ul>
 */
final class DigestFormats {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private DigestFormats() {
	}

	/**
	 * The JSON body a robot is sent.
	 * @param kind the robot, not {@link DigestChannelKind#EMAIL}
	 * @param message the message
	 * @param language the channel's language ({@code zh_CN} or {@code en})
	 * @param secret the signing secret, {@code null} or blank for none
	 * @param epochMillis the time of the request (Feishu's signature)
	 * @return the body
	 */
	static String payload(DigestChannelKind kind, DigestMessage message, String language, String secret,
			long epochMillis) {
		Map<String, Object> body = new LinkedHashMap<>();
		switch (kind) {
			case WECOM -> {
				body.put("msgtype", "markdown");
				body.put("markdown", Map.of("content", "### " + message.title() + "\n" + message.markdown()));
			}
			case DINGTALK -> {
				body.put("msgtype", "markdown");
				Map<String, Object> markdown = new LinkedHashMap<>();
				markdown.put("title", message.title());
				markdown.put("text", "### " + message.title() + "\n" + message.markdown());
				body.put("markdown", markdown);
			}
			case FEISHU -> {
				if (hasSecret(secret)) {
					long seconds = epochMillis / 1000;
					body.put("timestamp", Long.toString(seconds));
					body.put("sign", feishuSign(seconds, secret));
				}
				body.put("msg_type", "post");
				List<List<Map<String, Object>>> lines = new ArrayList<>();
				for (String line : message.plainText().split("\n")) {
					if (!line.isBlank()) {
						lines.add(List.of(Map.of("tag", "text", "text", line)));
					}
				}
				Map<String, Object> post = new LinkedHashMap<>();
				post.put("title", message.title());
				post.put("content", lines);
				body.put("content", Map.of("post", Map.of("en".equals(language) ? "en_us" : "zh_cn", post)));
			}
			case EMAIL -> throw new IllegalArgumentException("e-mail has no webhook payload");
		}
		return JSON.writeValueAsString(body);
	}

	/**
	 * The URL a robot is sent to: DingTalk's with its signature when it has a secret, the
	 * others' as they are.
	 */
	static String url(DigestChannelKind kind, String url, String secret, long epochMillis) {
		if (kind != DigestChannelKind.DINGTALK || !hasSecret(secret)) {
			return url;
		}
		return url + (url.contains("?") ? "&" : "?") + "timestamp=" + epochMillis + "&sign="
				+ URLEncoder.encode(dingTalkSign(epochMillis, secret), StandardCharsets.UTF_8);
	}

	/**
	 * DingTalk's signature before URL encoding: base64 of the HmacSHA256 of
	 * {@code "<ms>\n<secret>"} keyed with the secret.
	 */
	static String dingTalkSign(long epochMillis, String secret) {
		return hmac(secret.getBytes(StandardCharsets.UTF_8),
				(epochMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Feishu's signature: base64 of the HmacSHA256 of nothing keyed with
	 * {@code "<s>\n<secret>"}.
	 */
	static String feishuSign(long epochSeconds, String secret) {
		return hmac((epochSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
	}

	private static String hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	static boolean hasSecret(String secret) {
		return secret != null && !secret.isBlank();
	}

	/**
	 * What a robot answered, as an error text, or {@code null} when it accepted the
	 * message: WeCom and DingTalk answer {@code {"errcode":0,…}}, Feishu
	 * {@code {"code":0,…}} (older versions {@code {"StatusCode":0,…}}), all with HTTP 200
	 * even when they refuse.
	 */
	static String refusal(String responseBody) {
		if (responseBody == null || responseBody.isBlank()) {
			return null;
		}
		tools.jackson.databind.JsonNode root;
		try {
			root = JSON.readTree(responseBody);
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (root == null || !root.isObject()) {
			return null;
		}
		for (String[] field : new String[][] { { "errcode", "errmsg" }, { "code", "msg" },
				{ "StatusCode", "StatusMessage" } }) {
			tools.jackson.databind.JsonNode code = root.get(field[0]);
			if (code != null && code.isNumber() && code.asLong() != 0) {
				tools.jackson.databind.JsonNode text = root.get(field[1]);
				return field[0] + " " + code.asLong() + ((text != null) ? ": " + text.asString() : "");
			}
		}
		return null;
	}

}
