package io.shopops.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.platform.WorkQueue;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Evaluates the alert rules. The KPI rules compare yesterday (the last whole day) with
 * the average of the 7 days before it, and need at least {@link #MIN_BASELINE_DAYS} of
 * them with a known value; the backlog and stock rules look at the numbers now.
 */
@Component
class AlertEvaluator {

	static final int BASELINE_DAYS = 7;

	static final int MIN_BASELINE_DAYS = 3;

	static final int MAX_SKUS = 20;

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private final AlertRules rules;

	private final KpiReports reports;

	private final ObjectProvider<PromotedProducts> promoted;

	private final Inventory inventory;

	private final MessageSource messages;

	AlertEvaluator(AlertRules rules, KpiReports reports, ObjectProvider<PromotedProducts> promoted, Inventory inventory,
			MessageSource messages) {
		this.rules = rules;
		this.reports = reports;
		this.promoted = promoted;
		this.inventory = inventory;
		this.messages = messages;
	}

	/**
	 * The enabled rules that fire on a day.
	 * @param today the shop's local day now
	 */
	List<Finding> evaluate(LocalDate today) {
		List<Finding> findings = new ArrayList<>();
		Baseline baseline = null;
		for (AlertRule rule : this.rules.enabled()) {
			Optional<Function<Locale, DigestMessage>> message = switch (rule.kind()) {
				case CONVERSION_DROP, REFUND_SPIKE -> {
					if (baseline == null) {
						baseline = baseline(today.minusDays(1));
					}
					yield (rule.kind() == AlertRuleKind.CONVERSION_DROP) ? conversionDrop(rule, baseline)
							: refundSpike(rule, baseline);
				}
				case SLA_BACKLOG -> backlog(rule);
				case PROMOTED_STOCK_OUT -> stockOut(rule, today);
			};
			message.ifPresent((m) -> findings.add(new Finding(rule, m)));
		}
		return findings;
	}

	private Baseline baseline(LocalDate day) {
		KpiRow current = this.reports.totals(new KpiRange(day, day), null);
		List<KpiRow> before = this.reports.report(new KpiRange(day.minusDays(BASELINE_DAYS), day.minusDays(1)), null)
			.days();
		return new Baseline(day, current, average(before, KpiRow::conversion), average(before, KpiRow::refundRate));
	}

	static BigDecimal average(List<KpiRow> days, Function<KpiRow, BigDecimal> figure) {
		List<BigDecimal> known = days.stream().map(figure).filter(java.util.Objects::nonNull).toList();
		if (known.size() < MIN_BASELINE_DAYS) {
			return null;
		}
		return known.stream()
			.reduce(BigDecimal.ZERO, BigDecimal::add)
			.divide(BigDecimal.valueOf(known.size()), 6, RoundingMode.HALF_UP);
	}

	private Optional<Function<Locale, DigestMessage>> conversionDrop(AlertRule rule, Baseline baseline) {
		BigDecimal current = baseline.current().conversion();
		BigDecimal average = baseline.conversion();
		BigDecimal drop = drop(current, average);
		if (!exceeds(drop, rule.threshold())) {
			return Optional.empty();
		}
		return Optional.of((locale) -> message(rule, locale, baseline.day().toString(),
				KpiFormat.value("conversion", current, locale), decimal(drop, locale) + "%",
				KpiFormat.value("conversion", average, locale), decimal(rule.threshold(), locale)));
	}

	private Optional<Function<Locale, DigestMessage>> refundSpike(AlertRule rule, Baseline baseline) {
		BigDecimal current = baseline.current().refundRate();
		BigDecimal average = baseline.refundRate();
		BigDecimal rise = rise(current, average);
		if (!exceeds(rise, rule.threshold())) {
			return Optional.empty();
		}
		return Optional.of((locale) -> message(rule, locale, baseline.day().toString(),
				KpiFormat.value("refundRate", current, locale), decimal(rise, locale),
				KpiFormat.value("refundRate", average, locale), decimal(rule.threshold(), locale)));
	}

	/**
	 * How far a rate fell below its average, in percent of the average (2 places), or
	 * {@code null} when either is not known or the average is 0.
	 */
	static BigDecimal drop(BigDecimal current, BigDecimal average) {
		if (current == null || average == null || average.signum() == 0) {
			return null;
		}
		return average.subtract(current).multiply(HUNDRED).divide(average, 2, RoundingMode.HALF_UP);
	}

	/**
	 * How far a rate rose above its average, in percentage points (2 places), or
	 * {@code null} when either is not known.
	 */
	static BigDecimal rise(BigDecimal current, BigDecimal average) {
		if (current == null || average == null) {
			return null;
		}
		return current.subtract(average).multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
	}

	/** Whether a known value is beyond (strictly above) a rule's threshold. */
	static boolean exceeds(BigDecimal value, BigDecimal threshold) {
		return value != null && value.compareTo(threshold) > 0;
	}

	private Optional<Function<Locale, DigestMessage>> backlog(AlertRule rule) {
		Optional<WorkQueue> queue = this.rules.queue(rule.queueKey());
		if (queue.isEmpty()) {
			return Optional.empty();
		}
		long count = queue.get().count();
		if (BigDecimal.valueOf(count).compareTo(rule.threshold()) <= 0) {
			return Optional.empty();
		}
		return Optional.of((locale) -> message(rule, locale, this.messages.getMessage(rule.queueKey(), null, locale),
				NumberFormat.getIntegerInstance(locale).format(count),
				NumberFormat.getIntegerInstance(locale).format(rule.threshold()), queue.get().path()));
	}

	private Optional<Function<Locale, DigestMessage>> stockOut(AlertRule rule, LocalDate today) {
		PromotedProducts products = this.promoted.getIfUnique();
		if (products == null) {
			return Optional.empty();
		}
		Set<String> skus = products.promotedSkus(today);
		if (skus.isEmpty()) {
			return Optional.empty();
		}
		List<String> low = new ArrayList<>();
		for (Map.Entry<String, Integer> sku : this.inventory.available(skus).entrySet()) {
			if (BigDecimal.valueOf(sku.getValue()).compareTo(rule.threshold()) <= 0) {
				low.add(sku.getKey() + " (" + sku.getValue() + ")");
			}
		}
		if (low.isEmpty()) {
			return Optional.empty();
		}
		String shown = String.join(", ", low.subList(0, Math.min(MAX_SKUS, low.size())))
				+ ((low.size() > MAX_SKUS) ? ", …" : "");
		return Optional.of((locale) -> message(rule, locale, NumberFormat.getIntegerInstance(locale).format(low.size()),
				NumberFormat.getIntegerInstance(locale).format(rule.threshold()), shown));
	}

	private DigestMessage message(AlertRule rule, Locale locale, Object... args) {
		String title = this.messages.getMessage("digest.alert." + rule.kind() + ".title", args, locale);
		String text = this.messages.getMessage("digest.alert." + rule.kind() + ".text", args, locale);
		return new DigestMessage(title, text);
	}

	private static String decimal(BigDecimal value, Locale locale) {
		NumberFormat format = NumberFormat.getNumberInstance(locale);
		format.setMinimumFractionDigits(0);
		format.setMaximumFractionDigits(2);
		return format.format(value);
	}

	/**
	 * Yesterday's KPIs and the average rates of the 7 days before.
	 */
	private record Baseline(LocalDate day, KpiRow current, BigDecimal conversion, BigDecimal refundRate) {
	}

	/**
	 * A rule that fires, with its message in a language.
	 *
	 * @param rule the rule
	 * @param message its message by language
	 */
	record Finding(AlertRule rule, Function<Locale, DigestMessage> message) {
	}

}
