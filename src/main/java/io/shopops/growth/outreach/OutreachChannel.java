package io.shopops.growth.outreach;

import java.util.Locale;
import java.util.Optional;

/**
 * The channels a message goes out on, with the code stored and sent to senders and the
 * longest body a template of the channel may have.
 */
enum OutreachChannel {

	/** A text message; shown in parts of {@link TemplateRenderer#SMS_PART} characters. */
	SMS("sms", 350),

	/** An e-mail with a subject. */
	EMAIL("email", 2000),

	/** A WeChat template message (模板消息) to the customer's WeChat id. */
	WECHAT("wechat", 600);

	private final String code;

	private final int maxBody;

	OutreachChannel(String code, int maxBody) {
		this.code = code;
		this.maxBody = maxBody;
	}

	public String code() {
		return this.code;
	}

	public int maxBody() {
		return this.maxBody;
	}

	public String getCode() {
		return this.code;
	}

	static Optional<OutreachChannel> of(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String value = code.strip().toLowerCase(Locale.ROOT);
		for (OutreachChannel channel : values()) {
			if (channel.code.equals(value)) {
				return Optional.of(channel);
			}
		}
		return Optional.empty();
	}

}
