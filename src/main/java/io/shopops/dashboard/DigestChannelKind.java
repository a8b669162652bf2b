package io.shopops.dashboard;

/**
 * Where a digest channel sends: a group robot's webhook or e-mail.
 */
enum DigestChannelKind {

	/** 企业微信 group robot. */
	WECOM(true, false),

	/** 钉钉 custom robot, optionally signed. */
	DINGTALK(true, true),

	/** 飞书 / Lark custom robot, optionally signed. */
	FEISHU(true, true),

	/** E-mail to one or more addresses. */
	EMAIL(false, false);

	private final boolean webhook;

	private final boolean signed;

	DigestChannelKind(boolean webhook, boolean signed) {
		this.webhook = webhook;
		this.signed = signed;
	}

	/** Whether the target is a webhook URL (else e-mail addresses). */
	public boolean webhook() {
		return this.webhook;
	}

	/** Whether the robot may have a signing secret. */
	public boolean signed() {
		return this.signed;
	}

}
