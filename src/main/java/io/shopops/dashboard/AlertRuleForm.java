package io.shopops.dashboard;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new alert rule as the form sends it; {@link AlertRules} checks the work queue.
 */
class AlertRuleForm {

	@NotNull(message = "{digest.rule.kind.required}")
	private AlertRuleKind kind = AlertRuleKind.CONVERSION_DROP;

	@NotNull(message = "{digest.rule.threshold.required}")
	@DecimalMin(value = "0", message = "{digest.rule.threshold.range}")
	@DecimalMax(value = "1000000", message = "{digest.rule.threshold.range}")
	@Digits(integer = 7, fraction = 2, message = "{digest.rule.threshold.range}")
	private BigDecimal threshold;

	@Size(max = 64, message = "{digest.rule.queue.unknown}")
	private String queueKey;

	public AlertRuleKind getKind() {
		return this.kind;
	}

	public void setKind(AlertRuleKind kind) {
		this.kind = kind;
	}

	public BigDecimal getThreshold() {
		return this.threshold;
	}

	public void setThreshold(BigDecimal threshold) {
		this.threshold = threshold;
	}

	public String getQueueKey() {
		return this.queueKey;
	}

	public void setQueueKey(String queueKey) {
		this.queueKey = queueKey;
	}

}
